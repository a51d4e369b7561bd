import type { SliceCreator } from './types'

export const VIEWS = ['now', 'library', 'activity', 'settings'] as const
export type View = (typeof VIEWS)[number]

export interface ViewSlice {
  view: View
  setView(view: View): void
}

export const createViewSlice: SliceCreator<ViewSlice> = (set) => ({
  view: 'now',
  setView: (view) => set({ view }),
})
