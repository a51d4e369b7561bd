/** Timer functions, injected so tests can drive time. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

/** Frame-sized window for state pushes: at most one push per ~16 ms. */
export const STATE_PUSH_INTERVAL_MS = 16

/** Collapses bursts of values into one delivery of the latest value per interval. */
export function createBatcher<T>(
  deliver: (value: T) => void,
  timers: Timers,
  intervalMs = STATE_PUSH_INTERVAL_MS,
): { push(value: T): void; flush(): void; dispose(): void } {
  let pending: { value: T } | undefined
  let handle: unknown
  const flush = () => {
    if (handle !== undefined) timers.clearTimeout(handle)
    handle = undefined
    if (!pending) return
    const { value } = pending
    pending = undefined
    deliver(value)
  }
  return {
    push(value) {
      pending = { value }
      if (handle === undefined) handle = timers.setTimeout(flush, intervalMs)
    },
    flush,
    dispose() {
      if (handle !== undefined) timers.clearTimeout(handle)
      handle = undefined
      pending = undefined
    },
  }
}
