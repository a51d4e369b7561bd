import type { ConnectorStore } from './storage'

export interface CheckpointOptions {
  /** Quiet time after the last write before the log is checkpointed (ms). */
  idleMs?: number
  /** Longest a write waits for its checkpoint when the connector is never quiet (ms). */
  maxDelayMs?: number
  /** How often the timer looks (ms). */
  tickMs?: number
  /** Clock (tests). */
  now?: () => number
}

/**
 * Checkpoints the SQLite write-ahead log between requests rather than inside one. Left to SQLite,
 * the checkpoint runs in the commit that fills 1,000 pages: at 100,000 assets one /suggestion in
 * ~500 (its seed row is a write) took 8-16 ms instead of 1-2. Here it runs once the connector has
 * been quiet for `idleMs` (and empties the log file), or after `maxDelayMs` of unbroken traffic.
 * The log itself is durable, so nothing waits on this for safety: a crash replays it at the
 * next open, and closing the database checkpoints it too.
 */
export function scheduleCheckpoints(
  store: Pick<ConnectorStore, 'manualCheckpoints' | 'checkpoint'>,
  options: CheckpointOptions = {},
) {
  const { idleMs = 1_000, maxDelayMs = 30_000, tickMs = 250, now = Date.now } = options
  store.manualCheckpoints()
  /** When the oldest write not yet checkpointed happened; undefined when there is none. */
  let pendingSince: number | undefined
  let lastWrite = 0
  const tick = (): void => {
    if (pendingSince === undefined) return
    const at = now()
    const mode =
      at - lastWrite >= idleMs
        ? 'TRUNCATE'
        : at - pendingSince >= maxDelayMs
          ? 'PASSIVE'
          : undefined
    if (mode === undefined) return
    try {
      store.checkpoint(mode)
      pendingSince = undefined
    } catch {
      // The log stays durable; the next tick tries again.
    }
  }
  const timer = setInterval(tick, tickMs)
  timer.unref()
  return {
    /** Notes a write (a request that may have committed). */
    wrote(): void {
      lastWrite = now()
      pendingSince ??= lastWrite
    },
    /** What the timer runs (tests call it directly). */
    tick,
    stop(): void {
      clearInterval(timer)
    },
  }
}
