import { createHash } from 'node:crypto'
import type { ReuseMatch, SuggestionEngine, StoredFingerprint } from './contracts'
import { normalizeSnippet } from './normalize'

export type * from './contracts'

/**
 * A first engine: exact matches after normalisation, and a plain "looks like code" save rule.
 * The near-duplicate index, secret scanner and language classifier replace its internals.
 */
export function createEngine(): SuggestionEngine {
  const byHash = new Map<string, Set<string>>()
  const hashOf = new Map<string, string>()

  const exactHash = (text: string): string =>
    createHash('sha256').update(normalizeSnippet(text)).digest('hex')

  return {
    fingerprint(text): StoredFingerprint {
      return { exactHash: exactHash(text), data: new Uint8Array() }
    },
    add(assetId, fingerprint) {
      this.remove(assetId)
      hashOf.set(assetId, fingerprint.exactHash)
      let ids = byHash.get(fingerprint.exactHash)
      if (!ids) byHash.set(fingerprint.exactHash, (ids = new Set()))
      ids.add(assetId)
    },
    remove(assetId) {
      const hash = hashOf.get(assetId)
      if (hash === undefined) return
      hashOf.delete(assetId)
      byHash.get(hash)?.delete(assetId)
    },
    match(text, limit = 5): ReuseMatch[] {
      const ids = byHash.get(exactHash(text)) ?? new Set<string>()
      return [...ids]
        .slice(0, limit)
        .map((assetId) => ({ assetId, similarity: 1, containment: 1, exact: true }))
    },
    isReuse(best) {
      return best !== undefined && best.similarity >= 0.999
    },
    assessSave(text, signals) {
      if (signals.alreadySaved) return { suggested: false, reason: 'already-saved' }
      const normalized = normalizeSnippet(text)
      const lines = normalized.split('\n').filter((l) => l.trim() !== '')
      const looksLikeCode = /[{}();=]|^\s*(def|class|import|from|fn|func|const|let|var)\b/m.test(
        normalized,
      )
      if (!looksLikeCode) return { suggested: false, reason: 'not-code' }
      if (lines.length < 2 && normalized.length < 40) return { suggested: false, reason: 'too-short' }
      return { suggested: true, reason: 'code' }
    },
    scanSecrets() {
      return []
    },
    async enrich(text, hint) {
      const first = normalizeSnippet(text).split('\n')[0] ?? ''
      return {
        text,
        language: hint?.language ?? 'txt',
        generic: 'CODE',
        name: hint?.name ?? first.slice(0, 60),
        tags: [],
        sensitives: [],
      }
    },
  }
}
