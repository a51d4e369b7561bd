import { join } from 'node:path'
import type { ActivityEntry } from '../shared/domain'
import { readJsonFile, writeFileAtomic } from './atomic-file'

/** Activity entries kept on disk (newest first). */
export const ACTIVITY_LIMIT = 500

export interface LocalState {
  onboarded: boolean
  /** `/onboarded` reached the connector (it is re-sent after a reconnect otherwise). */
  onboardedSent: boolean
  activity: ActivityEntry[]
}

export interface LocalStateFile {
  get(): LocalState
  /** Applies a change and writes `state.json` atomically (writes are serialised). */
  update(change: Partial<LocalState>): Promise<void>
}

/** Loads the companion's own state (onboarding, activity) from the data folder. */
export function openLocalState(dataDir: string): LocalStateFile {
  const path = join(dataDir, 'state.json')
  const stored = readJsonFile(path) as Partial<LocalState> | undefined
  let state: LocalState = {
    onboarded: stored?.onboarded === true,
    onboardedSent: stored?.onboardedSent === true,
    activity: Array.isArray(stored?.activity) ? stored.activity.slice(0, ACTIVITY_LIMIT) : [],
  }
  let writing: Promise<void> = Promise.resolve()
  return {
    get: () => state,
    update(change) {
      state = { ...state, ...change }
      state.activity = state.activity.slice(0, ACTIVITY_LIMIT)
      const snapshot = JSON.stringify(state)
      writing = writing.then(() => writeFileAtomic(path, snapshot)).catch(() => undefined)
      return writing
    },
  }
}
