import type { Settings } from './domain'

// Kept apart from the schemas in settings.ts so the tray window can use the defaults without
// bundling the validator.
/** The settings a new user starts with. */
export const DEFAULT_SETTINGS: Settings = {
  hotkey: 'CommandOrControl+Shift+S',
  connectorUrl: null,
  pollIntervalMs: 250,
  paused: false,
  ignorePatterns: [],
  usageEvents: false,
  launchAtLogin: false,
  theme: 'system',
  popup: 'window',
  usePrimarySelection: false,
  maxSnippetBytes: 1024 * 1024,
  team: { url: null, displayName: '', shareNewSaves: false },
  piecesPorts: true,
}
