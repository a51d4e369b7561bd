import { accessSync, constants, existsSync } from 'node:fs'
import { dirname } from 'node:path'

/** The file system's refusal to write `path` (or its folder when it does not exist yet). */
function writeAccessError(path: string): string | undefined {
  try {
    accessSync(existsSync(path) ? path : dirname(path), constants.W_OK)
    return undefined
  } catch (error) {
    return (error as { code?: string }).code ?? 'EACCES'
  }
}

/** Another running connector holds the data folder (its SQLite database is locked). */
export class DataDirLockedError extends Error {
  readonly code = 'DATA_DIR_LOCKED'
  constructor(
    readonly dataDir: string,
    readonly holderPid: number | undefined,
    options?: { cause?: unknown },
  ) {
    const holder = holderPid === undefined ? 'another process' : `process ${holderPid}`
    super(
      `The data folder ${dataDir} is in use by another Clipwise connector (${holder}). ` +
        'Stop that connector or start this one with a different --data folder.',
      options,
    )
    this.name = 'DataDirLockedError'
  }
}

/** The database could not be opened or migrated. */
export class StoreOpenError extends Error {
  readonly code = 'STORE_OPEN_FAILED'
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'StoreOpenError'
  }
}

/** Why a database file could not be opened, as a sentence that names the file and the cause. */
export function describeOpenFailure(
  file: string,
  error: unknown,
  step: 'open' | 'migrate' = 'open',
): string {
  const e = error as { code?: string; errcode?: number; message?: string }
  const message = e.message ?? String(error)
  // SQLite reports a read-only disk as a locking I/O error; the file system says it plainly.
  const access = writeAccessError(file)
  const what = step === 'open' ? 'open' : 'upgrade'
  let cause: string
  if (e.code === 'ENOSPC' || e.errcode === 13 || /disk is full/i.test(message)) {
    cause = 'the disk is full'
  } else if (
    access !== undefined ||
    ['EROFS', 'EACCES', 'EPERM'].includes(e.code ?? '') ||
    e.errcode === 8 ||
    /readonly|read-only|permission denied/i.test(message)
  ) {
    cause = 'it is read-only (a read-only disk or folder, or no permission to write it)'
  } else if (
    e.errcode === 26 ||
    e.errcode === 11 ||
    /not a database|malformed|corrupt/i.test(message)
  ) {
    cause = 'it is not a readable SQLite database (damaged, or another kind of file)'
  } else cause = message.replace(/\.$/, '')
  return `Could not ${what} the Clipwise library ${file}: ${cause}. It was left as it is; fix the cause, or start with another --data folder.`
}
