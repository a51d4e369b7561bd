import type { SuggestionEngine } from '../engine'
import type { ConnectorStore } from '../storage'
import { allLinks, clearOutbox, deleteLinks, readMeta, writeMeta } from './ledger'
import type { LibraryInfo } from './remote'

/**
 * Records which team library this connector syncs with. When it is another one than last time
 * (the URL now names another database), that library's snippets are not this one's and the user's
 * shares were made with other people: pulled snippets go, the user's own stay (no longer shared),
 * the outbox empties and the cursor starts over.
 */
export function adoptLibrary(
  store: ConnectorStore,
  engine: Pick<SuggestionEngine, 'remove'>,
  info: LibraryInfo,
): void {
  const removed: string[] = []
  store.transaction((sql) => {
    const known = readMeta(sql, 'library')
    if (known !== undefined && known !== info.id) {
      const links = allLinks(sql)
      for (const link of links) {
        if (link.origin === 'pulled' && store.deleteAsset(link.assetId, new Date())) {
          removed.push(link.assetId)
        }
      }
      deleteLinks(
        sql,
        links.map((l) => l.assetId),
      )
      clearOutbox(sql)
      writeMeta(sql, 'cursor', '0')
    }
    writeMeta(sql, 'library', info.id)
    writeMeta(sql, 'library_name', info.name)
    writeMeta(sql, 'role', info.role)
  })
  for (const id of removed) engine.remove(id)
}
