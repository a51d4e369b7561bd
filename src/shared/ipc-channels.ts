// The IPC channel names, once, for both sides: src/shared/ipc.ts pairs each with its request
// schema, and the preload imports only this file (plain strings), so TypeBox stays out of the
// small sandboxed preload bundle.

/** Bridge method → invoke channel (`domain:verb`). */
export const channelOf = {
  getState: 'state:get',
  reuse: 'suggestion:reuse',
  save: 'suggestion:save',
  dismiss: 'suggestion:dismiss',
  undoSave: 'suggestion:undo-save',
  saveClipboard: 'clipboard:save-now',
  listLibrary: 'library:list',
  searchLibrary: 'library:search',
  copyFromLibrary: 'library:copy',
  updateAsset: 'library:update',
  deleteAsset: 'library:delete',
  getUsageStats: 'activity:stats',
  updateSettings: 'settings:update',
  testIgnorePattern: 'settings:test-ignore-pattern',
  completeOnboarding: 'onboarding:complete',
  hideWindow: 'window:hide',
  setTeamPassword: 'team:set-password',
} as const

/** Push channel: the whole AppState, batched by main. */
export const STATE_CHANNEL = 'state:changed'

/** Push channel: main asks the window to show a view. */
export const VIEW_CHANNEL = 'window:open-view'
