import { Type, type Static } from 'typebox'

/** Schema of a complete, valid settings object (what is stored on disk). */
export const SettingsSchema = Type.Object(
  {
    hotkey: Type.String({ minLength: 1, maxLength: 100 }),
    connectorUrl: Type.Union([
      Type.String({ pattern: '^https?://', maxLength: 2000 }),
      Type.Null(),
    ]),
    pollIntervalMs: Type.Integer({ minimum: 50, maximum: 10_000 }),
    paused: Type.Boolean(),
    ignorePatterns: Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 100 }),
    usageEvents: Type.Boolean(),
    launchAtLogin: Type.Boolean(),
    theme: Type.Union([Type.Literal('system'), Type.Literal('light'), Type.Literal('dark')]),
    popup: Type.Union([Type.Literal('window'), Type.Literal('notification'), Type.Literal('none')]),
    usePrimarySelection: Type.Boolean(),
    maxSnippetBytes: Type.Integer({ minimum: 1024, maximum: 8 * 1024 * 1024 }),
    piecesPorts: Type.Boolean(),
  },
  { additionalProperties: false },
)

/** Schema of a partial update sent by the settings view. */
export const SettingsPatchSchema = Type.Partial(SettingsSchema)
export type SettingsPatch = Static<typeof SettingsPatchSchema>

export { DEFAULT_SETTINGS } from './default-settings'
