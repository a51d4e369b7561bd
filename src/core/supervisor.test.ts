import { describe, expect, it } from 'vitest'
import type { AppState } from '../shared/domain'
import { DEFAULT_SETTINGS } from '../shared/settings'
import type { EmbeddedConnectorHandle } from './contracts'
import { createStateStore } from './state-store'
import { createSupervisor, RESTART_DELAYS_MS, STABLE_MS } from './supervisor'
import { createFakeClock } from './test-support/fake-clock'

// The restart schedule, with a fake clock and connectors that "exit" when the test says so (the
// real process kill is in src/main/connector-child.test.ts).

function setup() {
  const clock = createFakeClock()
  const state = createStateStore({
    connection: { status: 'connected', queued: 0 },
    current: null,
    activity: [],
    settings: DEFAULT_SETTINGS,
    onboarded: true,
    hotkey: { accelerator: '', registered: false },
    notices: [],
  } satisfies AppState)
  const exits: ((reason: string) => void)[] = []
  const startedAt: number[] = []
  let failNext = 0
  const supervisor = createSupervisor({
    state,
    clock,
    configuredUrl: () => null,
    piecesPorts: [],
    legacyPorts: [],
    startEmbedded: async (): Promise<EmbeddedConnectorHandle> => {
      startedAt.push(clock.now())
      if (failNext > 0) {
        failNext--
        throw new Error('port in use')
      }
      return {
        url: `http://127.0.0.1:${startedAt.length}`,
        stop: async () => undefined,
        onExit: (listener) => exits.push(listener),
      }
    },
  })
  return {
    clock,
    state,
    supervisor,
    startedAt,
    exit: (reason = 'killed by SIGKILL') => exits.at(-1)?.(reason),
    failNext: (n: number) => (failNext = n),
  }
}

describe('createSupervisor', () => {
  it('restarts after 0.5 s, doubling to at most 30 s, and starts over once a connector stayed up', async () => {
    const s = setup()
    await s.supervisor.acquire()
    const waits: number[] = []
    for (let i = 0; i < 9; i++) {
      const exitedAt = s.clock.now()
      s.exit()
      expect(s.supervisor.restarting()).toBe(true)
      expect(s.state.get().connection.status).toBe('restarting')
      await s.clock.advance(40_000)
      waits.push((s.startedAt.at(-1) ?? 0) - exitedAt)
    }
    expect(waits[0]).toBe(RESTART_DELAYS_MS[0])
    // Every restart above ran 40 s before the next exit, longer than STABLE_MS: no growth.
    expect(new Set(waits)).toEqual(new Set([500]))

    // Exits in quick succession back off: 0.5, 1, 2, 4, 8, 16, 30, 30 s.
    const quick: number[] = []
    for (let i = 0; i < 8; i++) {
      const exitedAt = s.clock.now()
      s.exit()
      const delay = RESTART_DELAYS_MS[Math.min(i, RESTART_DELAYS_MS.length - 1)] ?? 0
      await s.clock.advance(delay)
      quick.push((s.startedAt.at(-1) ?? 0) - exitedAt)
    }
    expect(quick).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000])
    expect(STABLE_MS).toBe(30_000)
  })

  it('keeps trying when a restart fails, and hands the new connector to whoever waits', async () => {
    const s = setup()
    await s.supervisor.acquire()
    const replaced: string[] = []
    s.supervisor.onReplaced((found) => replaced.push(found.target.url))
    s.failNext(1)
    s.exit()
    const waiting = s.supervisor.acquire()
    await s.clock.advance(500) // first restart fails
    expect(s.state.get().connection.error?.message).toMatch(/could not start: port in use/)
    await s.clock.advance(1000) // second one works
    expect((await waiting).target.url).toBe('http://127.0.0.1:3')
    expect(replaced).toEqual(['http://127.0.0.1:3'])
    expect(s.supervisor.restarting()).toBe(false)
  })
})
