import { Type, type Static } from 'typebox'

/** A PostgreSQL URL with no password in it: `postgres://[user@]host[:port]/database[?…]`. */
export const TEAM_URL_PATTERN = '^postgres(ql)?://([^\\s/@:]*@)?[^\\s@]*$'

/** Whether a team URL carries a password (which the settings file must never hold). */
export function teamUrlHasPassword(url: string): boolean {
  return /^[a-z]+:\/\/[^/@\s]*:[^@/\s]*@/i.test(url)
}

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
    /** The team library (PostgreSQL) the embedded connector syncs with. */
    team: Type.Object(
      {
        /**
         * `postgres://[user@]host[:port]/database[?sslmode=…]`, never with a password (that is kept
         * apart, encrypted); null: none.
         */
        url: Type.Union([Type.String({ pattern: TEAM_URL_PATTERN, maxLength: 2000 }), Type.Null()]),
        /** The name teammates see on this user's snippets (empty: the PostgreSQL role). */
        displayName: Type.String({ maxLength: 100 }),
        /** Share every new save with the team (a snippet holding a secret never is). */
        shareNewSaves: Type.Boolean(),
      },
      { additionalProperties: false },
    ),
    /**
     * The embedded connector listens on the first free port of 39300-39333, where Pieces
     * integrations look for Pieces OS; false: a random free port (read at the connector's start).
     */
    piecesPorts: Type.Boolean(),
  },
  { additionalProperties: false },
)
/** The user's settings, as stored and as the tray window shows them. */
export type Settings = Static<typeof SettingsSchema>
export type Theme = Settings['theme']
export type PopupBehaviour = Settings['popup']
export type TeamSettings = Settings['team']

/** Schema of a partial update sent by the settings view. */
export const SettingsPatchSchema = Type.Partial(SettingsSchema)
export type SettingsPatch = Static<typeof SettingsPatchSchema>

export { DEFAULT_SETTINGS } from './default-settings'
