// The product's core, free of Electron and the DOM: what the tray app and the CLI share.
export { createCompanion } from './companion'
export type * from './contracts'
export { systemClock, type Clock } from './clock'
export {
  ingestFilter,
  checkMarkers,
  type IngestDecision,
  type CopyCandidate,
} from './ingest-filter'
export { createClipboardWatcher, type ClipboardWatcher } from './clipboard-watcher'
export { createMemoryClipboard, type MemoryClipboard } from './memory-clipboard'
export { SettingsError } from './settings-store'
export { ActionError } from './action-error'
