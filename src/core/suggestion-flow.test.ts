import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ConnectorError, createConnectorClient, type ConnectorClient } from '../connector/client'
import { startConnector, type RunningConnector } from '../connector/server'
import type { AppState } from '../shared/domain'
import { DEFAULT_SETTINGS } from '../shared/settings'
import type { SeededConnectorCreation, SeededConnectorTracking } from '../shared/wire'
import { createActivityLog } from './activity-log'
import { preview, seedFor } from './asset-mapping'
import { createConnectorSession, type ConnectorSession } from './session'
import { createSupervisor } from './supervisor'
import { openLocalState } from './local-state'
import { createStateStore } from './state-store'
import { createSuggestionFlow, type SuggestionFlow } from './suggestion-flow'
import { gate } from './test-support/connector-proxy'
import { startCoreHarness } from './test-support/core-harness'
import { createFakeClock } from './test-support/fake-clock'

// The flow with the real state store and activity log, against a real connector whose answers
// the tests hold back and release in the order they choose.

/** Saved before the tests copy it, so the connector answers "reuse" for it. */
const SAVED = `export function debounce(fn, ms) {\n  let timer\n  return (...args) => {\n    clearTimeout(timer)\n    timer = setTimeout(() => fn(...args), ms)\n  }\n}`
/** Never saved: the connector answers "save" for it. */
const FRESH = `export function clamp(value, min, max) {\n  return Math.min(max, Math.max(min, value))\n}`

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

interface Harness {
  flow: SuggestionFlow
  session: ConnectorSession
  state: ReturnType<typeof createStateStore>
  /** Every state the store published, in order. */
  states: AppState[]
  tracked: SeededConnectorTracking[]
  connector: { url: string; stop: () => Promise<void>; start: () => Promise<void> }
  realClient: () => ConnectorClient
  savedAssetId: string
  copy: (text: string) => void
}

const rawText = (seed: SeededConnectorCreation) => seed.asset?.format.fragment?.string?.raw ?? ''

async function setup(
  session: (deps: {
    state: ReturnType<typeof createStateStore>
    clock: ReturnType<typeof createFakeClock>
    url: string
    flow: () => SuggestionFlow
  }) => ConnectorSession,
): Promise<Harness> {
  const root = mkdtempSync(join(tmpdir(), 'clipwise-flow-'))
  cleanups.push(() => rmSync(root, { recursive: true, force: true }))
  let running: RunningConnector | undefined
  let port = 0
  const start = async () => {
    running = await startConnector({ port, dataDir: join(root, 'connector') })
    port = running.port
  }
  const stop = async () => {
    await running?.close()
    running = undefined
  }
  await start()
  cleanups.push(stop)
  const url = (running as RunningConnector).url
  const realClient = () =>
    createConnectorClient({ baseUrl: url, appVersion: '0.1.0', platform: 'linux' })
  const savedAssetId = await realClient().react({ save: true, seed: seedFor(SAVED) })

  const clock = createFakeClock()
  const state = createStateStore({
    connection: { status: 'discovering', queued: 0 },
    current: null,
    activity: [],
    settings: DEFAULT_SETTINGS,
    onboarded: true,
    hotkey: { accelerator: DEFAULT_SETTINGS.hotkey, registered: false },
    notices: [],
  })
  const states: AppState[] = []
  state.subscribe((next) => states.push(next))
  const activity = createActivityLog({ state, local: openLocalState(join(root, 'app')), clock })
  const tracked: SeededConnectorTracking[] = []
  // The session's onConnected flushes the flow, which needs the session: tie the knot lazily.
  const connectorSession = session({ state, clock, url, flow: () => flow })
  cleanups.push(() => connectorSession.stop())
  const flow = createSuggestionFlow({
    state,
    session: connectorSession,
    clock,
    activity,
    settings: () => DEFAULT_SETTINGS,
    track: (event) => tracked.push(event),
  })
  return {
    flow,
    session: connectorSession,
    state,
    states,
    tracked,
    connector: { url, start, stop },
    realClient,
    savedAssetId,
    copy: (text) => flow.handleCopy({ formats: ['text/plain'], markerValues: {}, text }),
  }
}

/** A connected session whose client asks the real connector but holds each answer back. */
function heldSession(deps: { state: ReturnType<typeof createStateStore>; url: string }) {
  const real = createConnectorClient({ baseUrl: deps.url, appVersion: '0.1.0', platform: 'linux' })
  const held = new Map<string, { release: () => void; fail: (error: unknown) => void }>()
  const client: ConnectorClient = {
    ...real,
    async suggest(seed) {
      const answer = await real.suggest(seed)
      await new Promise<void>((release, fail) => held.set(rawText(seed), { release, fail }))
      return answer
    },
  }
  const failures: unknown[] = []
  const session: ConnectorSession = {
    client: () => client,
    connectedClient: () => client,
    establish: async () => {},
    reportFailure: (error) => failures.push(error),
    retarget: async () => {},
    stop: async () => {},
  }
  deps.state.update({
    connection: {
      status: 'connected',
      queued: 0,
      target: { url: deps.url, kind: 'embedded', reason: 'Started for this test.' },
    },
  })
  /** Waits until the connector has answered for `text`, then hands that answer to the flow. */
  const answer = async (text: string, how: 'release' | Error = 'release') => {
    for (let i = 0; !held.has(text); i++) {
      if (i > 400) throw new Error(`No /suggestion call for ${text.slice(0, 30)}`)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    const gate = held.get(text) as { release: () => void; fail: (error: unknown) => void }
    if (how === 'release') gate.release()
    else gate.fail(how)
  }
  return { session, answer, failures }
}

const outcomes = (state: AppState) => state.activity.map((entry) => [entry.outcome, entry.preview])

describe('SuggestionFlow: only the latest copy is shown', () => {
  it('drops an older copy’s answer that arrives after the latest one’s', async () => {
    let held!: ReturnType<typeof heldSession>
    const h = await setup((deps) => {
      held = heldSession(deps)
      return held.session
    })

    h.copy(SAVED) // A: the connector will answer "reuse"
    h.copy(FRESH) // B: the connector will answer "save"
    await held.answer(FRESH)
    await held.answer(SAVED)
    await h.flow.idle()

    expect(h.state.get().current).toMatchObject({
      text: FRESH,
      status: 'ready',
      kind: 'save',
      matches: [],
    })
    // A's matches (the saved snippet) never reached the state, not even for a moment.
    const shown = h.states.flatMap((s) => (s.current ? [s.current] : []))
    expect(shown.some((current) => current.kind === 'reuse')).toBe(false)
    expect(shown.flatMap((current) => current.matches)).toEqual([])
    expect(shown.filter((current) => current.status === 'ready').map((c) => c.text)).not.toContain(
      SAVED,
    )
    // Nothing was recorded or tracked for A's late answer.
    expect(outcomes(h.state.get())).toEqual([['suggested-save', preview(FRESH)]])
    expect(h.tracked).toHaveLength(1)
    expect(JSON.stringify(h.tracked)).not.toContain('reuse')
    // What A's answer carried: a reuse of the saved snippet (so it had matches to leak).
    const late = await h.realClient().suggest(seedFor(SAVED))
    expect(late.reuse.assets.iterable.map((asset) => asset.id)).toEqual([h.savedAssetId])
  })

  it('keeps the latest copy’s suggestion when an older copy’s request fails late', async () => {
    let held!: ReturnType<typeof heldSession>
    const h = await setup((deps) => {
      held = heldSession(deps)
      return held.session
    })

    h.copy(SAVED)
    h.copy(FRESH)
    await held.answer(SAVED, new ConnectorError('BAD_REQUEST', 'The connector refused the copy.'))
    await held.answer(FRESH)
    await h.flow.idle()

    expect(h.state.get().current).toMatchObject({ text: FRESH, status: 'ready', kind: 'save' })
    expect(h.states.some((s) => s.current?.status === 'error')).toBe(false)
    expect(h.states.some((s) => s.current?.error !== undefined)).toBe(false)
  })
})

describe('SuggestionFlow: copies wait while the connector is unreachable', () => {
  it('queues a copy the connector cannot take and delivers it when the connector is back', async () => {
    const h = await setup(({ state, clock, url, flow }) =>
      createConnectorSession({
        state,
        clock,
        appVersion: '0.1.0',
        platform: 'linux',
        supervisor: createSupervisor({
          state,
          clock,
          configuredUrl: () => url,
          startEmbedded: () => Promise.reject(new Error('no embedded connector in this test')),
          piecesPorts: [],
          legacyPorts: [],
        }),
        onConnected: (client) => flow().flush(client),
      }),
    )
    await h.session.establish()
    expect(h.state.get().connection.status).toBe('connected')

    await h.connector.stop()
    h.copy(SAVED) // A: the request fails, the copy waits
    await h.flow.idle()
    expect(h.state.get().connection).toMatchObject({ status: 'offline', queued: 1 })
    expect(h.state.get().current).toMatchObject({ text: SAVED, status: 'queued' })

    h.copy(FRESH) // B: offline, waits behind A
    expect(h.state.get().connection).toMatchObject({ status: 'offline', queued: 2 })
    expect(h.state.get().current).toMatchObject({ text: FRESH, status: 'queued' })

    await h.connector.start()
    await h.flow.flush(h.realClient())

    expect(h.state.get().connection.queued).toBe(0)
    expect(h.state.get().current).toMatchObject({ text: FRESH, status: 'ready', kind: 'save' })
    // A went out first but its answer is stale: never shown, never recorded as a suggestion.
    expect(h.states.some((s) => s.current?.kind === 'reuse')).toBe(false)
    expect(outcomes(h.state.get()).filter(([outcome]) => outcome?.startsWith('suggested'))).toEqual(
      [['suggested-save', preview(FRESH)]],
    )
  })
})

describe('the watcher never waits on the network', () => {
  it('reads a copy made while the previous copy’s /suggestion is unanswered, and shows the newest', async () => {
    const h = await startCoreHarness({ via: 'proxy' })
    cleanups.push(() => h.stop())
    const slow = gate()
    cleanups.push(() => slow.open())
    let asked = 0
    h.rules().beforeAnswer = (_method, path) =>
      path.endsWith('/suggestion') && ++asked === 1 ? slow.wait : undefined

    h.clipboard.copy(SAVED)
    await vi.waitFor(() => expect(asked).toBe(1)) // A is at the connector; its answer is held
    h.clipboard.copy(FRESH)
    // B is read, asked about and shown while A's answer is still held back.
    await vi.waitFor(
      () => expect(h.state().current).toMatchObject({ text: FRESH, status: 'ready', kind: 'save' }),
      { timeout: 10_000 },
    )
    expect(asked).toBe(2)
    slow.open()
    await h.companion.idle()
    expect(h.state().current).toMatchObject({ text: FRESH, status: 'ready' })
    const seen = [...new Set(h.states.flatMap((s) => (s.current ? [s.current.text] : [])))]
    expect(seen).toEqual([SAVED, FRESH])
  })
})
