/**
 * Domain types shared by the core, the Electron shell and the tray window. Plain data only: every
 * value here crosses IPC as structured-clone data.
 */
import type { Settings } from './settings'

/** Where the connector in use came from. */
export type ConnectorKind = 'pieces-os' | 'embedded' | 'configured'

export interface ConnectorTarget {
  url: string
  kind: ConnectorKind
  /** Why this target was chosen, for people: "Pieces OS answered on port 39300". */
  reason: string
  /** The connector's `/.well-known/version`, when known. */
  version?: string
}

export interface ErrorInfo {
  /** Stable code, e.g. `CONNECTOR_UNAVAILABLE`, `NOT_CONNECTED`, `TIMEOUT`, `BAD_REQUEST`. */
  code: string
  /** A sentence a person can act on. */
  message: string
}

export interface ConnectionState {
  /** `restarting`: Clipwise's own connector process stopped and is being started again. */
  status: 'discovering' | 'connected' | 'offline' | 'restarting'
  target?: ConnectorTarget
  error?: ErrorInfo
  /** Copies waiting for the connector to come back. */
  queued: number
  /** Saves waiting in the data folder's save queue for a connector to answer. */
  savesWaiting?: number
}

/** A saved snippet offered for reuse. */
export interface SnippetMatch {
  assetId: string
  name: string
  /** ClassificationSpecificEnum value (`ts`, `py`, …) or `txt`. */
  language: string
  /** 0..1 */
  similarity: number
  text: string
  /** ISO date-time. */
  savedAt: string
  reuseCount: number
  /** ISO date-time of the last reuse, when there was one. */
  lastReusedAt?: string
  /** Set when the snippet is in the team library. */
  team?: TeamPlace
}

export type SuggestionKind = 'reuse' | 'save' | 'none'

export type SuggestionOutcome =
  | { type: 'reused'; assetId: string }
  | { type: 'saved'; assetId: string; name: string }
  /** Asked while no connector answered: it waits in the save queue and is made when one does. */
  | { type: 'save-waiting' }
  | { type: 'dismissed' }
  | { type: 'undone' }

/** The latest accepted copy and what the connector suggests for it. */
export interface CurrentSuggestion {
  /** The suggestion's id: every action on it (reuse, save, dismiss, undo) names it. */
  id: string
  text: string
  /** ISO date-time. */
  copiedAt: string
  /** `pending` while asking the connector; `queued` while it is unreachable. */
  status: 'pending' | 'ready' | 'queued' | 'error'
  kind: SuggestionKind
  /** Best first. Empty unless `kind` is `reuse`. */
  matches: SnippetMatch[]
  /** Prefill for the save form; `language` is empty when the connector is left to detect it. */
  draft: { name: string; language: string; tags: string[] }
  outcome?: SuggestionOutcome
  error?: ErrorInfo
}

export type ActivityOutcome =
  | 'suggested-reuse'
  | 'suggested-save'
  | 'no-suggestion'
  | 'queued'
  | 'reused'
  | 'saved'
  /** A save asked while no connector answered (it waits in the save queue). */
  | 'save-waiting'
  /** A save that waited in the queue and was then made. */
  | 'saved-after-wait'
  | 'dismissed'
  | 'skipped-secret'
  | 'skipped-concealed'
  | 'skipped-too-large'
  | 'skipped-ignored'
  | 'failed'

export interface ActivityEntry {
  id: string
  /** ISO date-time. */
  at: string
  /** A short, single-line preview; empty for anything skipped as secret or concealed. */
  preview: string
  outcome: ActivityOutcome
  assetId?: string
}

// Written once, as a schema (settings.ts); re-exported here with the other domain types.
export type { PopupBehaviour, Settings, TeamSettings, Theme } from './settings'

/** Where a snippet sits in the team library, and who saved it. */
export interface TeamPlace {
  /** The team library's name. */
  library: string
  /** Who saved it (their display name). */
  owner: string
  /** Saved by this user (and shared) rather than pulled from a teammate. */
  mine: boolean
}

export interface HotkeyState {
  accelerator: string
  registered: boolean
  /** Why registration failed, for people. */
  error?: string
}

export interface Notice {
  id: string
  level: 'info' | 'warning' | 'error'
  message: string
}

/** Everything the tray window renders, pushed on every change. */
export interface AppState {
  connection: ConnectionState
  current: CurrentSuggestion | null
  activity: ActivityEntry[]
  settings: Settings
  onboarded: boolean
  hotkey: HotkeyState
  notices: Notice[]
}

/** A saved snippet as the library view shows it. */
export interface LibraryItem {
  id: string
  name: string
  language: string
  text: string
  tags: string[]
  /** ISO date-time. */
  savedAt: string
  updatedAt: string
  reuseCount: number
  sensitive: boolean
  /** Set when the snippet is in the team library (shared by this user, or a teammate's). */
  team?: TeamPlace
}

export interface UsageStats {
  snippetsSaved: number
  reusesThisWeek: number
  savesThisWeek: number
  suggestionsThisWeek: number
}

/** What the hotkey (or `clipwise save`) did, ready for a notification; `waiting`: queued until a
 * connector answers. */
export interface HotkeySaveResult {
  status: 'saved' | 'already-saved' | 'waiting' | 'refused' | 'failed'
  message: string
  assetId?: string
}

/** What a save from the tray window or the CLI keys did. */
export type SaveResult =
  { status: 'saved'; assetId: string; name: string } | { status: 'waiting'; message: string }

export interface IgnorePatternCheck {
  valid: boolean
  matches: boolean
  error?: string
}
