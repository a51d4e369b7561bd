import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { gate } from '../core/test-support/connector-proxy'
import { createTestCompanion } from '../core/test-support/test-companion'
import { useOrStartEmbedded } from '../front-ends/embedded-advertisement'
import { startConnectorChild } from './connector-child'
import { forkConnectorChild } from './test-support/node-connector-child'
import { trayIconStatus, trayStatus } from './tray-menu'

// The tray's embedded connector in a process of its own (a Node child here, Electron's utility
// process in the app), killed with SIGKILL: the core's supervisor starts it again, and a save
// asked while it was down is made once it is back.

const SNIPPET = `def moving_average(values, window):\n    total = sum(values[:window])\n    return total / window\n`

const cleanups: (() => Promise<unknown> | unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function trayCore(options: { holdRestart?: Promise<void> } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'clipwise-tray-'))
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
  const processes: ChildProcess[] = []
  cleanups.push(() => processes.forEach((child) => child.kill('SIGKILL')))
  const { companion, clipboard, states, state } = createTestCompanion({
    dataDir,
    startEmbeddedConnector: () =>
      useOrStartEmbedded(dataDir, async () => {
        if (processes.length > 0) await options.holdRestart
        const child = forkConnectorChild()
        processes.push(child.process)
        return startConnectorChild(child, dataDir)
      }),
  })
  cleanups.push(() => companion.stop())
  await companion.start()
  const assets = async () => {
    const url = state().connection.target?.url
    const response = await fetch(`${url}/assets`)
    return (
      (await response.json()) as {
        iterable: { formats: { iterable: { fragment: { string: { raw: string } } }[] } }[]
      }
    ).iterable.map((asset) => asset.formats.iterable[0]?.fragment.string.raw)
  }
  return { companion, clipboard, dataDir, processes, states, state, assets }
}

describe('the tray supervises its embedded connector', () => {
  it('restarts it after SIGKILL, says "restarting", and makes the save asked meanwhile once', async () => {
    const restart = gate()
    const tray = await trayCore({ holdRestart: restart.wait })
    expect(tray.state().connection.status).toBe('connected')
    const before = tray.state().connection.target?.url

    tray.processes[0]?.kill('SIGKILL')
    await vi.waitFor(() => expect(tray.state().connection.status).toBe('restarting'), {
      timeout: 10_000,
    })
    expect(tray.state().connection.error?.message).toMatch(/stopped \(killed by SIGKILL\)/)
    expect(trayIconStatus(tray.state())).toBe('restarting')
    expect(trayStatus(tray.state())).toMatch(/^Restarting its connector/)

    tray.clipboard.copy(SNIPPET)
    const asked = await tray.companion.hotkeySave()
    expect(asked.status).toBe('waiting')
    expect(tray.state().connection.savesWaiting).toBe(1)
    expect(trayStatus(tray.state())).toMatch(/^Restarting its connector \(\d waiting\)$/)

    restart.open()
    await vi.waitFor(
      () =>
        expect(tray.state().activity.map((entry) => entry.outcome)).toContain('saved-after-wait'),
      { timeout: 45_000 },
    )
    expect(tray.state().connection.status).toBe('connected')
    const after = tray.state().connection.target?.url
    expect(after).not.toBe(before)
    expect(tray.processes).toHaveLength(2)
    expect(await tray.assets()).toEqual([SNIPPET])
    const advertised = JSON.parse(
      readFileSync(join(tray.dataDir, 'embedded-connector.json'), 'utf8'),
    )
    expect(advertised.url).toBe(after)
  }, 60_000) // two connector processes (TypeScript through tsx) start

  it('does not restart a connector it stopped on purpose', async () => {
    const tray = await trayCore()
    const [child] = tray.processes
    await tray.companion.stop()
    expect(child?.exitCode ?? child?.signalCode).not.toBeNull()
    await new Promise((resolve) => setTimeout(resolve, 800)) // longer than the first restart delay
    expect(tray.processes).toHaveLength(1)
    expect(tray.states.some((state) => state.connection.status === 'restarting')).toBe(false)
  }, 60_000)
})
