import {
  ConnectorError,
  createConnectorClient,
  discoverConnector,
  isUnreachable,
  toErrorInfo,
  type ConnectorClient,
  type StartedConnector,
} from '../connector/client'
import type { ConnectorTarget } from '../shared/domain'
import type { Clock } from './clock'
import type { StateStore } from './state-store'

export interface SessionDeps {
  state: StateStore
  clock: Clock
  appVersion: string
  platform: string
  configuredUrl: () => string | null
  configuredReason?: string
  startEmbedded: () => Promise<StartedConnector>
  /** Test hooks: the Pieces OS and legacy ports to probe. */
  piecesPorts?: readonly number[]
  legacyPorts?: readonly number[]
  /** Called after every (re)connection, e.g. to flush queued copies. */
  onConnected: (client: ConnectorClient) => void | Promise<void>
}

export interface ConnectorSession {
  /** The client of the current target, once one was found. */
  client(): ConnectorClient | undefined
  /** Discovers (or re-uses) the target and connects; failures leave the state offline with a retry. */
  establish(): Promise<void>
  /** A call failed: go offline (and retry later) when the connector is unreachable. */
  reportFailure(error: unknown): void
  /** Forget the target (the connector URL setting changed) and establish again. */
  retarget(): Promise<void>
  stop(): Promise<void>
}

const FIRST_RETRY_MS = 1000
const MAX_RETRY_MS = 15_000

/** Owns the connection to the connector: discovery, connect, offline detection and retries. */
export function createConnectorSession(deps: SessionDeps): ConnectorSession {
  let client: ConnectorClient | undefined
  let target: ConnectorTarget | undefined
  let embedded: StartedConnector | undefined
  let retryTimer: unknown
  let retryDelay = FIRST_RETRY_MS
  let stopped = false
  let establishing: Promise<void> | undefined

  const setConnection = (change: Partial<ReturnType<StateStore['get']>['connection']>) =>
    deps.state.update((s) => ({ connection: { ...s.connection, ...change } }))

  async function establishOnce(): Promise<void> {
    try {
      if (!client) {
        setConnection({ status: 'discovering', error: undefined })
        const found = await discoverConnector({
          configuredUrl: deps.configuredUrl(),
          configuredReason: deps.configuredReason,
          startEmbedded: deps.startEmbedded,
          piecesPorts: deps.piecesPorts,
          legacyPorts: deps.legacyPorts,
        })
        target = found.target
        embedded = found.embedded ?? embedded
        client = createConnectorClient({
          baseUrl: found.target.url,
          appVersion: deps.appVersion,
          platform: deps.platform,
        })
        setConnection({ target })
      }
      const context = await client.connect()
      const version = target?.version ?? context.health?.os?.version
      if (target && version) target = { ...target, version }
      retryDelay = FIRST_RETRY_MS
      setConnection({ status: 'connected', target, error: undefined })
      await deps.onConnected(client)
    } catch (error) {
      goOffline(error)
    }
  }

  function goOffline(error: unknown): void {
    setConnection({ status: 'offline', error: toErrorInfo(error) })
    scheduleRetry()
  }

  function scheduleRetry(): void {
    if (stopped || retryTimer !== undefined) return
    retryTimer = deps.clock.setTimeout(() => {
      retryTimer = undefined
      void (async () => {
        if (client && !(await client.healthy())) {
          retryDelay = Math.min(retryDelay * 2, MAX_RETRY_MS)
          scheduleRetry()
          return
        }
        await session.establish()
      })()
    }, retryDelay)
  }

  const session: ConnectorSession = {
    client: () => client,
    establish() {
      establishing ??= establishOnce().finally(() => {
        establishing = undefined
      })
      return establishing
    },
    reportFailure(error) {
      if (isUnreachable(error)) goOffline(error)
      else if (error instanceof ConnectorError && error.code === 'NOT_CONNECTED') goOffline(error)
    },
    async retarget() {
      client = undefined
      target = undefined
      const previous = embedded
      embedded = undefined
      await previous?.stop()
      await session.establish()
    },
    async stop() {
      stopped = true
      if (retryTimer !== undefined) deps.clock.clearTimeout(retryTimer)
      retryTimer = undefined
      const started = embedded
      embedded = undefined
      await started?.stop()
    },
  }
  return session
}
