import type { Settings } from '../../../shared/domain'

/**
 * Settings before the first state arrives. Never shown: the window renders only once `loaded`.
 * Not `DEFAULT_SETTINGS` from src/shared/settings.ts, because that module builds TypeBox schemas
 * at load time and would put the whole validator (~700 kB) into the first-paint bundle.
 */
export const PLACEHOLDER_SETTINGS: Settings = {
  hotkey: '',
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
}
