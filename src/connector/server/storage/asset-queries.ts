import { randomUUID } from 'node:crypto'
import type {
  AssetPatch,
  AssetRecord,
  NewAsset,
  SearchHit,
  SensitiveRecord,
  TagRecord,
} from './contracts'
import { toFtsQuery } from './fts-query'
import { allRows, getRow, type Statements } from './sql'

interface AssetRow {
  id: string
  format_id: string
  application_id: string
  name: string
  description: string | null
  text: string
  language: string
  generic: string
  mechanism: string
  byte_size: number
  created_at: string
  updated_at: string
  deleted_at: string | null
  reuse_count: number
  last_reused_at: string | null
}

interface TagRow {
  id: string
  asset_id: string
  text: string
  created_at: string
}

interface SensitiveRow {
  id: string
  asset_id: string
  kind: string
  category: string
  severity: string
  description: string
  created_at: string
}

const ASSET_COLUMNS = `id, format_id, application_id, name, description, text, language, generic,
  mechanism, byte_size, created_at, updated_at, deleted_at, reuse_count, last_reused_at`

/** Search rows share their asset's rowid (migration 2), so they are reached by key. */
const ROWID_OF = 'SELECT rowid FROM assets WHERE id = ?'

/** Turns rows into records, loading their tags and sensitives in two queries. */
function hydrate(sql: Statements, rows: AssetRow[]): AssetRecord[] {
  if (rows.length === 0) return []
  const ids = JSON.stringify(rows.map((r) => r.id))
  const tags = new Map<string, TagRecord[]>()
  const inIds = 'asset_id IN (SELECT value FROM json_each(?))'
  // A tag's id is that of its entity (migration 3), the same on every asset that carries it.
  for (const t of allRows<TagRow>(
    sql(
      `SELECT coalesce(g.id, x.id) AS id, x.asset_id, x.text, x.created_at FROM asset_tags x
       LEFT JOIN tags g ON g.text = x.text WHERE x.${inIds} ORDER BY x.created_at, x.text`,
    ),
    ids,
  )) {
    const list = tags.get(t.asset_id) ?? []
    list.push({ id: t.id, text: t.text, createdAt: t.created_at })
    tags.set(t.asset_id, list)
  }
  const sensitives = new Map<string, SensitiveRecord[]>()
  for (const s of allRows<SensitiveRow>(
    sql(`SELECT * FROM asset_sensitives WHERE ${inIds}`),
    ids,
  )) {
    const list = sensitives.get(s.asset_id) ?? []
    const { asset_id: _assetId, created_at: createdAt, ...rest } = s
    list.push({ ...rest, createdAt })
    sensitives.set(s.asset_id, list)
  }
  return rows.map((r) => ({
    id: r.id,
    formatId: r.format_id,
    applicationId: r.application_id,
    name: r.name,
    ...(r.description !== null && { description: r.description }),
    text: r.text,
    language: r.language,
    generic: r.generic,
    mechanism: r.mechanism,
    byteSize: r.byte_size,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    ...(r.deleted_at !== null && { deletedAt: r.deleted_at }),
    reuseCount: r.reuse_count,
    ...(r.last_reused_at !== null && { lastReusedAt: r.last_reused_at }),
    tags: tags.get(r.id) ?? [],
    sensitives: sensitives.get(r.id) ?? [],
  }))
}

function writeSearchRow(sql: Statements, asset: AssetRecord): void {
  const { rowid } = getRow<{ rowid: number }>(sql(ROWID_OF), asset.id) ?? {}
  if (rowid === undefined) throw new Error('asset row vanished before indexing')
  sql('DELETE FROM assets_fts WHERE rowid = ?').run(rowid)
  insertSearchRow(sql, rowid, asset.id, asset, asset.tags.map((t) => t.text).join(' '))
}

/** The search row of the asset at `rowid`, which has none yet. */
function insertSearchRow(
  sql: Statements,
  rowid: number | bigint,
  id: string,
  fields: { name: string; description?: string | null | undefined; text: string },
  tags: string,
): void {
  sql(
    `INSERT INTO assets_fts (rowid, asset_id, name, description, tags, text)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(rowid, id, fields.name, fields.description ?? '', tags, fields.text)
}

function insertTags(sql: Statements, assetId: string, texts: readonly string[], at: string): void {
  const insert = sql(
    'INSERT OR IGNORE INTO asset_tags (id, asset_id, text, created_at) VALUES (?, ?, ?, ?)',
  )
  for (const text of texts) insert.run(randomUUID(), assetId, text, at)
}

/** Reads non-deleted assets by id, in the order given. Call inside or outside a transaction. */
export function getAssets(sql: Statements, ids: readonly string[]): AssetRecord[] {
  if (ids.length === 0) return []
  const rows = allRows<AssetRow>(
    sql(
      `SELECT ${ASSET_COLUMNS} FROM assets
       WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`,
    ),
    JSON.stringify(ids),
  )
  const byId = new Map(hydrate(sql, rows).map((a) => [a.id, a]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

/** Every non-deleted asset, newest first. */
export function listAssets(sql: Statements): AssetRecord[] {
  const rows = allRows<AssetRow>(
    sql(
      `SELECT ${ASSET_COLUMNS} FROM assets WHERE deleted_at IS NULL
       ORDER BY created_at DESC, rowid DESC`,
    ),
  )
  return hydrate(sql, rows)
}

/**
 * Writes an asset's rows, tags, sensitives and search row without reading anything back (caller
 * holds the transaction); returns its id. The bulk path (a team pull of many snippets): at 20,000
 * pulled snippets, reading each record back and looking its rowid up again was 40% of the pull.
 */
export function writeAssetRows(sql: Statements, input: NewAsset, now: Date): string {
  const at = now.toISOString()
  const id = randomUUID()
  const { lastInsertRowid: rowid } = sql(
    `INSERT INTO assets (id, format_id, application_id, name, description, text, language, generic,
       mechanism, byte_size, created_at, updated_at, exact_hash, fingerprint)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    randomUUID(),
    input.applicationId,
    input.name,
    input.description ?? null,
    input.text,
    input.language,
    input.generic,
    input.mechanism,
    Buffer.byteLength(input.text, 'utf8'),
    at,
    at,
    input.fingerprint.exactHash,
    input.fingerprint.data,
  )
  insertTags(sql, id, input.tags, at)
  const insertSensitive = sql(
    `INSERT INTO asset_sensitives (id, asset_id, kind, category, severity, description, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  for (const s of input.sensitives) {
    insertSensitive.run(randomUUID(), id, s.kind, s.category, s.severity, s.description, at)
  }
  // A fresh rowid has no search row yet; tags as `hydrate` lists them (distinct, in order).
  insertSearchRow(sql, rowid, id, input, [...new Set(input.tags)].sort().join(' '))
  return id
}

/** Inserts an asset with its tags, sensitives and search row (caller holds the transaction). */
export function insertAsset(sql: Statements, input: NewAsset, now: Date): AssetRecord {
  const [asset] = getAssets(sql, [writeAssetRows(sql, input, now)])
  if (!asset) throw new Error('asset row vanished after insert')
  return asset
}

/** Applies name/description/tag/language changes (caller holds the transaction). */
export function patchAsset(
  sql: Statements,
  id: string,
  patch: AssetPatch,
  now: Date,
): AssetRecord | undefined {
  const [current] = getAssets(sql, [id])
  if (!current) return undefined
  const at = now.toISOString()
  sql(
    'UPDATE assets SET name = ?, description = ?, language = ?, generic = ?, updated_at = ? WHERE id = ?',
  ).run(
    patch.name ?? current.name,
    patch.description ?? current.description ?? null,
    patch.language ?? current.language,
    patch.generic ?? current.generic,
    at,
    id,
  )
  if (patch.tags) {
    const keep = JSON.stringify(patch.tags)
    sql(
      'DELETE FROM asset_tags WHERE asset_id = ? AND text NOT IN (SELECT value FROM json_each(?))',
    ).run(id, keep)
    insertTags(sql, id, patch.tags, at)
  }
  const [updated] = getAssets(sql, [id])
  if (updated) writeSearchRow(sql, updated)
  return updated
}

/**
 * Deletes an asset with its tags, sensitives and search row (caller holds the transaction). With
 * `secure_delete` on the connection and FTS5's secure-delete option (migration 3), the freed
 * pages and index entries are overwritten, so the text leaves the database file. A tag entity
 * another asset still uses stays.
 */
export function deleteAsset(sql: Statements, id: string): boolean {
  const row = getRow<{ rowid: number }>(sql(`${ROWID_OF} AND deleted_at IS NULL`), id)
  if (!row) return false
  sql('DELETE FROM assets_fts WHERE rowid = ?').run(row.rowid)
  // A tag entity (migration 5) that only this asset used goes with it: its text is the snippet's.
  sql(
    `DELETE FROM tags WHERE text IN (SELECT text FROM asset_tags WHERE asset_id = ?1)
       AND NOT EXISTS (SELECT 1 FROM asset_tags o WHERE o.text = tags.text AND o.asset_id <> ?1)`,
  ).run(id)
  sql('DELETE FROM asset_tags WHERE asset_id = ?').run(id)
  sql('DELETE FROM asset_sensitives WHERE asset_id = ?').run(id)
  sql('DELETE FROM assets WHERE rowid = ?').run(row.rowid)
  return true
}

/** Full-text search, best first; only non-deleted assets have search rows. */
export function searchAssets(sql: Statements, query: string, limit: number): SearchHit[] {
  const match = toFtsQuery(query)
  if (match === undefined) return []
  const hits = allRows<{ asset_id: string; rank: number }>(
    sql(
      `SELECT asset_id, bm25(assets_fts, 0, 10, 5, 5, 1) AS rank FROM assets_fts
       WHERE assets_fts MATCH ? ORDER BY rank LIMIT ?`,
    ),
    match,
    limit,
  )
  const assets = new Map(
    getAssets(
      sql,
      hits.map((h) => h.asset_id),
    ).map((a) => [a.id, a]),
  )
  return hits.flatMap((h) => {
    const asset = assets.get(h.asset_id)
    return asset ? [{ asset, score: -h.rank }] : []
  })
}

type FingerprintRow = { id: string; exact_hash: string; fingerprint: Uint8Array }
const FINGERPRINTS =
  'SELECT id, exact_hash, fingerprint FROM assets WHERE deleted_at IS NULL ORDER BY rowid'

/**
 * Every live asset's fingerprint, read one at a time as the caller iterates (at 100,000
 * assets, materialising every row and its BLOB first left RSS ~180 MB higher for good).
 */
export function* iterateFingerprints(
  sql: Statements,
): Generator<{ assetId: string; fingerprint: { exactHash: string; data: Uint8Array } }> {
  for (const row of sql(FINGERPRINTS).iterate()) yield fingerprintOf(row as FingerprintRow)
}

const fingerprintOf = (r: FingerprintRow) => ({
  assetId: r.id,
  fingerprint: { exactHash: r.exact_hash, data: r.fingerprint },
})

/** Rewrites the fingerprint columns of live assets (caller holds the transaction). */
export function updateFingerprints(
  sql: Statements,
  updates: readonly { assetId: string; fingerprint: { exactHash: string; data: Uint8Array } }[],
): void {
  const update = sql(
    'UPDATE assets SET exact_hash = ?, fingerprint = ? WHERE id = ? AND deleted_at IS NULL',
  )
  for (const u of updates) update.run(u.fingerprint.exactHash, u.fingerprint.data, u.assetId)
}

/** Counts one reuse of a live asset. */
export function recordReuse(sql: Statements, id: string, now: Date): boolean {
  const at = now.toISOString()
  const result = sql(
    `UPDATE assets SET reuse_count = reuse_count + 1, last_reused_at = ?
     WHERE id = ? AND deleted_at IS NULL`,
  ).run(at, id)
  return result.changes > 0
}
