import { afterEach, describe, expect, it } from 'vitest'
import { PIECES_PORT_RANGE } from '../server/listen-ports'
import { startConnector, type RunningConnector } from '../server/start-connector'
import { tempDir } from '../server/test-support/temp-dir'
import { discoverConnector } from './discovery'
import { freePorts, startHealthServer, type TestServer } from './test-support/servers'

// The one test that uses the real range 39300-39333: a stand-in for Pieces OS takes the first
// port of it that is free (39300 unless someone else holds it), Clipwise's connector then takes
// the next free one, and discovery labels each. Ports other people hold are skipped, and the
// probes name only our two ports, so nobody else's server is taken for ours.

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function firstFreeInRange(): Promise<TestServer | undefined> {
  for (const port of PIECES_PORT_RANGE) {
    try {
      return await startHealthServer('ok', 200, port)
    } catch {
      // Held by someone else: try the next one.
    }
  }
  return undefined
}

const noEmbedded = async () => {
  throw new Error('the embedded connector should not start')
}

describe('the embedded connector in the Pieces range', () => {
  it('takes the first free port of 39300-39333 beside a Pieces OS; discovery labels each', async (test) => {
    const pieces = await firstFreeInRange()
    if (!pieces) {
      test.skip('every port of 39300-39333 is taken on this machine')
      return
    }
    cleanups.push(() => pieces.close())
    const dir = tempDir()
    cleanups.push(() => dir.remove())
    const connector: RunningConnector = await startConnector({
      port: 0,
      ports: PIECES_PORT_RANGE,
      dataDir: dir.path,
    })
    cleanups.push(() => connector.close())
    expect(PIECES_PORT_RANGE).toContain(connector.port)
    expect(connector.port).toBeGreaterThan(pieces.port)

    const both = await discoverConnector({
      configuredUrl: null,
      piecesPorts: [connector.port, pieces.port],
      legacyPorts: [],
      // Our own two servers: a generous probe timeout, as the machine may be busy.
      probeTimeoutMs: 3000,
      startEmbedded: noEmbedded,
    })
    expect(both.target).toMatchObject({ kind: 'pieces-os', url: pieces.url })
    expect(both.target.reason).toContain(`port ${pieces.port}`)

    const oursOnly = await discoverConnector({
      configuredUrl: null,
      piecesPorts: [connector.port],
      legacyPorts: [],
      // Our own two servers: a generous probe timeout, as the machine may be busy.
      probeTimeoutMs: 3000,
      startEmbedded: noEmbedded,
    })
    expect(oursOnly.target).toMatchObject({ kind: 'embedded', url: connector.url })
    expect(oursOnly.target.reason).toContain("Clipwise's own connector")
    expect(oursOnly.target.version).toMatch(/^Clipwise \d+\.\d+\.\d+/)
    expect(oursOnly.embedded).toBeUndefined()
  })

  it('falls back to a random free port when every preferred port is taken', async () => {
    const taken = await Promise.all(
      (await freePorts(2)).map((p) => startHealthServer('ok', 200, p)),
    )
    cleanups.push(() => Promise.all(taken.map((t) => t.close())).then(() => undefined))
    const dir = tempDir()
    cleanups.push(() => dir.remove())
    const connector = await startConnector({
      port: 0,
      ports: taken.map((t) => t.port),
      dataDir: dir.path,
    })
    cleanups.push(() => connector.close())
    expect(taken.map((t) => t.port)).not.toContain(connector.port)
    expect(await (await fetch(`${connector.url}/.well-known/health`)).text()).toBe('ok')
  })
})
