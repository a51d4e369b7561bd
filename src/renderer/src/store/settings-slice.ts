import type { IgnorePatternCheck, Settings } from '../../../shared/domain'
import type { SettingsPatch } from '../../../shared/settings'
import { DEFAULT_SETTINGS } from '../../../shared/default-settings'
import { bridge, errorMessage } from '../bridge'
import type { SliceCreator } from './types'

export interface SettingsSlice {
  settings: Settings
  settingsError: string | null
  /** Which setting was saved last, for a quiet "Saved" next to it. */
  settingsSaved: keyof Settings | null
  updateSettings(patch: SettingsPatch): Promise<boolean>
  testIgnorePattern(pattern: string, sample: string): Promise<IgnorePatternCheck>
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set) => ({
  settings: DEFAULT_SETTINGS,
  settingsError: null,
  settingsSaved: null,

  async updateSettings(patch) {
    try {
      const settings = await bridge().updateSettings(patch)
      const [key] = Object.keys(patch) as (keyof Settings)[]
      set({ settings, settingsError: null, settingsSaved: key ?? null })
      return true
    } catch (error) {
      set({ settingsError: errorMessage(error), settingsSaved: null })
      return false
    }
  },

  async testIgnorePattern(pattern, sample) {
    try {
      return await bridge().testIgnorePattern({ pattern, sample })
    } catch (error) {
      return { valid: false, matches: false, error: errorMessage(error) }
    }
  },
})
