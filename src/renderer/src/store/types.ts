import type { StateCreator } from 'zustand'
import type { ActivitySlice } from './activity-slice'
import type { ConnectionSlice } from './connection-slice'
import type { LibrarySlice } from './library-slice'
import type { SettingsSlice } from './settings-slice'
import type { SuggestionSlice } from './suggestion-slice'
import type { ViewSlice } from './view-slice'

/** The whole tray-window store: one store, one slice per concern. */
export type AppStore = ConnectionSlice &
  SuggestionSlice &
  LibrarySlice &
  ActivitySlice &
  SettingsSlice &
  ViewSlice

export type SliceCreator<Slice> = StateCreator<AppStore, [], [], Slice>
