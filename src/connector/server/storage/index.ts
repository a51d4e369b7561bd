export type * from './contracts'
export { DataDirLockedError, StoreOpenError } from './errors'
export { openStore, DATABASE_FILE } from './open-store'
