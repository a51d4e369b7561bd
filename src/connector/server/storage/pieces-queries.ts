import { randomUUID } from 'node:crypto'
import { patchAsset } from './asset-queries'
import type { LibraryTag, PiecesStore } from './contracts'
import { allRows, getRow, type Statements } from './sql'

interface TagRow {
  id: string
  text: string
  created_at: string
  updated_at: string
  asset_ids: string
}

// A tag's assets are the live assets whose asset_tags rows carry its text.
const TAG_SELECT = `SELECT t.id, t.text, t.created_at, t.updated_at,
  coalesce((SELECT json_group_array(a.id) FROM asset_tags x JOIN assets a ON a.id = x.asset_id
    WHERE x.text = t.text AND a.deleted_at IS NULL), '[]') AS asset_ids
  FROM tags t`

function toTag(row: TagRow): LibraryTag {
  return {
    id: row.id,
    text: row.text,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    assetIds: JSON.parse(row.asset_ids) as string[],
  }
}

/** Tags as entities of their own, deleted ids (migration 3), formats and text edits. */
export function piecesStore(sql: Statements, tx: <T>(work: () => T) => T): PiecesStore {
  const byId = (id: string) => {
    const row = getRow<TagRow>(sql(`${TAG_SELECT} WHERE t.id = ?`), id)
    return row && toTag(row)
  }
  const byText = (text: string) => {
    const row = getRow<TagRow>(sql(`${TAG_SELECT} WHERE t.text = ?`), text)
    return row && toTag(row)
  }
  return {
    listTags: () => allRows<TagRow>(sql(`${TAG_SELECT} ORDER BY t.created_at, t.text`)).map(toTag),
    getTag: byId,
    findTag: byText,
    createTag: (text, now) =>
      tx(() => {
        const at = now.toISOString()
        sql(
          'INSERT OR IGNORE INTO tags (id, text, created_at, updated_at) VALUES (?, ?, ?, ?)',
        ).run(randomUUID(), text, at, at)
        const tag = byText(text)
        if (!tag) throw new Error('tag row vanished after insert')
        return tag
      }),
    renameTag: (id, text, now) =>
      tx(() => {
        sql('UPDATE tags SET text = ?, updated_at = ? WHERE id = ?').run(
          text,
          now.toISOString(),
          id,
        )
        return byId(id)
      }),
    removeTag: (id) => sql('DELETE FROM tags WHERE id = ?').run(id).changes > 0,
    wasDeleted: (assetId) =>
      getRow(sql('SELECT 1 FROM asset_tombstones WHERE id = ?'), assetId) !== undefined,
    listAssetIds: () =>
      allRows<{ id: string }>(
        sql('SELECT id FROM assets WHERE deleted_at IS NULL ORDER BY created_at DESC, rowid DESC'),
      ).map((r) => r.id),
    assetIdOfFormat: (formatId) =>
      getRow<{ id: string }>(
        sql('SELECT id FROM assets WHERE format_id = ? AND deleted_at IS NULL'),
        formatId,
      )?.id,
    replaceText: (id, text, fingerprint, now) =>
      tx(() => {
        const changed = sql(
          `UPDATE assets SET text = ?, byte_size = ?, exact_hash = ?, fingerprint = ?
           WHERE id = ? AND deleted_at IS NULL`,
        ).run(
          text,
          Buffer.byteLength(text, 'utf8'),
          fingerprint.exactHash,
          fingerprint.data,
          id,
        ).changes
        // An empty patch stamps updated_at and rewrites the search row from the new text.
        return changed > 0 ? patchAsset(sql, id, {}, now) : undefined
      }),
  }
}
