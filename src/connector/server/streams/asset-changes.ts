import type { ConnectorStore } from '../storage'

/** One asset that was saved, changed or deleted. */
export interface AssetChange {
  id: string
  deleted: boolean
}

/** Listeners return a promise that settles once the change is on its way (written out). */
export type AssetChangeListener = (change: AssetChange) => Promise<void> | void

/** Where changes to the library are announced, and how a route waits for them to go out. */
export interface AssetChanges {
  subscribe(listener: AssetChangeListener): () => void
  announce(change: AssetChange): void
  /** Settles when every announcement made so far has been written to its listeners. */
  settled(): Promise<void>
  /** Says that a client read this asset (GET /asset/{id}), once the answer went out. */
  noteRead(id: string): void
  /**
   * Settles once a client read the asset (true), or after `timeoutMs` (false); at once (false)
   * when no one listens.
   * Stream clients (the SDKs' identifier caches) fetch each announced asset; an integration that
   * links tags right after saving looks the new asset up in that cache.
   */
  readByListeners(id: string, timeoutMs: number): Promise<boolean>
}

/** Creates the announcement hub the assets websocket listens to. */
export function createAssetChanges(): AssetChanges {
  const listeners = new Set<AssetChangeListener>()
  const pending = new Set<Promise<void>>()
  const readers = new Map<string, (() => void)[]>()
  return {
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    announce(change) {
      for (const listener of listeners) {
        const sent = Promise.resolve(listener(change)).catch(() => undefined)
        pending.add(sent)
        void sent.finally(() => pending.delete(sent))
      }
    },
    settled: async () => {
      await Promise.all([...pending])
    },
    noteRead(id) {
      for (const wake of readers.get(id) ?? []) wake()
      readers.delete(id)
    },
    readByListeners(id, timeoutMs) {
      if (listeners.size === 0) return Promise.resolve(false)
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs)
        const wake = () => {
          clearTimeout(timer)
          resolve(true)
        }
        readers.set(id, [...(readers.get(id) ?? []), wake])
      })
    },
  }
}

/**
 * The store, announcing each change to an asset as it commits, whichever route made it (a save
 * from the tray's /reaction as much as a Pieces plugin's /assets/create).
 */
export function announcingStore(store: ConnectorStore, changes: AssetChanges): ConnectorStore {
  const changed = (id: string, deleted = false) => changes.announce({ id, deleted })
  return {
    ...store,
    createAsset: (input, now) => {
      const asset = store.createAsset(input, now)
      changed(asset.id)
      return asset
    },
    importAssets: (inputs, now) => {
      const assets = store.importAssets(inputs, now)
      for (const asset of assets) changed(asset.id)
      return assets
    },
    updateAsset: (id, patch, now) => {
      const asset = store.updateAsset(id, patch, now)
      if (asset) changed(id)
      return asset
    },
    deleteAsset: (id, now) => {
      const deleted = store.deleteAsset(id, now)
      if (deleted) changed(id, true)
      return deleted
    },
    pieces: {
      ...store.pieces,
      replaceText: (id, text, fingerprint, now) => {
        const asset = store.pieces.replaceText(id, text, fingerprint, now)
        if (asset) changed(id)
        return asset
      },
    },
  }
}
