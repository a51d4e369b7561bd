export type * from './contracts'
export { DataDirLockedError, StoreOpenError } from './errors'
export { openStore, DATABASE_FILE } from './open-store'
export type { Statements } from './sql'
export { allRows, getRow } from './sql'
/** The bulk insert path (inside `store.transaction`): rows written, nothing read back. */
export { writeAssetRows } from './asset-queries'
