import { Type, type Static } from 'typebox'

/**
 * Schema of a complete, valid settings object (what is stored on disk). The `Settings` type is
 * inferred from it, so the two cannot disagree.
 */
export const SettingsSchema = Type.Object(
  {
    /** Electron accelerator, e.g. `CommandOrControl+Shift+S`. */
    hotkey: Type.String({ minLength: 1, maxLength: 100 }),
    /** A fixed connector URL, or null to discover one (Pieces OS, else embedded). */
    connectorUrl: Type.Union([
      Type.String({ pattern: '^https?://', maxLength: 2000 }),
      Type.Null(),
    ]),
    pollIntervalMs: Type.Integer({ minimum: 50, maximum: 10_000 }),
    paused: Type.Boolean(),
    /** Regular expressions (JavaScript syntax); a copy matching any is ignored. */
    ignorePatterns: Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 100 }),
    /** Send usage events (`/track`) to the connector. */
    usageEvents: Type.Boolean(),
    launchAtLogin: Type.Boolean(),
    theme: Type.Union([Type.Literal('system'), Type.Literal('light'), Type.Literal('dark')]),
    /** How a suggestion is shown without stealing focus. */
    popup: Type.Union([Type.Literal('window'), Type.Literal('notification'), Type.Literal('none')]),
    /** Linux: the hotkey saves the primary selection when the clipboard is empty. */
    usePrimarySelection: Type.Boolean(),
    /** Copies larger than this are skipped with a notice. */
    maxSnippetBytes: Type.Integer({ minimum: 1024, maximum: 8 * 1024 * 1024 }),
  },
  { additionalProperties: false },
)
/** The user's settings, as stored and as the tray window shows them. */
export type Settings = Static<typeof SettingsSchema>
export type Theme = Settings['theme']
export type PopupBehaviour = Settings['popup']

/** Schema of a partial update sent by the settings view. */
export const SettingsPatchSchema = Type.Partial(SettingsSchema)
export type SettingsPatch = Static<typeof SettingsPatchSchema>

export { DEFAULT_SETTINGS } from './default-settings'
