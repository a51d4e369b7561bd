import type { ClientBase } from 'pg'
import { SHARED_FIELDS, type SharedField, type Stamp } from './ledger'
import { NOTIFY_CHANNEL, WRITE_LOCK } from './team-schema'

/** The values of the shared fields as the team library stores them. */
export interface FieldValues {
  name: string
  tags: string[]
  language: string
}

/** One change to send: a snippet's state, a teammate's edit of its fields, or a tombstone. */
export type PushOp =
  | {
      kind: 'put'
      id: string
      ownerName: string
      hash: string
      text: string
      fingerprint?: { exactHash: string; data: Uint8Array }
      createdAt: string
      values: FieldValues
      stamps: Record<SharedField, Stamp>
    }
  | { kind: 'edit'; id: string; values: FieldValues; stamps: Record<SharedField, Stamp> }
  | { kind: 'delete'; id: string }

/** A snippet as pulled: its current state (the text is absent for a tombstone). */
export interface PulledRow {
  id: string
  seq: number
  owner: string
  ownerName: string
  createdAt: string
  values: FieldValues
  stamps: Record<SharedField, Stamp>
  deleted: boolean
  text?: string
  /** The pusher's fingerprint of the text, when it sent one. */
  fingerprint?: { exactHash: string; data: Uint8Array }
}

/** The team library's identity and the role this connection writes as. */
export interface LibraryInfo {
  id: string
  name: string
  role: string
}

/** Reads which library this database is and who we are in it. */
export async function readLibrary(client: ClientBase): Promise<LibraryInfo> {
  const result = await client.query<{ id: string; name: string; role: string }>(
    `SELECT (SELECT value FROM clipwise_meta WHERE key = 'library_id') AS id,
            (SELECT value FROM clipwise_meta WHERE key = 'name') AS name,
            current_user AS role`,
  )
  const row = result.rows[0]
  if (!row?.id) throw new Error('The team database has no library id (clipwise_meta).')
  return { id: row.id, name: row.name, role: row.role }
}

// `(at, by)` pairs compare as last-writer-wins: later time first, then the writer's name.
const newer = (f: SharedField, alias: string) =>
  `(${alias}.${f}_at, ${alias}.${f}_by) > (t.${f}_at, t.${f}_by)`
const lww = (f: SharedField, alias: string) =>
  [f, `${f}_at`, `${f}_by`]
    .map((col) => `${col} = CASE WHEN ${newer(f, alias)} THEN ${alias}.${col} ELSE t.${col} END`)
    .join(',\n  ')
const anyNewer = (alias: string) => SHARED_FIELDS.map((f) => newer(f, alias)).join(' OR ')

const PUT_CONTENT = `INSERT INTO clipwise_contents (hash, text, byte_size, exact_hash, fingerprint)
  VALUES ($1, $2, octet_length($2), $3, $4) ON CONFLICT (hash) DO NOTHING`

// The writer columns (`*_by`) are set to current_user by the table's trigger; the value sent
// here only takes part in the comparison.
const PUT_ASSET = `INSERT INTO clipwise_assets AS t (id, seq, owner_name, content, created_at,
  name, name_at, name_by, tags, tags_at, tags_by, language, language_at, language_by)
VALUES ($1, nextval('clipwise_seq'), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
ON CONFLICT (id) DO UPDATE SET
  seq = nextval('clipwise_seq'), owner_name = excluded.owner_name, content = excluded.content,
  deleted_at = NULL, deleted_by = NULL,
  ${lww('name', 'excluded')},
  ${lww('tags', 'excluded')},
  ${lww('language', 'excluded')}
WHERE t.owner = current_user AND (t.deleted_at IS NOT NULL
  OR t.content IS DISTINCT FROM excluded.content OR ${anyNewer('excluded')})`

const EDIT_ASSET = `UPDATE clipwise_assets AS t SET seq = nextval('clipwise_seq'),
  ${lww('name', 'n')},
  ${lww('tags', 'n')},
  ${lww('language', 'n')}
FROM (SELECT $2::text AS name, $3::timestamptz AS name_at, $4::text AS name_by,
             $5::text[] AS tags, $6::timestamptz AS tags_at, $7::text AS tags_by,
             $8::text AS language, $9::timestamptz AS language_at, $10::text AS language_by) n
WHERE t.id = $1 AND t.deleted_at IS NULL AND (${anyNewer('n')})`

const TOMBSTONE = `WITH old AS (
  SELECT content FROM clipwise_assets
  WHERE id = $1 AND owner = current_user AND deleted_at IS NULL FOR UPDATE
), gone AS (
  UPDATE clipwise_assets SET seq = nextval('clipwise_seq'), deleted_at = now(), content = NULL
  WHERE id = $1 AND owner = current_user AND deleted_at IS NULL RETURNING id
)
SELECT content FROM old, gone`

// A text no live snippet points at any more leaves the team library with its last snippet.
const DROP_ORPHAN = `DELETE FROM clipwise_contents c WHERE c.hash = $1
  AND NOT EXISTS (SELECT 1 FROM clipwise_assets a WHERE a.content = c.hash)`

const fieldParams = (values: FieldValues, stamps: Record<SharedField, Stamp>) => [
  values.name,
  stamps.name.at,
  stamps.name.by,
  values.tags,
  stamps.tags.at,
  stamps.tags.by,
  values.language,
  stamps.language.at,
  stamps.language.by,
]

/**
 * Sends changes in one transaction under the write lock, then notifies every listener on commit.
 * Content rows are addressed by hash and never change, and every statement is a no-op when the
 * library already holds the same state, so a batch sent twice (a crash after the commit but before
 * the outbox was emptied) leaves the library as if it was sent once.
 */
export async function pushBatch(client: ClientBase, ops: readonly PushOp[]): Promise<void> {
  if (ops.length === 0) return
  await client.query('BEGIN')
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK])
    for (const op of ops) {
      if (op.kind === 'put') {
        await client.query(PUT_CONTENT, [
          op.hash,
          op.text,
          op.fingerprint?.exactHash ?? null,
          op.fingerprint ? Buffer.from(op.fingerprint.data) : null,
        ])
        const { values, stamps } = op
        const [name, nameAt, nameBy, ...rest] = fieldParams(values, stamps)
        await client.query(PUT_ASSET, [
          op.id,
          op.ownerName,
          op.hash,
          op.createdAt,
          name,
          nameAt,
          nameBy,
          ...rest,
        ])
      } else if (op.kind === 'edit') {
        await client.query(EDIT_ASSET, [op.id, ...fieldParams(op.values, op.stamps)])
      } else {
        const result = await client.query<{ content: string | null }>(TOMBSTONE, [op.id])
        const hash = result.rows[0]?.content
        if (hash) await client.query(DROP_ORPHAN, [hash])
      }
    }
    await client.query(`NOTIFY ${NOTIFY_CHANNEL}`)
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  }
}

interface PullRecord {
  id: string
  seq: string
  owner: string
  owner_name: string
  created_at: Date
  name: string
  name_at: Date
  name_by: string
  tags: string[]
  tags_at: Date
  tags_by: string
  language: string
  language_at: Date
  language_by: string
  deleted_at: Date | null
  text: string | null
  exact_hash: string | null
  fingerprint: Buffer | null
}

/**
 * The next changes after `cursor`, in sequence order. Writers hold the write lock from taking a
 * sequence number until they commit, so a reader never sees a later number before an earlier one.
 */
export async function pullBatch(
  client: ClientBase,
  cursor: number,
  limit: number,
): Promise<PulledRow[]> {
  const result = await client.query<PullRecord>(
    `SELECT a.id, a.seq, a.owner, a.owner_name, a.created_at, a.name, a.name_at, a.name_by,
       a.tags, a.tags_at, a.tags_by, a.language, a.language_at, a.language_by, a.deleted_at, c.text,
       c.exact_hash, c.fingerprint
     FROM clipwise_assets a LEFT JOIN clipwise_contents c ON c.hash = a.content
     WHERE a.seq > $1 ORDER BY a.seq LIMIT $2`,
    [cursor, limit],
  )
  return result.rows.map((r) => ({
    id: r.id,
    seq: Number(r.seq),
    owner: r.owner,
    ownerName: r.owner_name,
    createdAt: r.created_at.toISOString(),
    values: { name: r.name, tags: r.tags, language: r.language },
    stamps: {
      name: { at: r.name_at.toISOString(), by: r.name_by },
      tags: { at: r.tags_at.toISOString(), by: r.tags_by },
      language: { at: r.language_at.toISOString(), by: r.language_by },
    },
    deleted: r.deleted_at !== null,
    ...(r.text !== null && { text: r.text }),
    ...(r.exact_hash !== null &&
      r.fingerprint !== null && {
        fingerprint: { exactHash: r.exact_hash, data: new Uint8Array(r.fingerprint) },
      }),
  }))
}
