import { vi, type Mock } from 'vitest'
import type { AppState, CurrentSuggestion, LibraryItem } from '../../../shared/domain'
import type { ClipwiseBridge } from '../../../shared/ipc'
import { useAppStore } from '../store'
import { DEFAULT_SETTINGS } from '../../../shared/default-settings'

export function appState(patch: Partial<AppState> = {}): AppState {
  return {
    connection: {
      status: 'connected',
      queued: 0,
      target: { url: 'http://127.0.0.1:4000', kind: 'embedded', reason: 'test' },
    },
    current: null,
    activity: [],
    settings: { ...DEFAULT_SETTINGS, hotkey: 'CommandOrControl+Shift+S' },
    onboarded: true,
    hotkey: { accelerator: 'CommandOrControl+Shift+S', registered: true },
    notices: [],
    ...patch,
  }
}

export function suggestion(patch: Partial<CurrentSuggestion> = {}): CurrentSuggestion {
  return {
    id: 'copy-1',
    text: 'const answer = 42\n',
    copiedAt: new Date().toISOString(),
    status: 'ready',
    kind: 'save',
    matches: [],
    draft: { name: 'answer', language: 'ts', tags: [] },
    ...patch,
  }
}

export function libraryItem(patch: Partial<LibraryItem> = {}): LibraryItem {
  return {
    id: 'a1',
    name: 'Debounce',
    language: 'ts',
    text: 'export const debounce = () => {}\n',
    tags: ['timing'],
    savedAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    reuseCount: 2,
    sensitive: false,
    ...patch,
  }
}

export type FakeBridge = { [K in keyof ClipwiseBridge]: Mock<ClipwiseBridge[K]> } & {
  push(state: AppState): void
  /** Plays main asking the window to show a view (the tray menu's "Settings…"). */
  openView(view: string): void
}

/** A bridge whose every method is a spy; `push` plays the main process sending a state. */
export function installFakeBridge(initial: AppState = appState()): FakeBridge {
  const listeners = new Set<(state: AppState) => void>()
  const viewListeners = new Set<(view: string) => void>()
  const fake = {
    getState: vi.fn(async () => initial),
    reuse: vi.fn(async () => undefined),
    save: vi.fn(async () => ({ status: 'saved', assetId: 'new-1', name: 'answer' })),
    dismiss: vi.fn(async () => undefined),
    undoSave: vi.fn(async () => undefined),
    saveClipboard: vi.fn(async () => ({ status: 'saved', message: 'Saved' })),
    listLibrary: vi.fn(async () => [libraryItem()]),
    searchLibrary: vi.fn(async () => [libraryItem()]),
    copyFromLibrary: vi.fn(async () => undefined),
    updateAsset: vi.fn(async (request: { assetId: string; name?: string }) =>
      libraryItem({ id: request.assetId, name: request.name ?? 'Debounce' }),
    ),
    deleteAsset: vi.fn(async () => undefined),
    getUsageStats: vi.fn(async () => ({
      snippetsSaved: 3,
      reusesThisWeek: 5,
      savesThisWeek: 1,
      suggestionsThisWeek: 9,
    })),
    updateSettings: vi.fn(async (patch: object) => ({ ...initial.settings, ...patch })),
    testIgnorePattern: vi.fn(async () => ({ valid: true, matches: false })),
    completeOnboarding: vi.fn(async () => undefined),
    hideWindow: vi.fn(async () => undefined),
    setTeamPassword: vi.fn(async () => undefined),
    onState: vi.fn((listener: (state: AppState) => void) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }),
    onOpenView: vi.fn((listener: (view: string) => void) => {
      viewListeners.add(listener)
      return () => viewListeners.delete(listener)
    }),
    push: (state: AppState) => listeners.forEach((listener) => listener(state)),
    openView: (view: string) => viewListeners.forEach((listener) => listener(view)),
  }
  window.clipwise = fake as unknown as ClipwiseBridge
  return fake as unknown as FakeBridge
}

/** Fresh store for each test, as zustand's docs recommend. */
export function resetStore(): void {
  useAppStore.setState(useAppStore.getInitialState(), true)
}
