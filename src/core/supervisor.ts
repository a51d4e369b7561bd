import { discoverConnector, toErrorInfo, type Discovered } from '../connector/client'
import type { Clock } from './clock'
import type { EmbeddedConnectorHandle } from './contracts'
import type { StateStore } from './state-store'

/** Waits before each restart of the embedded connector: 0.5 s, doubling, at most 30 s. */
export const RESTART_DELAYS_MS: readonly number[] = [500, 1000, 2000, 4000, 8000, 16_000, 30_000]
/** A restarted connector that stays up this long starts the back-off over. */
export const STABLE_MS = 30_000

export interface Found {
  target: Discovered['target']
  /** Set when Clipwise started this connector itself. */
  embedded?: EmbeddedConnectorHandle
}

export interface SupervisorDeps {
  state: StateStore
  clock: Clock
  configuredUrl: () => string | null
  configuredReason?: string
  startEmbedded: () => Promise<EmbeddedConnectorHandle>
  piecesPorts?: readonly number[]
  legacyPorts?: readonly number[]
  restartDelaysMs?: readonly number[]
  stableMs?: number
}

export interface Supervisor {
  /** The connector to use: found (settings URL, Pieces OS, else our own) on first call. */
  acquire(): Promise<Found>
  /** Forget the connector (it stopped answering, or settings changed); stops one we started. */
  release(): Promise<void>
  /** True while our own connector's process is being started again after it exited. */
  restarting(): boolean
  /** Called with the new connector after a restart. */
  onReplaced(listener: (found: Found) => void): void
  /** Called when our connector's process exited unexpectedly (a restart is scheduled). */
  onExited(listener: () => void): void
  stop(): Promise<void>
}

/** Finds the connector and keeps Clipwise's own one running: restarts it with back-off when it exits. */
export function createSupervisor(deps: SupervisorDeps): Supervisor {
  const delays = deps.restartDelaysMs ?? RESTART_DELAYS_MS
  const listeners = new Set<(found: Found) => void>()
  const exitListeners = new Set<() => void>()
  const waiters: ((found: Found) => void)[] = []
  let found: Found | undefined
  let finding: Promise<Found> | undefined
  let attempt = 0
  let restartTimer: unknown
  let stableTimer: unknown
  let stopped = false
  let restartingNow = false

  const clear = (timer: unknown) => timer !== undefined && deps.clock.clearTimeout(timer)

  function adopt(next: Found): Found {
    found = next
    restartingNow = false
    const handle = next.embedded
    if (handle?.onExit) {
      handle.onExit((reason) => exited(handle, reason))
      clear(stableTimer)
      stableTimer = deps.clock.setTimeout(() => {
        attempt = 0
      }, deps.stableMs ?? STABLE_MS)
    }
    return next
  }

  async function discover(): Promise<Found> {
    let started: EmbeddedConnectorHandle | undefined
    const discovered = await discoverConnector({
      configuredUrl: deps.configuredUrl(),
      configuredReason: deps.configuredReason,
      startEmbedded: async () => (started = await deps.startEmbedded()),
      piecesPorts: deps.piecesPorts,
      legacyPorts: deps.legacyPorts,
    })
    if (stopped) {
      await started?.stop()
      throw new Error('Clipwise is stopping.')
    }
    return adopt({ target: discovered.target, ...(started ? { embedded: started } : {}) })
  }

  /** Our connector's process ended without being asked to: say so, then start it again. */
  function exited(handle: EmbeddedConnectorHandle | undefined, reason: string): void {
    if (stopped || (handle && found?.embedded !== handle)) return
    found = undefined
    restartingNow = true
    clear(stableTimer)
    const delay = delays[Math.min(attempt, delays.length - 1)] ?? 30_000
    attempt++
    deps.state.update((s) => ({
      connection: {
        ...s.connection,
        status: 'restarting',
        error: {
          code: 'CONNECTOR_EXITED',
          message: `Clipwise's connector stopped (${reason}); starting it again in ${seconds(delay)}.`,
        },
      },
    }))
    restartTimer = deps.clock.setTimeout(() => {
      restartTimer = undefined
      void restart()
    }, delay)
    for (const listener of exitListeners) listener()
  }

  async function restart(): Promise<void> {
    let handle: EmbeddedConnectorHandle
    try {
      handle = await deps.startEmbedded()
    } catch (error) {
      exited(undefined, `it could not start: ${toErrorInfo(error).message}`)
      return
    }
    if (stopped) {
      await handle.stop()
      return
    }
    const next = adopt({
      target: {
        url: handle.url,
        kind: 'embedded',
        reason: 'Clipwise started its own connector again after it stopped.',
      },
      embedded: handle,
    })
    for (const waiter of waiters.splice(0)) waiter(next)
    for (const listener of listeners) listener(next)
  }

  async function release(): Promise<void> {
    const previous = found
    found = undefined
    await previous?.embedded?.stop()
  }

  return {
    acquire() {
      if (found) return Promise.resolve(found)
      // While our connector restarts, the next one is the answer (no second discovery).
      if (restartingNow) return new Promise<Found>((resolve) => waiters.push(resolve))
      finding ??= discover().finally(() => {
        finding = undefined
      })
      return finding
    },
    release,
    restarting: () => restartingNow && !stopped,
    onReplaced(listener) {
      listeners.add(listener)
    },
    onExited(listener) {
      exitListeners.add(listener)
    },
    async stop() {
      stopped = true
      clear(restartTimer)
      clear(stableTimer)
      restartTimer = stableTimer = undefined
      restartingNow = false
      await release()
    },
  }
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms / 1000} s` : `${Math.round(ms / 1000)} s`
}
