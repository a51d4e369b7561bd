import { HttpError, NotFoundError } from '../errors'
import type { AssetRecord, ConnectorStore, Statements } from '../storage'
import {
  enqueue,
  linkOf,
  linksOf,
  writeLink,
  type SharedField,
  type Stamp,
  type TeamLink,
} from './ledger'

/** What the team store needs to know of this run's team library. */
export interface TeamPolicy {
  /** Whether a team library is set for this run (`team.url` or `--team`). */
  enabled(): boolean
  /** The setting "share new saves with the team". */
  shareNewSaves(): boolean
  /** The PostgreSQL role and display name this connector writes as. */
  me(): { role: string; name: string }
  /** The team library's name as last seen (empty before the first connection). */
  library(): { id: string; name: string }
  /** Credentials found in a text (the connector's scanner). */
  scan(text: string): readonly unknown[]
  /** Called after a change was queued in the outbox (the sync pushes soon). */
  queued(): void
}

/** The connector's store with team links kept in the same transactions as saves and edits. */
export interface TeamStore extends ConnectorStore {
  /** Shares one of the user's snippets with the team, or takes it out; returns it as stored. */
  setShared(assetId: string, shared: boolean, now: Date): AssetRecord
}

/** Why a snippet may not leave this computer, or undefined when it may. */
export function refusalOf(asset: AssetRecord, scan: TeamPolicy['scan']): string | undefined {
  if (asset.sensitives.length > 0 || scan(asset.text).length > 0) {
    return 'It holds a credential (redacted here), so it is never shared.'
  }
  return undefined
}

/** A fresh link for a snippet saved here, every field stamped now by this user. */
export function ownLink(asset: AssetRecord, policy: TeamPolicy, now: Date): TeamLink {
  const { role, name } = policy.me()
  const stamp: Stamp = { at: now.toISOString(), by: role }
  const library = policy.library()
  return {
    assetId: asset.id,
    teamId: asset.id,
    origin: 'own',
    state: 'shared',
    libraryId: library.id,
    libraryName: library.name,
    owner: role,
    ownerName: name,
    stamps: { name: stamp, tags: stamp, language: stamp },
  }
}

const tagSet = (asset: AssetRecord) => JSON.stringify(asset.tags.map((t) => t.text).sort())

/** The shared fields an edit really changed (saving a form unchanged writes nothing). */
const changedFields = (before: AssetRecord, after: AssetRecord): SharedField[] => [
  ...(before.name !== after.name ? (['name'] as const) : []),
  ...(tagSet(before) !== tagSet(after) ? (['tags'] as const) : []),
  ...(before.language !== after.language ? (['language'] as const) : []),
]

/**
 * Wraps the store so that a save shared by the setting, an edit of a team snippet and a deletion
 * write their outbox entry in the same SQLite transaction as the change itself: a crash between
 * save and push loses nothing, and a refused save writes nothing.
 */
export function withTeam(store: ConnectorStore, policy: TeamPolicy): TeamStore {
  // The statement cache outlives the transaction that hands it over: reads use it directly.
  const reads = store.transaction((sql) => sql)
  const decorate = (sql: Statements, assets: AssetRecord[]): AssetRecord[] => {
    const links = linksOf(
      sql,
      assets.map((a) => a.id),
    )
    if (links.size === 0) return assets
    return assets.map((asset) => {
      const link = links.get(asset.id)
      if (!link || link.state !== 'shared') return asset
      return {
        ...asset,
        team: {
          library: link.libraryName || policy.library().name || 'team library',
          owner: link.owner,
          ownerName: link.ownerName,
          mine: link.origin === 'own',
        },
      }
    })
  }
  const read = <T extends AssetRecord | undefined>(work: () => T, sql: Statements): T => {
    const asset = work()
    return (asset && decorate(sql, [asset])[0]) as T
  }
  const queue = (sql: Statements, assetId: string, now: Date) => {
    enqueue(sql, assetId, now)
    policy.queued()
  }

  return {
    ...store,
    createAsset: (input, now) =>
      store.transaction((sql) => {
        const asset = store.createAsset(input, now)
        if (!policy.enabled() || !policy.shareNewSaves() || refusalOf(asset, policy.scan)) {
          return asset
        }
        writeLink(sql, ownLink(asset, policy, now))
        queue(sql, asset.id, now)
        return decorate(sql, [asset])[0] ?? asset
      }),
    getAsset: (id) => read(() => store.getAsset(id), reads),
    getAssets: (ids) => decorate(reads, store.getAssets(ids)),
    listAssets: () => decorate(reads, store.listAssets()),
    searchAssets: (query, limit) => {
      const hits = store.searchAssets(query, limit)
      const assets = decorate(
        reads,
        hits.map((h) => h.asset),
      )
      return hits.map((hit, i) => ({ ...hit, asset: assets[i] ?? hit.asset }))
    },
    updateAsset: (id, patch, now) =>
      store.transaction((sql) => {
        const before = store.getAsset(id)
        const updated = store.updateAsset(id, patch, now)
        const link = updated && linkOf(sql, id)
        if (!before || !updated || !link || link.state !== 'shared') return updated
        const changed = changedFields(before, updated)
        if (changed.length === 0) return decorate(sql, [updated])[0]
        const stamp: Stamp = { at: now.toISOString(), by: policy.me().role }
        const stamps = { ...link.stamps }
        for (const field of changed) stamps[field] = stamp
        writeLink(sql, { ...link, stamps })
        queue(sql, id, now)
        return decorate(sql, [updated])[0]
      }),
    deleteAsset: (id, now) =>
      store.transaction((sql) => {
        const deleted = store.deleteAsset(id, now)
        const link = deleted && linkOf(sql, id)
        if (!link || link.state !== 'shared') return deleted
        // The owner's deletion reaches every teammate; deleting a teammate's snippet only hides
        // it here (their copy, and everyone else's, stays).
        writeLink(sql, { ...link, state: link.origin === 'own' ? 'gone' : 'hidden' })
        if (link.origin === 'own') queue(sql, id, now ?? new Date())
        return deleted
      }),
    setShared: (assetId, shared, now) =>
      store.transaction((sql) => {
        const asset = store.getAsset(assetId)
        if (!asset) throw new NotFoundError(`No asset with id ${assetId}.`)
        const link = linkOf(sql, assetId)
        if (link?.origin === 'pulled') {
          throw new HttpError(
            409,
            'TEAM_NOT_OWNER',
            `This snippet is ${link.ownerName}'s; only they can take it out of the team library (deleting it hides it for you).`,
          )
        }
        if (shared) {
          if (!policy.enabled()) {
            throw new HttpError(
              409,
              'TEAM_NOT_SET',
              'No team library is set: set team.url in the settings or pass --team <postgres://…>.',
            )
          }
          const refusal = refusalOf(asset, policy.scan)
          if (refusal) throw new HttpError(409, 'TEAM_SECRET', refusal)
          if (link?.state === 'shared') return read(() => asset, sql)
          const fresh = ownLink(asset, policy, now)
          writeLink(sql, link ? { ...link, state: 'shared', refused: undefined } : fresh)
        } else {
          if (!link || link.state !== 'shared') return asset
          writeLink(sql, { ...link, state: 'unshared' })
        }
        queue(sql, assetId, now)
        return read(() => asset, sql)
      }),
  }
}
