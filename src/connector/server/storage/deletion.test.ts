import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../test-support/temp-dir'
import type { ConnectorStore, NewAsset } from './contracts'
import { MIGRATIONS } from './migrations'
import { DATABASE_FILE, openStore } from './open-store'

// Delete means gone: after a delete (the tray's undo is one too) the snippet's text, name, tags
// and search terms are in none of the data folder's files. The assertions read the bytes.

const open: { store: ConnectorStore; remove: () => void }[] = []
afterEach(() => {
  for (const { store, remove } of open.splice(0)) {
    store.close()
    remove()
  }
})

const T0 = new Date('2026-01-01T10:00:00.000Z')

function input(store: ConnectorStore, marker: string): NewAsset {
  const app = store.upsertApplication({ name: 'VS_CODE', version: '1', platform: 'LINUX' }, T0)
  return {
    applicationId: app.id,
    name: `name${marker}`,
    description: `description${marker}`,
    text: `def text${marker}():\n    return "${marker}"\n`.repeat(20),
    language: 'py',
    generic: 'CODE',
    mechanism: 'MANUAL',
    tags: [`tag${marker}`],
    sensitives: [],
    fingerprint: { exactHash: marker, data: new Uint8Array([1]) },
  }
}

/** Which of the folder's files hold `marker` (as UTF-8 bytes). */
function filesHolding(dir: string, marker: string): string[] {
  return readdirSync(dir).filter((f) => readFileSync(join(dir, f)).includes(marker))
}

describe('deleting an asset', () => {
  it('removes its text, name, tags and search terms from the database and its log', () => {
    const dir = tempDir()
    const store = openStore(dir.path)
    open.push({ store, remove: dir.remove })
    const gone = store.createAsset(input(store, 'Qzxgone'), T0)
    store.createAsset(input(store, 'Qzxkept'), T0)
    store.checkpoint('TRUNCATE')
    expect(filesHolding(dir.path, 'Qzxgone')).toContain(DATABASE_FILE)
    expect(store.deleteAsset(gone.id, T0)).toBe(true)
    // No further checkpoint: the delete itself leaves nothing behind, in the file or the log.
    expect(filesHolding(dir.path, 'Qzxgone')).toEqual([])
    expect(filesHolding(dir.path, 'Qzxkept')).toContain(DATABASE_FILE)
    expect(store.searchAssets('Qzxkept', 5)).toHaveLength(1)
    expect(store.searchAssets('Qzxgone', 5)).toEqual([])
    expect(store.deleteAsset(gone.id, T0)).toBe(false)
  })

  it('also when the asset was saved moments ago and never checkpointed (an undo)', () => {
    const dir = tempDir()
    const store = openStore(dir.path)
    open.push({ store, remove: dir.remove })
    store.manualCheckpoints()
    const undone = store.createAsset(input(store, 'Qzxundo'), T0)
    expect(filesHolding(dir.path, 'Qzxundo').length).toBeGreaterThan(0)
    store.deleteAsset(undone.id, T0)
    expect(filesHolding(dir.path, 'Qzxundo')).toEqual([])
  })

  it('a migration purges assets deleted before deletes were real', () => {
    const dir = tempDir()
    const store = openStore(dir.path)
    const kept = store.createAsset(input(store, 'Qzxold1'), T0)
    const soft = store.createAsset(input(store, 'Qzxold2'), T0)
    store.close()
    // Make the library as the old soft delete left it: the row kept with deleted_at, its search
    // row deleted (its terms still in the index), at the schema version before the purge.
    const db = new DatabaseSync(join(dir.path, DATABASE_FILE))
    db.exec('PRAGMA secure_delete = OFF')
    // That library predates the Pieces tag and tombstone tables (a later migration adds them).
    db.exec(`DROP TRIGGER tags_follow_asset_tags; DROP TRIGGER assets_tombstone_when_marked;
      DROP TRIGGER assets_tombstone_when_deleted; DROP TABLE tags; DROP TABLE asset_tombstones;`)
    db.prepare("UPDATE assets SET deleted_at = '2026-01-02' WHERE id = ?").run(soft.id)
    db.prepare("INSERT INTO assets_fts (assets_fts, rank) VALUES ('secure-delete', 0)").run()
    db.prepare('DELETE FROM assets_fts WHERE asset_id = ?').run(soft.id)
    const purge = MIGRATIONS.findIndex((m) => m.includes('DELETE FROM assets WHERE deleted_at'))
    db.exec(`PRAGMA user_version = ${purge}`)
    db.close()
    expect(filesHolding(dir.path, 'Qzxold2')).toContain(DATABASE_FILE)
    const upgraded = openStore(dir.path)
    open.push({ store: upgraded, remove: dir.remove })
    upgraded.checkpoint('TRUNCATE')
    expect(filesHolding(dir.path, 'Qzxold2')).toEqual([])
    expect(upgraded.getAsset(kept.id)?.name).toBe('nameQzxold1')
    expect(upgraded.searchAssets('Qzxold1', 5)).toHaveLength(1)
  })
})
