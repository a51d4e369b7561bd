import type { ConnectorClient } from '../connector/client'
import type { LibraryItem } from '../shared/domain'
import type { UpdateAssetRequest } from '../shared/ipc'
import type { Asset } from '../shared/wire'
import { assetLanguage, teamPlace, toLibraryItem } from './asset-mapping'

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
