import { randomUUID } from 'node:crypto'
import type { ActivityEntry, ActivityOutcome, Notice, UsageStats } from '../shared/domain'
import type { Clock } from './clock'
import type { LocalStateFile } from './local-state'
import type { StateStore } from './state-store'

/** Entries the tray window receives (the file keeps more). */
const SHOWN_ACTIVITY = 50
const SHOWN_NOTICES = 5
const WEEK_MS = 7 * 24 * 60 * 60 * 1000

export interface ActivityLog {
  record(outcome: ActivityOutcome, preview: string, assetId?: string): void
  notify(level: Notice['level'], message: string): void
  /** Week figures from local activity; `snippetsSaved` is filled in by the caller when it can. */
  weekStats(): UsageStats
}

/** Records what happened to each copy (state + `state.json`) and the notices the tray shows. */
export function createActivityLog(deps: {
  state: StateStore
  local: LocalStateFile
  clock: Clock
}): ActivityLog {
  return {
    record(outcome, preview, assetId) {
      const entry: ActivityEntry = {
        id: randomUUID(),
        at: new Date(deps.clock.now()).toISOString(),
        preview,
        outcome,
        ...(assetId ? { assetId } : {}),
      }
      const activity = [entry, ...deps.local.get().activity]
      void deps.local.update({ activity })
      deps.state.update({ activity: activity.slice(0, SHOWN_ACTIVITY) })
    },
    notify(level, message) {
      const notice: Notice = { id: randomUUID(), level, message }
      deps.state.update((s) => ({ notices: [notice, ...s.notices].slice(0, SHOWN_NOTICES) }))
    },
    weekStats() {
      const since = deps.clock.now() - WEEK_MS
      const recent = deps.local.get().activity.filter((entry) => Date.parse(entry.at) >= since)
      const count = (...outcomes: ActivityOutcome[]) =>
        recent.filter((entry) => outcomes.includes(entry.outcome)).length
      return {
        snippetsSaved: deps.local.get().activity.filter((entry) => entry.outcome === 'saved')
          .length,
        reusesThisWeek: count('reused'),
        savesThisWeek: count('saved'),
        suggestionsThisWeek: count('suggested-reuse', 'suggested-save'),
      }
    },
  }
}
