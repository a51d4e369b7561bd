import type { AppState } from '../shared/domain'

export interface StateStore {
  get(): AppState
  /** Replaces parts of the state and tells every listener. */
  update(change: Partial<AppState> | ((state: AppState) => Partial<AppState>)): void
  subscribe(listener: (state: AppState) => void): () => void
}

/** Holds the AppState the tray window renders; listeners get every new state. */
export function createStateStore(initial: AppState): StateStore {
  let state = initial
  const listeners = new Set<(state: AppState) => void>()
  return {
    get: () => state,
    update(change) {
      const partial = typeof change === 'function' ? change(state) : change
      state = { ...state, ...partial }
      for (const listener of listeners) listener(state)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
