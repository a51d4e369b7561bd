import { join } from 'node:path'
import { Value } from 'typebox/value'
import type { Settings } from '../shared/domain'
import {
  DEFAULT_SETTINGS,
  SettingsPatchSchema,
  SettingsSchema,
  teamUrlHasPassword,
  type SettingsPatch,
} from '../shared/settings'
import { readJsonFile, writeFileAtomic } from './atomic-file'
import { compilePattern } from './ingest-filter'

/** A settings update that was refused; `message` says which value and why. */
export class SettingsError extends Error {
  override readonly name = 'SettingsError'
  readonly code = 'INVALID_SETTINGS'
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options)
  }
}

export interface SettingsStore {
  get(): Settings
  /** Validates the patch, applies it and writes the file atomically; returns the new settings. */
  update(patch: SettingsPatch): Promise<Settings>
}

/** Loads `settings.json` from the data folder (defaults for anything missing or invalid). */
export function openSettingsStore(dataDir: string): SettingsStore {
  const path = join(dataDir, 'settings.json')
  let current = mergeValid(readJsonFile(path))

  return {
    get: () => current,
    async update(patch) {
      if (patch.team?.url && teamUrlHasPassword(patch.team.url)) {
        throw new SettingsError(
          'Keep the password out of the team library URL: the tray keeps it encrypted (Password, below the URL); the terminal reads PGPASSWORD or ~/.pgpass.',
        )
      }
      if (!Value.Check(SettingsPatchSchema, patch)) {
        const first = Value.Errors(SettingsPatchSchema, patch)[0]
        const where = first?.instancePath || 'settings'
        throw new SettingsError(
          `Invalid ${where}: ${first?.message ?? 'not a valid settings value'}.`,
        )
      }
      for (const pattern of patch.ignorePatterns ?? []) {
        if (!compilePattern(pattern)) {
          throw new SettingsError(
            `The ignore pattern ${JSON.stringify(pattern)} is not a valid regular expression.`,
          )
        }
      }
      const next: Settings = { ...current, ...patch }
      await writeFileAtomic(path, `${JSON.stringify(next, null, 2)}\n`)
      current = next
      return current
    },
  }
}

/** Keeps each stored value that is valid on its own; anything else falls back to the default. */
function mergeValid(stored: unknown): Settings {
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS }
  if (stored && typeof stored === 'object') {
    for (const [key, value] of Object.entries(stored)) {
      if (!(key in DEFAULT_SETTINGS)) continue
      const candidate = { ...merged, [key]: value }
      if (Value.Check(SettingsSchema, candidate)) merged[key] = value
    }
  }
  return merged as unknown as Settings
}
