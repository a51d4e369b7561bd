import { createHash } from 'node:crypto'
import type { ReuseMatch, SuggestionEngine, StoredFingerprint } from './contracts'
import { normalizeSnippet } from './normalize'
import { createNearIndex } from './reuse/near-index'
import { decodeSketch, encodeSketch, querySketches, sketchOf } from './reuse/sketch'
import { assessSave } from './save/assess-save'
import { scanSecrets } from './secrets/scan'
import { createEnricher } from './enrich/enrich'
import type { ClassifierLoader } from './language/classifier'

export type * from './contracts'
export { normalizeSnippet } from './normalize'

/**
 * Reuse is suggested from this similarity up. Measured with `bench/quality.ts` (2,000 distinct
 * real snippets, 1,000 unrelated ones from other packages): the best unrelated match has median
 * 0.13, p90 0.50, p95 0.63; edited copies (2 lines changed + 1 inserted, in 8–30-line snippets)
 * median 0.55; partial copies median 0.84. At 0.55: false reuse 7.6%, edited 51%, partial 88%,
 * renamed 91%; at 0.65 false reuse 4.7% but edited 27%. 0.55 is the compromise until the scoring
 * separates ecosystem look-alikes better (see the closing note of issue 3).
 */
export const REUSE_THRESHOLD = 0.55

export interface EngineOptions {
  /** Similarity from which `isReuse` is true (default `REUSE_THRESHOLD`). */
  reuseThreshold?: number
  /** Loads the language model; defaults to the one shipped in `@vscode/vscode-languagedetection`. */
  loadClassifier?: ClassifierLoader
}

/** Hash of the normalised text: what makes two snippets exact duplicates. */
export function exactHashOf(text: string): string {
  return createHash('sha256').update(normalizeSnippet(text)).digest('base64url')
}

/** The suggestion engine: near-duplicate index, save rule, secret scanner and enrichment. */
export function createEngine(options: EngineOptions = {}): SuggestionEngine & {
  /** Exact re-score of every asset (brute force), for benchmarks and recall checks. */
  scanAll(text: string, limit?: number): ReuseMatch[]
} {
  const threshold = options.reuseThreshold ?? REUSE_THRESHOLD
  const index = createNearIndex()
  const enricher = createEnricher(options.loadClassifier)
  const strip = (m: { rank: number } & ReuseMatch): ReuseMatch => ({
    assetId: m.assetId,
    similarity: m.similarity,
    containment: m.containment,
    exact: m.exact,
  })

  return {
    fingerprint(text): StoredFingerprint {
      const normalized = normalizeSnippet(text)
      return { exactHash: exactHashOf(text), data: encodeSketch(sketchOf(normalized)) }
    },
    add(assetId, fingerprint) {
      index.add(assetId, fingerprint.exactHash, decodeSketch(fingerprint.data))
    },
    remove(assetId) {
      index.remove(assetId)
    },
    match(text, limit = 5) {
      const normalized = normalizeSnippet(text)
      if (normalized === '') return []
      return index.query(exactHashOf(text), querySketches(normalized), limit).map(strip)
    },
    scanAll(text, limit = 5) {
      return index
        .scan(querySketches(normalizeSnippet(text)))
        .slice(0, limit)
        .map(strip)
    },
    isReuse(best) {
      return best !== undefined && (best.exact || best.similarity >= threshold)
    },
    assessSave(text, signals) {
      return assessSave(text, signals)
    },
    scanSecrets(text) {
      return scanSecrets(text)
    },
    enrich(text, hint) {
      return enricher.enrich(text, hint)
    },
  }
}
