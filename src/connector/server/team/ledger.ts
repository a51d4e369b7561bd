import { allRows, getRow, type Statements } from '../storage'

/** The fields a team edits together, each last-writer-wins with its writer and time kept. */
export const SHARED_FIELDS = ['name', 'tags', 'language'] as const
export type SharedField = (typeof SHARED_FIELDS)[number]

/** When a field was last written and by which PostgreSQL role. */
export interface Stamp {
  at: string
  by: string
}

/**
 * `shared`: in the team library. Own snippets: `unshared` (taken out), `gone` (deleted here).
 * Pulled snippets: `gone` (deleted by their owner), `hidden` (deleted here, for this user only).
 */
export type LinkState = 'shared' | 'unshared' | 'gone' | 'hidden'

/** How a local snippet relates to the team library. */
export interface TeamLink {
  assetId: string
  teamId: string
  origin: 'own' | 'pulled'
  state: LinkState
  /** Empty until the first push reaches a library. */
  libraryId: string
  libraryName: string
  owner: string
  ownerName: string
  stamps: Record<SharedField, Stamp>
  /** Why a snippet the user shared was kept back (a credential was found). */
  refused?: string
}

interface LinkRow {
  asset_id: string
  team_id: string
  origin: 'own' | 'pulled'
  state: LinkState
  library_id: string
  library_name: string
  owner: string
  owner_name: string
  name_at: string
  name_by: string
  tags_at: string
  tags_by: string
  language_at: string
  language_by: string
  refused: string | null
}

const toLink = (r: LinkRow): TeamLink => ({
  assetId: r.asset_id,
  teamId: r.team_id,
  origin: r.origin,
  state: r.state,
  libraryId: r.library_id,
  libraryName: r.library_name,
  owner: r.owner,
  ownerName: r.owner_name,
  stamps: {
    name: { at: r.name_at, by: r.name_by },
    tags: { at: r.tags_at, by: r.tags_by },
    language: { at: r.language_at, by: r.language_by },
  },
  ...(r.refused !== null && { refused: r.refused }),
})

/** The link of a local asset, if it has one. */
export function linkOf(sql: Statements, assetId: string): TeamLink | undefined {
  const row = getRow<LinkRow>(sql('SELECT * FROM team_links WHERE asset_id = ?'), assetId)
  return row && toLink(row)
}

/** The link of a team library snippet, if it reached this library. */
export function linkOfTeamId(sql: Statements, teamId: string): TeamLink | undefined {
  const row = getRow<LinkRow>(sql('SELECT * FROM team_links WHERE team_id = ?'), teamId)
  return row && toLink(row)
}

/** Links whose `key` column is one of `ids`, in one query, by that key. */
function linksBy(
  sql: Statements,
  key: 'team_id' | 'asset_id',
  ids: readonly string[],
): Map<string, TeamLink> {
  if (ids.length === 0) return new Map()
  const rows = allRows<LinkRow>(
    sql(`SELECT * FROM team_links WHERE ${key} IN (SELECT value FROM json_each(?))`),
    JSON.stringify(ids),
  )
  return new Map(rows.map((r) => [r[key], toLink(r)]))
}

/** Links of many team library snippets at once, by team id (a pulled page in one query). */
export function linksOfTeamIds(sql: Statements, teamIds: readonly string[]): Map<string, TeamLink> {
  return linksBy(sql, 'team_id', teamIds)
}

/** Links of many local assets at once (rendering a page of results). */
export function linksOf(sql: Statements, assetIds: readonly string[]): Map<string, TeamLink> {
  return linksBy(sql, 'asset_id', assetIds)
}

/** Creates or replaces a link (caller holds the transaction). */
export function writeLink(sql: Statements, link: TeamLink): void {
  const { stamps: s } = link
  sql(
    `INSERT OR REPLACE INTO team_links (asset_id, team_id, origin, state, library_id, library_name,
       owner, owner_name, name_at, name_by, tags_at, tags_by, language_at, language_by, refused)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    link.assetId,
    link.teamId,
    link.origin,
    link.state,
    link.libraryId,
    link.libraryName,
    link.owner,
    link.ownerName,
    s.name.at,
    s.name.by,
    s.tags.at,
    s.tags.by,
    s.language.at,
    s.language.by,
    link.refused ?? null,
  )
}

/** Drops links (a team library that is no longer this connector's). */
export function deleteLinks(sql: Statements, assetIds: readonly string[]): void {
  sql('DELETE FROM team_links WHERE asset_id IN (SELECT value FROM json_each(?))').run(
    JSON.stringify(assetIds),
  )
}

/** Every link, for a switch of library. */
export function allLinks(sql: Statements): TeamLink[] {
  return allRows<LinkRow>(sql('SELECT * FROM team_links')).map(toLink)
}

/** Queues a change of the asset for the next push (caller holds the save's transaction). */
export function enqueue(sql: Statements, assetId: string, now: Date): void {
  sql('INSERT INTO team_outbox (asset_id, created_at) VALUES (?, ?)').run(
    assetId,
    now.toISOString(),
  )
}

/** A changed asset waiting to be pushed: everything queued for it up to `upTo`. */
export interface PendingChange {
  assetId: string
  upTo: number
}

/** The oldest changes waiting, one per asset (several edits of one snippet push once). */
export function pendingChanges(sql: Statements, limit: number): PendingChange[] {
  return allRows<{ asset_id: string; up_to: number }>(
    sql(
      `SELECT asset_id, max(id) AS up_to FROM team_outbox GROUP BY asset_id
       ORDER BY min(id) LIMIT ?`,
    ),
    limit,
  ).map((r) => ({ assetId: r.asset_id, upTo: r.up_to }))
}

/** Removes pushed changes; anything queued for the asset after `upTo` stays for the next push. */
export function markPushed(sql: Statements, changes: readonly PendingChange[]): void {
  const remove = sql('DELETE FROM team_outbox WHERE asset_id = ? AND id <= ?')
  for (const c of changes) remove.run(c.assetId, c.upTo)
}

/** How many assets have changes waiting. */
export function pendingCount(sql: Statements): number {
  return getRow<{ n: number }>(sql('SELECT count(DISTINCT asset_id) AS n FROM team_outbox'))?.n ?? 0
}

/** Empties the outbox (a team library that is no longer this connector's). */
export function clearOutbox(sql: Statements): void {
  sql('DELETE FROM team_outbox').run()
}

/** A value this connector keeps about its team library (`library`, `cursor`, `role`). */
export function readMeta(sql: Statements, key: string): string | undefined {
  return getRow<{ value: string }>(sql('SELECT value FROM meta WHERE key = ?'), `team.${key}`)
    ?.value
}

/** Stores a team value (caller holds the transaction when it goes with other writes). */
export function writeMeta(sql: Statements, key: string, value: string): void {
  sql('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(`team.${key}`, value)
}

/** Records which library the user's pushed snippets reached (after a push). */
export function setLibrary(
  sql: Statements,
  assetIds: readonly string[],
  library: { id: string; name: string; role: string },
): void {
  sql(
    `UPDATE team_links SET library_id = ?, library_name = ?, owner = ?
     WHERE origin = 'own' AND asset_id IN (SELECT value FROM json_each(?))`,
  ).run(library.id, library.name, library.role, JSON.stringify(assetIds))
}

/** How many of the user's snippets were kept back because the scanner flagged them. */
export function refusedCount(sql: Statements): number {
  return (
    getRow<{ n: number }>(sql('SELECT count(*) AS n FROM team_links WHERE refused IS NOT NULL'))
      ?.n ?? 0
  )
}
