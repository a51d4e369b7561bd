import type { EmbeddedConnectorHandle } from '../core/contracts'
import { parseFromConnector, type TeamMessage, type ToConnector } from './connector-messages'

/** What starting the connector needs of its process: Electron's UtilityProcess in the app, a Node
 * child process in tests (both adapted to this). */
export interface ConnectorChild {
  postMessage(message: ToConnector): void
  onMessage(listener: (data: unknown) => void): void
  onceSpawn(listener: () => void): void
  onceExit(listener: (code: number | null, signal?: string | null) => void): void
  kill(): void
}

/** The team library for the connector as settings and the keychain say, and its changes. */
export interface TeamSource {
  current(): Promise<TeamMessage | undefined>
  /** Calls back on every change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void
}

const START_TIMEOUT_MS = 20_000
const STOP_TIMEOUT_MS = 3_000

/**
 * Starts the embedded connector in `child` (see connector-process.ts) and resolves once it listens.
 * The handle reports an exit that nobody asked for (`onExit`), which the core's supervisor answers
 * by starting it again.
 */
export function startConnectorChild(
  child: ConnectorChild,
  dataDir: string,
  timeouts: { startMs?: number; stopMs?: number } = {},
  team?: TeamSource,
): Promise<EmbeddedConnectorHandle> {
  // A changed team URL, name or password reaches the running connector without a restart.
  const unsubscribe =
    team?.subscribe(() => {
      void team.current().then((next) => {
        if (exitReason === undefined)
          child.postMessage({ type: 'team', ...(next && { team: next }) })
      })
    }) ?? (() => undefined)
  let stopping = false
  let exitReason: string | undefined
  const exitListeners: ((reason: string) => void)[] = []
  child.onceExit((code, signal) => {
    exitReason = signal ? `killed by ${signal}` : `exit code ${code ?? 'unknown'}`
    unsubscribe()
    if (!stopping) for (const listener of exitListeners.splice(0)) listener(exitReason)
  })

  const stop = () =>
    new Promise<void>((resolve) => {
      if (exitReason !== undefined) return resolve()
      stopping = true
      const timer = setTimeout(() => {
        child.kill()
        resolve()
      }, timeouts.stopMs ?? STOP_TIMEOUT_MS)
      child.onceExit(() => {
        clearTimeout(timer)
        resolve()
      })
      child.postMessage({ type: 'stop' })
    })

  return new Promise((resolve, reject) => {
    let ready = false
    const fail = (message: string) => {
      if (ready) return
      ready = true
      clearTimeout(timer)
      stopping = true
      child.kill()
      reject(new Error(`The embedded connector did not start: ${message}`))
    }
    const timer = setTimeout(
      () => fail('it did not answer in time'),
      timeouts.startMs ?? START_TIMEOUT_MS,
    )
    child.onceExit(() => fail(`its process exited (${exitReason})`))
    child.onMessage((data) => {
      const message = parseFromConnector(data)
      if (message?.type === 'failed') fail(message.message)
      if (message?.type !== 'ready' || ready) return
      ready = true
      clearTimeout(timer)
      resolve({
        url: message.url,
        stop,
        onExit(listener) {
          if (exitReason !== undefined && !stopping) listener(exitReason)
          else exitListeners.push(listener)
        },
      })
    })
    child.onceSpawn(() => {
      void (team?.current() ?? Promise.resolve(undefined)).then((current) =>
        child.postMessage({ type: 'start', dataDir, ...(current && { team: current }) }),
      )
    })
  })
}
