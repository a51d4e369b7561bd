import type { AppState, CurrentSuggestion } from '../../shared/domain'
import { DEFAULT_SETTINGS } from '../../shared/settings'

/** A connected, idle app state for tests, with overrides. */
export function testState(overrides: Partial<AppState> = {}): AppState {
  return {
    connection: {
      status: 'connected',
      queued: 0,
      target: { url: 'http://127.0.0.1:1', kind: 'embedded', reason: 'test' },
    },
    current: null,
    activity: [],
    settings: DEFAULT_SETTINGS,
    onboarded: true,
    hotkey: { accelerator: DEFAULT_SETTINGS.hotkey, registered: true },
    notices: [],
    ...overrides,
  }
}

/** A ready suggestion for tests, with overrides. */
export function testSuggestion(overrides: Partial<CurrentSuggestion> = {}): CurrentSuggestion {
  return {
    id: 'c1',
    text: 'const x = 1',
    copiedAt: '2026-01-01T00:00:00.000Z',
    status: 'ready',
    kind: 'save',
    matches: [],
    draft: { name: 'x constant', language: 'ts', tags: [] },
    ...overrides,
  }
}
