import { randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import * as apps from './application-queries'
import * as assets from './asset-queries'
import type { ConnectorStore } from './contracts'
import { DataDirLockedError, StoreOpenError } from './errors'
import * as events from './event-queries'
import * as dismissals from './dismissal-queries'
import { MIGRATIONS } from './migrations'
import { inTransaction, statementCache } from './sql'

export const DATABASE_FILE = 'clipwise.sqlite'
export const HOLDER_FILE = 'connector.pid'

function isLockedError(error: unknown): boolean {
  const e = error as { errcode?: number; message?: string }
  return e.errcode === 5 || e.errcode === 6 || /database is locked/i.test(e.message ?? '')
}

function readHolderPid(dataDir: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(join(dataDir, HOLDER_FILE), 'utf8'), 10)
    return Number.isInteger(pid) && pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}

/**
 * Takes the data folder for this process. The database is opened in EXCLUSIVE locking mode, so
 * the operating system's file lock, not a pid file, is what keeps a second connector out; the
 * lock dies with its process, so a folder left by `kill -9` opens again. The pid file only names
 * the holder in the refusal message.
 */
function openExclusive(dataDir: string): DatabaseSync {
  const db = new DatabaseSync(join(dataDir, DATABASE_FILE))
  try {
    db.exec('PRAGMA busy_timeout = 0')
    db.exec('PRAGMA locking_mode = EXCLUSIVE')
    db.exec('PRAGMA journal_mode = WAL')
    db.exec('BEGIN EXCLUSIVE; COMMIT')
  } catch (error) {
    db.close()
    if (isLockedError(error)) {
      throw new DataDirLockedError(dataDir, readHolderPid(dataDir), { cause: error })
    }
    throw new StoreOpenError(`Could not open the database in ${dataDir}.`, { cause: error })
  }
  db.exec('PRAGMA synchronous = FULL')
  db.exec('PRAGMA foreign_keys = ON')
  db.exec('PRAGMA busy_timeout = 5000')
  writeFileSync(join(dataDir, HOLDER_FILE), `${process.pid}\n`)
  return db
}

function migrate(db: DatabaseSync): void {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number }
  for (let version = row.user_version; version < MIGRATIONS.length; version++) {
    inTransaction(db, () => {
      db.exec(MIGRATIONS[version] ?? '')
      db.exec(`PRAGMA user_version = ${version + 1}`)
    })
  }
}

/** Opens (creating if needed) the connector's SQLite store in a data folder it holds alone. */
export function openStore(dataDir: string): ConnectorStore {
  mkdirSync(dataDir, { recursive: true })
  const db = openExclusive(dataDir)
  try {
    migrate(db)
  } catch (error) {
    db.close()
    throw new StoreOpenError(`Could not migrate the database in ${dataDir}.`, { cause: error })
  }
  const sql = statementCache(db)
  db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('os_id', ?)").run(randomUUID())
  const osId = (db.prepare("SELECT value FROM meta WHERE key = 'os_id'").get() as { value: string })
    .value
  const tx = <T>(work: () => T): T => inTransaction(db, work)
  /**
   * Seeds and tracking events are hints, not user data: their commits skip the fsync (WAL with
   * `synchronous = NORMAL` keeps the database consistent and only risks the last few on power
   * loss; the next FULL commit syncs them too). At 100,000 assets the fsync of a seed per
   * /suggestion was 0.25 ms median, 0.8 ms p99. Assets keep FULL.
   */
  const hint = (work: () => void): void => {
    db.exec('PRAGMA synchronous = NORMAL')
    try {
      work()
    } finally {
      db.exec('PRAGMA synchronous = FULL')
    }
  }

  return {
    osId,
    upsertApplication: (seed, now) => tx(() => apps.upsertApplication(sql, seed, now)),
    getApplication: (id) => apps.getApplication(sql, id),
    setOnboarded: (id, value, now) => apps.setOnboarded(sql, id, value, now),
    createAsset: (input, now) => tx(() => assets.insertAsset(sql, input, now)),
    importAssets: (inputs, now) =>
      tx(() => inputs.map((input) => assets.insertAsset(sql, input, now))),
    getAsset: (id) => assets.getAssets(sql, [id])[0],
    getAssets: (ids) => assets.getAssets(sql, ids),
    listAssets: () => assets.listAssets(sql),
    searchAssets: (query, limit) => assets.searchAssets(sql, query, limit),
    updateAsset: (id, patch, now) => tx(() => assets.patchAsset(sql, id, patch, now)),
    deleteAsset: (id, now) => tx(() => assets.markDeleted(sql, id, now)),
    recordReuse: (id, now) => assets.recordReuse(sql, id, now),
    listFingerprints: () => assets.listFingerprints(sql),
    iterateFingerprints: () => assets.iterateFingerprints(sql),
    updateFingerprints: (updates) => tx(() => assets.updateFingerprints(sql, updates)),
    recordSeed: (appId, hash, source, now) =>
      hint(() => events.recordSeed(sql, appId, hash, source, now)),
    countSeeds: (hash) => events.countSeeds(sql, hash),
    recordDismissal: (hash, assetId, now) => dismissals.recordDismissal(sql, hash, assetId, now),
    dismissedReuse: (hash) => dismissals.dismissedReuse(sql, hash),
    copiesSinceSaveDismissed: (hash) => dismissals.copiesSinceSaveDismissed(sql, hash),
    recordTrackEvent: (appId, kind, payload, now) =>
      hint(() => events.recordTrackEvent(sql, appId, kind, payload, now)),
    listTrackEvents: (options) => events.listTrackEvents(sql, options),
    countTrackEventsByKind: (since) => events.countTrackEventsByKind(sql, since),
    manualCheckpoints: () => db.exec('PRAGMA wal_autocheckpoint = 0'),
    checkpoint: (mode) => db.exec(`PRAGMA wal_checkpoint(${mode})`),
    close: () => {
      if (db.isOpen) db.close()
    },
  }
}
