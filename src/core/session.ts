import {
  ConnectorError,
  createConnectorClient,
  isUnreachable,
  toErrorInfo,
  type ConnectorClient,
  type ConnectorClientOptions,
} from '../connector/client'
import type { ConnectionState, ConnectorTarget } from '../shared/domain'
import { ActionError } from './action-error'
import type { Clock } from './clock'
import type { StateStore } from './state-store'
import type { Found, Supervisor } from './supervisor'

export interface SessionDeps {
  state: StateStore
  clock: Clock
  supervisor: Supervisor
  appVersion: string
  platform: string
  /** Client timeouts (tests shorten them). */
  timeouts?: Pick<ConnectorClientOptions, 'timeoutMs' | 'suggestionTimeoutMs'>
  /** Called after every (re)connection, e.g. to flush queued copies and saves. */
  onConnected: (client: ConnectorClient) => void | Promise<void>
}

export interface ConnectorSession {
  /** The client while a connector is connected; undefined otherwise. */
  client(): ConnectorClient | undefined
  /** The connected client, or an ActionError (`CONNECTOR_UNAVAILABLE`) with the one offline message. */
  connectedClient(): ConnectorClient
  /** Finds (or re-uses) the connector and connects; failures leave the state offline with a retry. */
  establish(): Promise<void>
  /** A call failed: go offline (and retry later) when the connector is unreachable. */
  reportFailure(error: unknown): void
  /** Forget the connector (the connector URL setting changed) and establish again. */
  retarget(): Promise<void>
  stop(): Promise<void>
}

/** What every action says when no connector answers. */
export const OFFLINE_MESSAGE =
  'The connector is offline. Clipwise reconnects by itself; try again when it shows connected.'

const FIRST_RETRY_MS = 1000
const MAX_RETRY_MS = 15_000
/** Failed health checks of a found (not configured) connector before Clipwise looks again. */
const CHECKS_BEFORE_REDISCOVERY = 2

/** Owns the connection: connect, offline detection, retries, and a new target when one is lost. */
export function createConnectorSession(deps: SessionDeps): ConnectorSession {
  let client: ConnectorClient | undefined
  let target: ConnectorTarget | undefined
  let connected = false
  let retryTimer: unknown
  let retryDelay = FIRST_RETRY_MS
  let failedChecks = 0
  let stopped = false
  let establishing: Promise<void> | undefined

  const setConnection = (change: Partial<ConnectionState>) =>
    deps.state.update((s) => ({ connection: { ...s.connection, ...change } }))

  function use(found: Found): void {
    target = found.target
    connected = false
    client = createConnectorClient({
      baseUrl: found.target.url,
      appVersion: deps.appVersion,
      platform: deps.platform,
      ...deps.timeouts,
    })
    setConnection({ target })
  }

  async function establishOnce(): Promise<void> {
    try {
      if (!client) {
        setConnection({ status: 'discovering', error: undefined })
        use(await deps.supervisor.acquire())
      }
      const current = client as ConnectorClient
      const context = await current.connect()
      if (current !== client || stopped) return
      const version = target?.version ?? context.health?.os?.version
      if (target && version) target = { ...target, version }
      retryDelay = FIRST_RETRY_MS
      failedChecks = 0
      connected = true
      setConnection({ status: 'connected', target, error: undefined })
      await deps.onConnected(current)
    } catch (error) {
      goOffline(error)
    }
  }

  function goOffline(error: unknown): void {
    connected = false
    // While the supervisor restarts our own connector, the state says so (it set it).
    if (!deps.supervisor.restarting()) {
      setConnection({ status: 'offline', error: toErrorInfo(error) })
    }
    scheduleRetry()
  }

  function scheduleRetry(): void {
    if (stopped || retryTimer !== undefined) return
    retryTimer = deps.clock.setTimeout(() => {
      retryTimer = undefined
      void retry()
    }, retryDelay)
  }

  async function retry(): Promise<void> {
    if (stopped || connected) return
    if (deps.supervisor.restarting()) return scheduleRetry()
    if (client && !(await client.healthy())) {
      failedChecks++
      const rediscover = target?.kind !== 'configured' && failedChecks >= CHECKS_BEFORE_REDISCOVERY
      if (!rediscover) {
        retryDelay = Math.min(retryDelay * 2, MAX_RETRY_MS)
        return scheduleRetry()
      }
      // A Pieces OS or another front end's connector went away: look again (Pieces OS, else ours).
      failedChecks = 0
      client = undefined
      await deps.supervisor.release()
    }
    await session.establish()
  }

  deps.supervisor.onExited(() => {
    connected = false
    client = undefined
  })
  deps.supervisor.onReplaced((found) => {
    if (stopped) return
    use(found)
    void session.establish()
  })

  const session: ConnectorSession = {
    client: () => (connected ? client : undefined),
    connectedClient() {
      if (!connected || !client) throw new ActionError('CONNECTOR_UNAVAILABLE', OFFLINE_MESSAGE)
      return client
    },
    establish() {
      establishing ??= establishOnce().finally(() => {
        establishing = undefined
      })
      return establishing
    },
    reportFailure(error) {
      if (!connected) return
      if (isUnreachable(error)) goOffline(error)
      else if (error instanceof ConnectorError && error.code === 'NOT_CONNECTED') goOffline(error)
    },
    async retarget() {
      client = undefined
      target = undefined
      connected = false
      await deps.supervisor.release()
      await session.establish()
    },
    async stop() {
      stopped = true
      connected = false
      if (retryTimer !== undefined) deps.clock.clearTimeout(retryTimer)
      retryTimer = undefined
      await deps.supervisor.stop()
    },
  }
  return session
}
