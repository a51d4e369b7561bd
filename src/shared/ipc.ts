/**
 * The one contract between the tray window and the main process: invoke channels (`domain:verb`)
 * with their request schemas, the push channel, and the `ClipwiseBridge` the preload exposes as
 * `window.clipwise`. The core implements `ClipwiseApi`; main forwards each channel to it.
 */
import { Type, type Static } from 'typebox'
import type {
  AppState,
  HotkeySaveResult,
  IgnorePatternCheck,
  LibraryItem,
  SaveResult,
  Settings,
  UsageStats,
} from './domain'
import { SettingsPatchSchema, type SettingsPatch } from './settings'

const Id = Type.String({ minLength: 1, maxLength: 200 })
const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50 })

// Every action on a suggestion names the suggestion it was shown with (`CurrentSuggestion.id`);
// the core refuses it when that suggestion is no longer the one on screen.
export const SuggestionRequestSchema = Type.Object(
  { suggestionId: Id },
  { additionalProperties: false },
)
export type SuggestionRequest = Static<typeof SuggestionRequestSchema>

export const ReuseRequestSchema = Type.Object(
  { suggestionId: Id, assetId: Id },
  { additionalProperties: false },
)
export type ReuseRequest = Static<typeof ReuseRequestSchema>

export const UndoSaveRequestSchema = ReuseRequestSchema
export type UndoSaveRequest = ReuseRequest

export const SaveRequestSchema = Type.Object(
  {
    suggestionId: Id,
    name: Type.Optional(Type.String({ maxLength: 300 })),
    tags: Type.Optional(Tags),
    language: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  },
  { additionalProperties: false },
)
export type SaveRequest = Static<typeof SaveRequestSchema>

export const AssetRequestSchema = Type.Object({ assetId: Id }, { additionalProperties: false })
export type AssetRequest = Static<typeof AssetRequestSchema>

export const SearchRequestSchema = Type.Object(
  { query: Type.String({ maxLength: 500 }) },
  { additionalProperties: false },
)
export type SearchRequest = Static<typeof SearchRequestSchema>

export const UpdateAssetRequestSchema = Type.Object(
  {
    assetId: Id,
    name: Type.Optional(Type.String({ maxLength: 300 })),
    tags: Type.Optional(Tags),
    language: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    /** Share the snippet with the team library, or take it out. */
    shared: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)
export type UpdateAssetRequest = Static<typeof UpdateAssetRequestSchema>

export const IgnorePatternRequestSchema = Type.Object(
  { pattern: Type.String({ maxLength: 500 }), sample: Type.String({ maxLength: 10_000 }) },
  { additionalProperties: false },
)
export type IgnorePatternRequest = Static<typeof IgnorePatternRequestSchema>

export const OnboardingRequestSchema = Type.Object(
  { usageEvents: Type.Boolean() },
  { additionalProperties: false },
)
export type OnboardingRequest = Static<typeof OnboardingRequestSchema>

/** The team library's password: main keeps it encrypted (safeStorage), never in settings. */
export const TeamPasswordRequestSchema = Type.Object(
  { password: Type.String({ maxLength: 1000 }) },
  { additionalProperties: false },
)
export type TeamPasswordRequest = Static<typeof TeamPasswordRequestSchema>

const NoRequest = Type.Undefined()

/** Every invoke channel: bridge method name → channel and request schema. */
export const invokeChannels = {
  getState: { channel: 'state:get', request: NoRequest },
  reuse: { channel: 'suggestion:reuse', request: ReuseRequestSchema },
  save: { channel: 'suggestion:save', request: SaveRequestSchema },
  dismiss: { channel: 'suggestion:dismiss', request: SuggestionRequestSchema },
  undoSave: { channel: 'suggestion:undo-save', request: UndoSaveRequestSchema },
  saveClipboard: { channel: 'clipboard:save-now', request: NoRequest },
  listLibrary: { channel: 'library:list', request: NoRequest },
  searchLibrary: { channel: 'library:search', request: SearchRequestSchema },
  copyFromLibrary: { channel: 'library:copy', request: AssetRequestSchema },
  updateAsset: { channel: 'library:update', request: UpdateAssetRequestSchema },
  deleteAsset: { channel: 'library:delete', request: AssetRequestSchema },
  getUsageStats: { channel: 'activity:stats', request: NoRequest },
  updateSettings: { channel: 'settings:update', request: SettingsPatchSchema },
  testIgnorePattern: {
    channel: 'settings:test-ignore-pattern',
    request: IgnorePatternRequestSchema,
  },
  completeOnboarding: { channel: 'onboarding:complete', request: OnboardingRequestSchema },
  hideWindow: { channel: 'window:hide', request: NoRequest },
  setTeamPassword: { channel: 'team:set-password', request: TeamPasswordRequestSchema },
} as const

export type InvokeMethod = keyof typeof invokeChannels
export type InvokeChannel = (typeof invokeChannels)[InvokeMethod]['channel']

/** Push channel: the whole AppState, batched by main. */
export const STATE_CHANNEL = 'state:changed'

/** Views main can ask the window to open (the tray menu's "Settings…"). */
export const OPENABLE_VIEWS = ['now', 'settings'] as const
export type OpenableView = (typeof OPENABLE_VIEWS)[number]

/** Push channel: main asks the window to show a view. */
export const VIEW_CHANNEL = 'window:open-view'

/**
 * Why a bridge call failed: a stable `code` (ActionError's, SettingsError's, IpcRefusedError's,
 * or INTERNAL_ERROR) and a message a person can act on. Bridge calls reject with this plain
 * object, not an Error: Electron passes only an error's text across IPC, and contextBridge strips
 * every property but the message from an Error, while it copies a plain object whole.
 */
export interface IpcFailure {
  name: 'ClipwiseError'
  code: string
  message: string
}

/** What an invoke channel answers on the wire; the preload unwraps it (value, or IpcFailure). */
export type IpcReply<T> = { ok: true; value: T } | { ok: false; error: IpcFailure }

/** What the core offers the tray window; every method is one invoke channel. */
export interface ClipwiseApi {
  getState(): Promise<AppState>
  reuse(request: ReuseRequest): Promise<void>
  save(request: SaveRequest): Promise<SaveResult>
  dismiss(request: SuggestionRequest): Promise<void>
  undoSave(request: UndoSaveRequest): Promise<void>
  saveClipboard(): Promise<HotkeySaveResult>
  listLibrary(): Promise<LibraryItem[]>
  searchLibrary(request: SearchRequest): Promise<LibraryItem[]>
  copyFromLibrary(request: AssetRequest): Promise<void>
  updateAsset(request: UpdateAssetRequest): Promise<LibraryItem>
  deleteAsset(request: AssetRequest): Promise<void>
  getUsageStats(): Promise<UsageStats>
  updateSettings(patch: SettingsPatch): Promise<Settings>
  testIgnorePattern(request: IgnorePatternRequest): Promise<IgnorePatternCheck>
  completeOnboarding(request: OnboardingRequest): Promise<void>
  hideWindow(): Promise<void>
  /** Handled by main (an empty password removes it). */
  setTeamPassword(request: TeamPasswordRequest): Promise<void>
}

/** `window.clipwise`: the API plus the push subscriptions, each returning its unsubscribe. */
export interface ClipwiseBridge extends ClipwiseApi {
  onState(listener: (state: AppState) => void): () => void
  onOpenView(listener: (view: OpenableView) => void): () => void
}

// Every API method has a channel and every channel an API method.
type _ChannelsCoverApi = [InvokeMethod] extends [keyof ClipwiseApi]
  ? [keyof ClipwiseApi] extends [InvokeMethod]
    ? true
    : never
  : never
export const channelsCoverApi: _ChannelsCoverApi = true
