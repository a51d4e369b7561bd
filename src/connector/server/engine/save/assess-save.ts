import type { SaveSignals, SaveVerdict } from '../contracts'
import { bestHint, hintScores } from '../language/syntax-hints'
import { normalizeSnippet } from '../normalize'
import { scanSecrets } from '../../../../shared/secrets'

/** Shorter than this (and a single line) is not worth a snippet, unless copied repeatedly. */
export const MIN_CODE_CHARS = 40
/** Longer than this is a file, not a snippet. */
export const MAX_CODE_CHARS = 20_000
/** Syntax evidence from which a text counts as code (one clear declaration or two weaker signs). */
export const MIN_CODE_EVIDENCE = 2.5
/**
 * Share of lines shaped like code (ending in `;` `{` `}` `)`, calls, assignments) from which a
 * snippet with some syntax evidence counts as code: import lists, call sequences, SQL and CSS
 * with few keywords. Chosen on real snippets of 13 languages (`bench/quality-language.ts`): at
 * 0.6 the save rate on code rose by ~6 points with no change on the never-save corpus.
 */
export const MIN_CODE_LINE_SHARE = 0.6
/** Prose share up to which a snippet with twice the code evidence still counts as code. */
export const MAX_PROSE_IN_CODE = 0.7

const CODE_LINE =
  /[;{}([,]\s*$|^\s*[)}\]]|[\w$\]]\(.*\)|[\w$\]]\s*(?:[-+*/|&]?=|:=)\s*\S|\w\.\w+\(|^\s*[\w.-]+\s*:\s*[^;]+;\s*$|^\s*(?:<\/?\w|#\s*\w+)/

const URL = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+$/i
const EMAIL = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/
const PATH = /^(?:~|\.{1,2}|[A-Za-z]:)?[\\/]?(?:[\w.@ -]+[\\/])+[\w.@ -]*$/
const NUMBER = /^[-+]?[\d.,_ ]+(?:e[-+]?\d+)?%?$/i
const STACK_LINE =
  /^\s*(?:at .+(?:\(.+:\d+:\d+\)|:\d+:\d+)|File ".+", line \d+|Traceback \(most recent call last\):|\w+(?:Error|Exception)\b.*:)/

/** Share of lines that read as prose: several words, few code symbols. */
function proseShare(lines: string[]): number {
  let prose = 0
  for (const line of lines) {
    const words = line.match(/[A-Za-z]{2,}/g)?.length ?? 0
    const symbols = line.match(/[{}()[\];=<>$]/g)?.length ?? 0
    const codeish = /[:,]\s*$|\w\.\w|\w_\w/.test(line)
    if (!codeish && ((words >= 5 && symbols === 0) || (words >= 8 && symbols <= 1))) prose++
  }
  return lines.length === 0 ? 1 : prose / lines.length
}

/** Whether a copied text is worth suggesting for saving (cheap: no model on this path). */
export function assessSave(text: string, signals: SaveSignals): SaveVerdict {
  if (signals.alreadySaved) return { suggested: false, reason: 'already-saved' }
  const normalized = normalizeSnippet(text)
  const trimmed = normalized.trim()
  if (trimmed === '') return { suggested: false, reason: 'empty' }
  if (scanSecrets(text).length > 0) return { suggested: false, reason: 'secret' }
  if (!/\s/.test(trimmed)) {
    if (URL.test(trimmed)) return { suggested: false, reason: 'url' }
    if (EMAIL.test(trimmed)) return { suggested: false, reason: 'email' }
    if (NUMBER.test(trimmed)) return { suggested: false, reason: 'number' }
    if (PATH.test(trimmed)) return { suggested: false, reason: 'path' }
    if (/^[\w.-]+$/.test(trimmed)) return { suggested: false, reason: 'single-word' }
  }
  if (NUMBER.test(trimmed)) return { suggested: false, reason: 'number' }
  if (URL.test(trimmed) || PATH.test(trimmed)) return { suggested: false, reason: 'path' }
  const lines = trimmed.split('\n').filter((l) => l.trim() !== '')
  const stackLines = lines.filter((l) => STACK_LINE.test(l)).length
  if (stackLines >= 2 && stackLines >= lines.length / 2)
    return { suggested: false, reason: 'stack-trace' }
  if (trimmed.length > MAX_CODE_CHARS) return { suggested: false, reason: 'too-long' }
  const prose = proseShare(lines)
  if (prose >= MAX_PROSE_IN_CODE) return { suggested: false, reason: 'prose' }
  const best = bestHint(hintScores(trimmed))
  const evidence = best?.[0] === 'md' || best?.[0] === 'yaml' ? 0 : (best?.[1] ?? 0)
  const codeLines = lines.filter((l) => CODE_LINE.test(l)).length / lines.length
  const repeated = signals.repeatCount >= 2
  const code =
    (evidence >= MIN_CODE_EVIDENCE && prose < 0.5) ||
    evidence >= 2 * MIN_CODE_EVIDENCE ||
    (evidence > 0 && lines.length >= 2 && codeLines >= MIN_CODE_LINE_SHARE && prose < 0.3) ||
    // A repeat copy lowers the bar: half the evidence, one line shaped like code is enough.
    (repeated &&
      evidence >= MIN_CODE_EVIDENCE / 2 &&
      codeLines >= MIN_CODE_LINE_SHARE &&
      prose < 0.3)
  if (!code) return { suggested: false, reason: prose >= 0.5 ? 'prose' : 'not-code' }
  const minChars = repeated ? MIN_CODE_CHARS / 2 : MIN_CODE_CHARS
  if (lines.length < 2 && trimmed.length < minChars)
    return { suggested: false, reason: 'too-short' }
  return { suggested: true, reason: repeated ? 'code-repeated' : 'code' }
}
