import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startConnector } from '../connector/server'
import { gate } from './test-support/connector-proxy'
import { startCoreHarness, type CoreHarness } from './test-support/core-harness'

// The save queue against real embedded connectors: saves asked with no connector answering are
// kept in the data folder and made exactly once; a save whose answer was lost is not repeated.

const SNIPPET = `export function chunk<T>(items: T[], size: number): T[][] {\n  const out: T[][] = []\n  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))\n  return out\n}\n`

const cleanups: (() => Promise<unknown> | unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})
async function harness(options: Parameters<typeof startCoreHarness>[0] = {}) {
  const h = await startCoreHarness(options)
  cleanups.push(() => h.stop())
  return h
}
function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'clipwise-queue-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}
const queued = (appDir: string) =>
  (JSON.parse(readFileSync(join(appDir, 'save-queue.json'), 'utf8')) as { saves: unknown[] }).saves
const texts = async (h: CoreHarness) =>
  (await h.assets()).map((asset) => asset.formats.iterable[0]?.fragment?.string?.raw)

describe('exactly once when an answer is lost', () => {
  it('a save whose answer came after the client gave up is reported saved, with the stored id', async () => {
    const h = await harness({ via: 'proxy', timeouts: { timeoutMs: 400 } })
    const late = gate()
    cleanups.push(() => late.open())
    // The connector commits at once; its answer is held back until long after the timeout.
    h.rules().beforeAnswer = (_method, path) => (path.endsWith('/reaction') ? late.wait : undefined)
    await h.copy(SNIPPET)

    const result = await h.companion.save({ suggestionId: h.shown(), name: 'chunk' })
    const stored = await h.assets()
    expect(stored.map((asset) => [asset.id, asset.name])).toEqual([
      [result.status === 'saved' ? result.assetId : 'not saved', 'chunk'],
    ])
    expect(h.state().current?.outcome).toMatchObject({ type: 'saved', name: 'chunk' })

    // Asking again for the same suggestion never makes a second copy.
    await expect(h.companion.save({ suggestionId: h.shown() })).rejects.toThrow(/Already saved/)
    expect(await h.assets()).toHaveLength(1)
  })

  it('a save whose request was still on its way is checked, not repeated, when it is retried', async () => {
    const h = await harness({ via: 'proxy', timeouts: { timeoutMs: 400 } })
    const through = gate()
    cleanups.push(() => through.open())
    let reactions = 0
    h.rules().beforeForward = (_method, path) =>
      path.endsWith('/reaction') && ++reactions === 1 ? through.wait : undefined
    await h.copy(SNIPPET)

    const result = await h.companion.save({ suggestionId: h.shown() })
    expect(result.status).toBe('waiting')
    expect(await h.assets()).toEqual([])
    through.open() // the first request reaches the connector after all, and is stored

    await vi.waitFor(
      () => expect(h.state().activity.map((entry) => entry.outcome)).toContain('saved-after-wait'),
      { timeout: 45_000 },
    )
    expect(await texts(h)).toEqual([SNIPPET])
    expect(reactions).toBe(1)
    expect(h.state().current?.outcome).toMatchObject({ type: 'saved' })
    expect(queued(h.appDir)).toEqual([])
  })
})

describe('no save is dropped', () => {
  it('keeps saves asked offline in the data folder across a restart and makes each once', async () => {
    const appDir = tempDir()
    const first = await startCoreHarness({ via: 'proxy', appDir })
    await first.stopConnector()
    await first.copy(SNIPPET)
    expect(first.state().current?.status).toBe('queued')
    const save = await first.companion.save({ suggestionId: first.shown(), tags: ['arrays'] })
    expect(save).toMatchObject({ status: 'waiting', message: expect.stringMatching(/as soon as/) })
    first.clipboard.copy('SELECT id FROM users WHERE active = 1 ORDER BY created_at DESC')
    expect(await first.companion.hotkeySave()).toMatchObject({ status: 'waiting' })
    expect(first.state().connection.savesWaiting).toBe(2)
    await first.stop() // the app quits with two saves waiting
    expect(queued(appDir)).toHaveLength(2)

    const second = await harness({ appDir }) // the next start finds a connector
    await vi.waitFor(() => expect(second.state().connection.savesWaiting).toBe(0), {
      timeout: 10_000,
    })
    const stored = await second.assets()
    expect(stored.map((a) => a.formats.iterable[0]?.fragment?.string?.raw).sort()).toEqual([
      'SELECT id FROM users WHERE active = 1 ORDER BY created_at DESC',
      SNIPPET,
    ])
    expect(stored.find((a) => a.tags?.iterable.some((t) => t.text === 'arrays'))).toBeDefined()
    expect(second.state().activity.filter((a) => a.outcome === 'saved-after-wait')).toHaveLength(2)
    expect(queued(appDir)).toEqual([])
  })

  it('two cores on one data folder (as the tray and clipwise watch) deliver each waiting save once', async () => {
    const appDir = tempDir()
    const offline = await startCoreHarness({ via: 'proxy', appDir })
    await offline.stopConnector()
    for (let i = 0; i < 5; i++) {
      offline.clipboard.copy(`${SNIPPET}// variant ${i}\nexport const size${i} = ${i + 2}\n`)
      expect((await offline.companion.hotkeySave()).status).toBe('waiting')
    }
    await offline.stop()

    const connectorDir = tempDir()
    const connector = await startConnector({ port: 0, dataDir: connectorDir })
    cleanups.push(() => connector.close())
    const [a, b] = await Promise.all([
      harness({ appDir, connectorUrl: connector.url }),
      harness({ appDir, connectorUrl: connector.url }),
    ])
    await vi.waitFor(() => expect(queued(appDir)).toEqual([]), { timeout: 15_000 })
    expect(await a.assets()).toHaveLength(5)
    const made = [a, b].flatMap((h) =>
      h.state().activity.filter((entry) => entry.outcome === 'saved-after-wait'),
    )
    expect(made).toHaveLength(5)
  })
})
