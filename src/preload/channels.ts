import type { invokeChannels, InvokeMethod, STATE_CHANNEL, VIEW_CHANNEL } from '../shared/ipc'

// The channel names as literals: a sandboxed preload must stay a single small file, and importing
// `src/shared/ipc` at runtime would bundle TypeBox into it. The types keep these equal to the contract.

/** Bridge method → invoke channel, checked against `invokeChannels` by the compiler. */
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
} as const satisfies { [M in InvokeMethod]: (typeof invokeChannels)[M]['channel'] }

/** The push channel for state updates. */
export const stateChannel: typeof STATE_CHANNEL = 'state:changed'

/** The push channel that asks the window to show a view. */
export const viewChannel: typeof VIEW_CHANNEL = 'window:open-view'
