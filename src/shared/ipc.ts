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
import { channelOf, STATE_CHANNEL, VIEW_CHANNEL } from './ipc-channels'
import { SettingsPatchSchema, type SettingsPatch } from './settings'

export { channelOf, STATE_CHANNEL, VIEW_CHANNEL }

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
  getState: { channel: channelOf.getState, request: NoRequest },
  reuse: { channel: channelOf.reuse, request: ReuseRequestSchema },
  save: { channel: channelOf.save, request: SaveRequestSchema },
  dismiss: { channel: channelOf.dismiss, request: SuggestionRequestSchema },
  undoSave: { channel: channelOf.undoSave, request: UndoSaveRequestSchema },
  saveClipboard: { channel: channelOf.saveClipboard, request: NoRequest },
  listLibrary: { channel: channelOf.listLibrary, request: NoRequest },
  searchLibrary: { channel: channelOf.searchLibrary, request: SearchRequestSchema },
  copyFromLibrary: { channel: channelOf.copyFromLibrary, request: AssetRequestSchema },
  updateAsset: { channel: channelOf.updateAsset, request: UpdateAssetRequestSchema },
  deleteAsset: { channel: channelOf.deleteAsset, request: AssetRequestSchema },
  getUsageStats: { channel: channelOf.getUsageStats, request: NoRequest },
  updateSettings: { channel: channelOf.updateSettings, request: SettingsPatchSchema },
  testIgnorePattern: {
    channel: channelOf.testIgnorePattern,
    request: IgnorePatternRequestSchema,
  },
  completeOnboarding: { channel: channelOf.completeOnboarding, request: OnboardingRequestSchema },
  hideWindow: { channel: channelOf.hideWindow, request: NoRequest },
  setTeamPassword: { channel: channelOf.setTeamPassword, request: TeamPasswordRequestSchema },
} as const

export type InvokeMethod = keyof typeof invokeChannels
export type InvokeChannel = (typeof invokeChannels)[InvokeMethod]['channel']

/** Views main can ask the window to open (the tray menu's "Settings…"). */
export const OPENABLE_VIEWS = ['now', 'settings'] as const
export type OpenableView = (typeof OPENABLE_VIEWS)[number]

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

// …and every channel name belongs to a method that has a schema.
type _NamesAreChannels = [keyof typeof channelOf] extends [InvokeMethod] ? true : never
export const namesAreChannels: _NamesAreChannels = true
