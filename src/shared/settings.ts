import { Type, type Static } from 'typebox'

/** A PostgreSQL URL with no password in it: `postgres://[user@]host[:port]/database[?…]`. */
export const TEAM_URL_PATTERN = '^postgres(ql)?://([^\\s/@:]*@)?[^\\s@]*$'

/** Whether a team URL carries a password (which the settings file must never hold). */
export function teamUrlHasPassword(url: string): boolean {
  return /^[a-z]+:\/\/[^/@\s]*:[^@/\s]*@/i.test(url)
}

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
    team: Type.Object(
      {
        // A user name may come before `@`, never a password (that is kept apart, encrypted).
        url: Type.Union([Type.String({ pattern: TEAM_URL_PATTERN, maxLength: 2000 }), Type.Null()]),
        displayName: Type.String({ maxLength: 100 }),
        shareNewSaves: Type.Boolean(),
      },
      { additionalProperties: false },
    ),
    piecesPorts: Type.Boolean(),
  },
  { additionalProperties: false },
)

/** Schema of a partial update sent by the settings view. */
export const SettingsPatchSchema = Type.Partial(SettingsSchema)
export type SettingsPatch = Static<typeof SettingsPatchSchema>

export { DEFAULT_SETTINGS } from './default-settings'
