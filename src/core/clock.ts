/** Time and timers, injected so tests can drive them. */
export interface Clock {
  now(): number
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

/** The real clock; timers are unref'd so they never keep a process alive on their own. */
export function systemClock(now: () => number = Date.now): Clock {
  return {
    now,
    setTimeout(callback, ms) {
      const handle = setTimeout(callback, ms)
      handle.unref?.()
      return handle
    },
    clearTimeout(handle) {
      clearTimeout(handle as ReturnType<typeof setTimeout>)
    },
  }
}
