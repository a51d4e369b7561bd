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
