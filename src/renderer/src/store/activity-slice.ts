import type { ActivityEntry, UsageStats } from '../../../shared/domain'
import { bridge, errorMessage } from '../bridge'
import type { SliceCreator } from './types'

export interface ActivitySlice {
  activity: ActivityEntry[]
  stats: UsageStats | null
  statsError: string | null
  /** Usage figures: this week's copies from the activity log, saved count from the connector. */
  loadStats(): Promise<void>
}

export const createActivitySlice: SliceCreator<ActivitySlice> = (set) => ({
  activity: [],
  stats: null,
  statsError: null,

  async loadStats() {
    try {
      set({ stats: await bridge().getUsageStats(), statsError: null })
    } catch (error) {
      set({ statsError: errorMessage(error) })
    }
  },
})
