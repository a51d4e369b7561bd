import type { StoredFingerprint, SuggestionEngine } from './engine'
import type { ConnectorStore } from './storage'

/**
 * Puts every stored fingerprint into the engine's index. Fingerprints of an older engine format
 * (which would only match exactly) are recomputed from the stored text and saved back in one
 * transaction first.
 */
export function loadFingerprints(store: ConnectorStore, engine: SuggestionEngine): void {
  const stored = store.listFingerprints()
  const fresh = new Map<string, StoredFingerprint>()
  const stale = stored.filter((s) => engine.isCurrent?.(s.fingerprint) === false)
  if (stale.length > 0) {
    for (const asset of store.getAssets(stale.map((s) => s.assetId)))
      fresh.set(asset.id, engine.fingerprint(asset.text))
    store.updateFingerprints([...fresh].map(([assetId, fingerprint]) => ({ assetId, fingerprint })))
  }
  const assets =
    fresh.size === 0
      ? stored
      : stored.map(({ assetId, fingerprint }) => ({
          assetId,
          fingerprint: fresh.get(assetId) ?? fingerprint,
        }))
  if (engine.load) engine.load(assets)
  else for (const { assetId, fingerprint } of assets) engine.add(assetId, fingerprint)
}
