import type { Clock } from '../clock'

export interface FakeClock extends Clock {
  /** Moves time forward, firing due timers in order, and lets their promises settle. */
  advance(ms: number): Promise<void>
  pending(): number
}

/** A manual clock for tests: timers fire only when the test advances time. */
export function createFakeClock(start = Date.parse('2026-03-02T10:00:00Z')): FakeClock {
  let now = start
  let nextId = 1
  const timers = new Map<number, { at: number; callback: () => void }>()
  const settle = () => new Promise((resolve) => setImmediate(resolve))
  return {
    now: () => now,
    setTimeout(callback, ms) {
      const id = nextId++
      timers.set(id, { at: now + Math.max(0, ms), callback })
      return id
    },
    clearTimeout(handle) {
      timers.delete(handle as number)
    },
    pending: () => timers.size,
    async advance(ms) {
      const until = now + ms
      for (;;) {
        await settle()
        const due = [...timers.entries()]
          .filter(([, timer]) => timer.at <= until)
          .sort((a, b) => a[1].at - b[1].at)[0]
        if (!due) break
        timers.delete(due[0])
        now = Math.max(now, due[1].at)
        due[1].callback()
      }
      now = until
      await settle()
    },
  }
}
