import type { StoredFingerprint, SuggestionEngine } from './engine'
import type { ConnectorStore } from './storage'

/** Stale fingerprints recomputed, saved (one transaction) and added per batch. */
export const RECOMPUTE_BATCH = 1_000

/**
 * Puts every stored fingerprint into the engine's index, streaming the rows (at 100,000 assets,
 * listing them all first left RSS ~180 MB higher for good: 100,000 BLOB buffers freed among the
 * index's blocks, and a V8 heap grown for the row objects). Fingerprints of an older engine
 * format (which would only match exactly) are recomputed from the stored text afterwards, saved
 * back and added, `RECOMPUTE_BATCH` at a time: a library of a million pulled snippets after an
 * engine upgrade never holds every text at once.
 */
export function loadFingerprints(store: ConnectorStore, engine: SuggestionEngine): void {
  const stale: string[] = []
  function* current(): Generator<{ assetId: string; fingerprint: StoredFingerprint }> {
    for (const row of store.iterateFingerprints()) {
      if (engine.isCurrent?.(row.fingerprint) === false) stale.push(row.assetId)
      else yield row
    }
  }
  if (engine.load) engine.load(current())
  else for (const { assetId, fingerprint } of current()) engine.add(assetId, fingerprint)
  if (stale.length === 0) return
  // One generator for all batches: the index is loaded once (a load merges its postings at the
  // end; a load per batch merged the whole index a thousand times at 1,000,000 snippets).
  function* recomputed(): Generator<{ assetId: string; fingerprint: StoredFingerprint }> {
    for (let at = 0; at < stale.length; at += RECOMPUTE_BATCH) {
      const fresh = store
        .getAssets(stale.slice(at, at + RECOMPUTE_BATCH))
        .map((asset) => ({ assetId: asset.id, fingerprint: engine.fingerprint(asset.text) }))
      store.updateFingerprints(fresh)
      yield* fresh
    }
  }
  if (engine.load) engine.load(recomputed())
  else for (const { assetId, fingerprint } of recomputed()) engine.add(assetId, fingerprint)
}
