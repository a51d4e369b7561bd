import { create } from 'zustand'
import { createActivitySlice } from './activity-slice'
import { createConnectionSlice } from './connection-slice'
import { createLibrarySlice } from './library-slice'
import { createSettingsSlice } from './settings-slice'
import { createSuggestionSlice } from './suggestion-slice'
import type { AppStore } from './types'
import { createViewSlice } from './view-slice'

/** The tray window's one store. State comes only from bridge pushes and bridge call results. */
export const useAppStore = create<AppStore>()((...args) => ({
  ...createConnectionSlice(...args),
  ...createSuggestionSlice(...args),
  ...createLibrarySlice(...args),
  ...createActivitySlice(...args),
  ...createSettingsSlice(...args),
  ...createViewSlice(...args),
}))

export type { AppStore } from './types'
export type { View } from './view-slice'
