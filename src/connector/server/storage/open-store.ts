import { randomUUID } from 'node:crypto'
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import * as apps from './application-queries'
import * as assets from './asset-queries'
import type { ConnectorStore } from './contracts'
import { DataDirLockedError, StoreOpenError, describeOpenFailure } from './errors'
import * as events from './event-queries'
import * as dismissals from './dismissal-queries'
import { MIGRATIONS } from './migrations'
import { createPrivateFile, makePrivateFolder } from './private-folder'
import { afterCommit, inTransaction, statementCache } from './sql'
import { piecesStore } from './pieces-queries'

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

/** Removes the pid file on a clean close, unless another process has written its own since. */
function releaseHolder(dataDir: string): void {
  if (readHolderPid(dataDir) !== process.pid) return
  try {
    unlinkSync(join(dataDir, HOLDER_FILE))
  } catch {
    // Already gone: nothing to release.
  }
}

/**
 * Takes the data folder for this process. The database is opened in EXCLUSIVE locking mode, so
 * the operating system's file lock, not a pid file, is what keeps a second connector out; the
 * lock dies with its process, so a folder left by `kill -9` opens again. The pid file only names
 * the holder in the refusal message.
 */
function openExclusive(dataDir: string): DatabaseSync {
  const file = join(dataDir, DATABASE_FILE)
  let db: DatabaseSync
  try {
    // SQLite gives the -wal and -shm files the database file's permissions.
    createPrivateFile(file)
    db = new DatabaseSync(file)
  } catch (error) {
    throw new StoreOpenError(describeOpenFailure(file, error), { cause: error })
  }
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
    throw new StoreOpenError(describeOpenFailure(file, error), { cause: error })
  }
  db.exec('PRAGMA synchronous = FULL')
  db.exec('PRAGMA foreign_keys = ON')
  db.exec('PRAGMA busy_timeout = 5000')
  // Deleted content is overwritten, not just unlinked (a deleted snippet leaves the file).
  db.exec('PRAGMA secure_delete = ON')
  writeFileSync(join(dataDir, HOLDER_FILE), `${process.pid}\n`, { mode: 0o600 })
  return db
}

/** Once after migration 3 purged old deletions: rewrites the file without their free pages. */
function vacuumIfPending(db: DatabaseSync): void {
  const pending = db.prepare("SELECT value FROM meta WHERE key = 'vacuum_pending'").get()
  if (!pending) return
  db.exec('VACUUM')
  db.exec("DELETE FROM meta WHERE key = 'vacuum_pending'")
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)')
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
  try {
    makePrivateFolder(dataDir)
  } catch (error) {
    throw new StoreOpenError(describeOpenFailure(dataDir, error), { cause: error })
  }
  const db = openExclusive(dataDir)
  try {
    migrate(db)
    vacuumIfPending(db)
  } catch (error) {
    db.close()
    const file = join(dataDir, DATABASE_FILE)
    throw new StoreOpenError(describeOpenFailure(file, error, 'migrate'), { cause: error })
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
    pieces: piecesStore(sql, tx),
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
    deleteAsset: (id) => {
      const deleted = tx(() => assets.deleteAsset(sql, id))
      // The write-ahead log still holds pages written before the delete: fold it into the file
      // (where secure_delete has overwritten the text) and empty it.
      // Inside a caller's transaction (the team store's), that waits for its commit.
      if (deleted) afterCommit(db, () => db.exec('PRAGMA wal_checkpoint(TRUNCATE)'))
      return deleted
    },
    recordReuse: (id, now) => assets.recordReuse(sql, id, now),
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
    manualCheckpoints: () => db.exec('PRAGMA wal_autocheckpoint = 0'),
    checkpoint: (mode) => db.exec(`PRAGMA wal_checkpoint(${mode})`),
    transaction: (work) => tx(() => work(sql)),
    close: () => {
      if (!db.isOpen) return
      db.close()
      releaseHolder(dataDir)
    },
  }
}
