import type { ConnectorClient } from '../connector/client'
import type { LibraryItem, UsageStats } from '../shared/domain'
import type { ClipwiseApi, UpdateAssetRequest } from '../shared/ipc'
import type { Asset, SeededConnectorTracking } from '../shared/wire'
import type { ActivityLog } from './activity-log'
import { assetLanguage, assetText, teamPlace, toLibraryItem } from './asset-mapping'
import type { ClipboardWatcher } from './clipboard-watcher'
import type { ConnectorSession } from './session'
import { trackingEvents } from './tracking-events'

/** Search results shown at most. */
const SEARCH_LIMIT = 50

/** Every saved snippet, newest first. */
export async function listLibrary(client: ConnectorClient): Promise<LibraryItem[]> {
  const assets = await client.listAssets()
  return assets.iterable.map(toLibraryItem).sort((a, b) => b.savedAt.localeCompare(a.savedAt))
}

/** Saved snippets matching a query, best first; an empty query lists everything. */
export async function searchLibrary(
  client: ConnectorClient,
  query: string,
): Promise<LibraryItem[]> {
  if (!query.trim()) return listLibrary(client)
  const found = await client.searchAssets(query.trim())
  const assets: Asset[] = []
  for (const hit of found.iterable.slice(0, SEARCH_LIMIT)) {
    const asset = hit.asset ?? (await client.getAsset(hit.identifier).catch(() => undefined))
    if (asset) assets.push(asset)
  }
  return assets.map(toLibraryItem)
}

/**
 * Applies a name/tags edit through `/asset/update` and a language correction through
 * `/asset/reclassify`; returns the item as stored.
 */
export async function updateLibraryItem(
  client: ConnectorClient,
  request: UpdateAssetRequest,
): Promise<{ item: LibraryItem; previousName: string }> {
  const before = await client.getAsset(request.assetId)
  let updated = await client.updateAsset({
    id: request.assetId,
    ...(request.name !== undefined ? { name: request.name } : {}),
    ...(request.tags ? { tags: { iterable: request.tags.map((text) => ({ text })) } } : {}),
  })
  if (request.language !== undefined && request.language !== assetLanguage(updated)) {
    updated = await client.reclassifyAsset(updated, request.language)
  }
  if (request.shared !== undefined && request.shared !== (teamPlace(updated)?.mine ?? false)) {
    updated = await client.shareAsset(request.assetId, request.shared)
  }
  return { item: toLibraryItem(updated), previousName: before.name ?? '' }
}

/** The library part of the tray window's API (list, search, copy, edit, delete, figures). */
export function createLibraryApi(deps: {
  session: ConnectorSession
  watcher: ClipboardWatcher
  activity: ActivityLog
  track: (event: SeededConnectorTracking) => void
}): Pick<
  ClipwiseApi,
  | 'listLibrary'
  | 'searchLibrary'
  | 'copyFromLibrary'
  | 'updateAsset'
  | 'deleteAsset'
  | 'getUsageStats'
> {
  const { session, track } = deps
  return {
    listLibrary: () => listLibrary(session.connectedClient()),
    searchLibrary: (request) => searchLibrary(session.connectedClient(), request.query),
    async copyFromLibrary(request) {
      const asset = await session.connectedClient().getAsset(request.assetId)
      await deps.watcher.writeOwn(assetText(asset))
      track(trackingEvents.libraryCopied(asset.id))
    },
    async updateAsset(request) {
      const { item, previousName } = await updateLibraryItem(session.connectedClient(), request)
      if (request.name !== undefined && request.name !== previousName) {
        track(trackingEvents.assetRenamed(item.id, previousName, item.name))
      } else track(trackingEvents.assetUpdated(item.id))
      return item
    },
    async deleteAsset(request) {
      await session.connectedClient().deleteAsset(request.assetId)
      track(trackingEvents.assetDeleted(request.assetId))
    },
    async getUsageStats(): Promise<UsageStats> {
      const stats = deps.activity.weekStats()
      const assets = await session
        .client()
        ?.listAssets()
        .catch(() => undefined)
      if (assets) stats.snippetsSaved = assets.iterable.length
      return stats
    },
  }
}
