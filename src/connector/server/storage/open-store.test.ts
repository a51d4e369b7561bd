import { DatabaseSync } from 'node:sqlite'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../test-support/temp-dir'
import type { ConnectorStore, NewAsset } from './contracts'
import { MIGRATIONS } from './migrations'
import { DATABASE_FILE, openStore } from './open-store'
import {
  countTrackEventsByKind,
  listFingerprints,
  listTrackEvents,
} from './test-support/inspect-store'

const open: { store: ConnectorStore; remove: () => void }[] = []
afterEach(() => {
  for (const { store, remove } of open.splice(0)) {
    store.close()
    remove()
  }
})

function fresh(): { store: ConnectorStore; path: string } {
  const dir = tempDir()
  const store = openStore(dir.path)
  open.push({ store, remove: dir.remove })
  return { store, path: dir.path }
}

const T0 = new Date('2026-01-01T10:00:00.000Z')
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)

function asset(store: ConnectorStore, over: Partial<NewAsset> = {}) {
  const app = store.upsertApplication({ name: 'VS_CODE', version: '1', platform: 'LINUX' }, T0)
  return store.createAsset(
    {
      applicationId: app.id,
      name: 'snippet',
      text: 'print(1)',
      language: 'py',
      generic: 'CODE',
      mechanism: 'MANUAL',
      tags: [],
      sensitives: [],
      fingerprint: { exactHash: 'h', data: new Uint8Array([1, 2]) },
      ...over,
    },
    T0,
  )
}

describe('openStore', () => {
  it('applies every migration once and records it in user_version', () => {
    const { store, path } = fresh()
    store.close()
    const reopened = openStore(path)
    open.push({ store: reopened, remove: () => {} })
    reopened.close()
    const db = new DatabaseSync(join(path, DATABASE_FILE))
    const { user_version: version } = db.prepare('PRAGMA user_version').get() as {
      user_version: number
    }
    const { journal_mode: mode } = db.prepare('PRAGMA journal_mode').get() as {
      journal_mode: string
    }
    db.close()
    expect(version).toBe(MIGRATIONS.length)
    expect(mode).toBe('wal')
  })

  it('keeps a library made before migration 2 searchable, and deletes reach its search rows', () => {
    const { store, path } = fresh()
    const kept = asset(store, { text: 'def parse_invoice(): pass', tags: ['billing'] })
    const dropped = asset(store, { text: 'def parse_receipt(): pass' })
    store.close()
    // Rebuild the search table as migration 1 left it: rows keyed by their own rowids.
    const db = new DatabaseSync(join(path, DATABASE_FILE))
    db.exec(`
      DROP TABLE assets_fts;
      CREATE VIRTUAL TABLE assets_fts USING fts5(
        asset_id UNINDEXED, name, description, tags, text, tokenize = 'unicode61');
      INSERT INTO assets_fts (rowid, asset_id, name, description, tags, text)
        SELECT 100 + rowid, id, name, '', '', text FROM assets;
      PRAGMA user_version = 1;`)
    db.close()
    const upgraded = openStore(path)
    open.push({ store: upgraded, remove: () => {} })
    expect(upgraded.searchAssets('billing', 10).map((hit) => hit.asset.id)).toEqual([kept.id])
    expect(upgraded.searchAssets('parse_receipt', 10).map((hit) => hit.asset.id)).toEqual([
      dropped.id,
    ])
    upgraded.deleteAsset(dropped.id, later(1))
    expect(upgraded.searchAssets('parse_receipt', 10)).toEqual([])
    expect(upgraded.searchAssets('parse_invoice', 10).map((hit) => hit.asset.id)).toEqual([kept.id])
  })

  it('keys applications by name and platform; a new version keeps the id and onboarding', () => {
    const { store } = fresh()
    const first = store.upsertApplication(
      { name: 'VS_CODE', version: '1.0', platform: 'LINUX' },
      T0,
    )
    store.setOnboarded(first.id, true, T0)
    const upgraded = store.upsertApplication(
      { name: 'VS_CODE', version: '2.0', platform: 'LINUX', capabilities: 'LOCAL' },
      later(1),
    )
    expect(upgraded).toMatchObject({
      id: first.id,
      version: '2.0',
      onboarded: true,
      capabilities: 'LOCAL',
      privacy: 'OPEN',
    })
    const mac = store.upsertApplication({ name: 'VS_CODE', version: '2.0', platform: 'MACOS' }, T0)
    expect(mac.id).not.toBe(first.id)
  })

  it('saves an asset with tags and sensitives and hands back its fingerprint', () => {
    const { store } = fresh()
    const saved = asset(store, {
      tags: ['python', 'math'],
      sensitives: [{ kind: 'k', category: 'API_KEY', severity: 'HIGH', description: 'd' }],
    })
    expect(store.getAsset(saved.id)).toMatchObject({
      text: 'print(1)',
      byteSize: 8,
      tags: [{ text: 'math' }, { text: 'python' }],
      sensitives: [{ kind: 'k', category: 'API_KEY' }],
      reuseCount: 0,
    })
    expect(listFingerprints(store)).toEqual([
      { assetId: saved.id, fingerprint: { exactHash: 'h', data: new Uint8Array([1, 2]) } },
    ])
  })

  it('imports many assets in one transaction, all or none', () => {
    const { store } = fresh()
    const app = store.upsertApplication({ name: 'VS_CODE', version: '1', platform: 'LINUX' }, T0)
    const input = (text: string): NewAsset => ({
      applicationId: app.id,
      name: text,
      text,
      language: 'txt',
      generic: 'TEXT',
      mechanism: 'MANUAL',
      tags: [],
      sensitives: [],
      fingerprint: { exactHash: text, data: new Uint8Array() },
    })
    expect(store.importAssets([input('a'), input('b')], T0)).toHaveLength(2)
    const broken = { ...input('c'), applicationId: 'no-such-app' }
    expect(() => store.importAssets([input('d'), broken], T0)).toThrow()
    expect(
      store
        .listAssets()
        .map((a) => a.text)
        .sort(),
    ).toEqual(['a', 'b'])
  })

  it('searches name, tags and text best first, tolerating FTS syntax in the query', () => {
    const { store } = fresh()
    const inText = asset(store, { name: 'loop', text: 'for item in items: quicksort(item)' })
    const inName = asset(store, { name: 'quicksort in place', text: 'def qs(a): pass' })
    expect(store.searchAssets('quicksort', 10).map((h) => h.asset.id)).toEqual([
      inName.id,
      inText.id,
    ])
    expect(store.searchAssets('quick', 10)).toHaveLength(2)
    expect(store.searchAssets('"quick* (', 10).map((h) => h.asset.id)).toEqual([
      inName.id,
      inText.id,
    ])
    expect(store.searchAssets('  ', 10)).toEqual([])
  })

  it('hides deleted assets from reads, lists, search and fingerprints', () => {
    const { store } = fresh()
    const gone = asset(store, { text: 'zebra()' })
    const kept = asset(store, { text: 'yak()' })
    expect(store.deleteAsset(gone.id, later(1))).toBe(true)
    expect(store.deleteAsset(gone.id, later(2))).toBe(false)
    expect(store.getAsset(gone.id)).toBeUndefined()
    expect(store.getAssets([gone.id, kept.id]).map((a) => a.id)).toEqual([kept.id])
    expect(store.listAssets().map((a) => a.id)).toEqual([kept.id])
    expect(store.searchAssets('zebra', 10)).toEqual([])
    expect(listFingerprints(store).map((f) => f.assetId)).toEqual([kept.id])
    expect(store.recordReuse(gone.id, later(3))).toBe(false)
    expect(store.updateAsset(gone.id, { name: 'x' }, later(3))).toBeUndefined()
  })

  it('updates name, description and the tag set, and search follows', () => {
    const { store } = fresh()
    const a = asset(store, { tags: ['old'] })
    const updated = store.updateAsset(
      a.id,
      { name: 'renamed', description: 'adds numbers', tags: ['new'] },
      later(1),
    )
    expect(updated).toMatchObject({
      name: 'renamed',
      description: 'adds numbers',
      tags: [{ text: 'new' }],
    })
    expect(store.searchAssets('renamed', 5)).toHaveLength(1)
    expect(store.searchAssets('numbers', 5)).toHaveLength(1)
    expect(store.searchAssets('old', 5)).toHaveLength(0)
  })

  it('counts seeds by hash and reads tracking events back by time and kind', () => {
    const { store } = fresh()
    store.recordSeed('app', 'h1', 'intention', T0)
    store.recordSeed('app', 'h1', 'suggestion', T0)
    store.recordSeed('app', 'h2', 'suggestion', T0)
    expect(store.countSeeds('h1')).toBe(2)
    store.recordTrackEvent('a1', 'asset.asset_created', { asset: { x: 1 } }, T0)
    store.recordTrackEvent('a2', 'session.session_initialized', {}, later(10))
    store.recordTrackEvent('a1', 'asset.asset_created', {}, later(20))
    expect(countTrackEventsByKind(store)).toEqual({
      'asset.asset_created': 2,
      'session.session_initialized': 1,
    })
    expect(countTrackEventsByKind(store, later(5))).toEqual({
      'asset.asset_created': 1,
      'session.session_initialized': 1,
    })
    const events = listTrackEvents(store, { applicationId: 'a1' })
    expect(events.map((e) => e.createdAt)).toEqual([T0.toISOString(), later(20).toISOString()])
    expect(events[0]?.payload).toEqual({ asset: { x: 1 } })
  })
})
