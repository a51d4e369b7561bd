import type { SaveSignals, SaveVerdict } from '../contracts'
import { normalizeSnippet } from '../normalize'

/** Whether a copied text is worth suggesting for saving. */
export function assessSave(text: string, signals: SaveSignals): SaveVerdict {
  if (signals.alreadySaved) return { suggested: false, reason: 'already-saved' }
  const normalized = normalizeSnippet(text)
  const lines = normalized.split('\n').filter((l) => l.trim() !== '')
  const looksLikeCode = /[{}();=]|^\s*(def|class|import|from|fn|func|const|let|var)\b/m.test(
    normalized,
  )
  if (!looksLikeCode) return { suggested: false, reason: 'not-code' }
  if (lines.length < 2 && normalized.length < 40) return { suggested: false, reason: 'too-short' }
  return { suggested: true, reason: 'code' }
}
