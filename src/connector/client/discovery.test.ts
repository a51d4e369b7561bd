import { afterEach, describe, expect, it, vi } from 'vitest'
import { discoverConnector } from './discovery'
import {
  freePorts,
  startHealthServer,
  startTestServer,
  type TestServer,
} from './test-support/servers'

const servers: TestServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function health(body = 'ok', status = 200): Promise<TestServer> {
  const server = await startHealthServer(body, status)
  servers.push(server)
  return server
}

const noEmbedded = async () => {
  throw new Error('the embedded connector should not start')
}

describe('discoverConnector', () => {
  it('uses the URL from settings before probing anything', async () => {
    const pieces = await health()
    const found = await discoverConnector({
      configuredUrl: 'http://127.0.0.1:1234/',
      piecesPorts: [pieces.port],
      startEmbedded: noEmbedded,
    })
    expect(found.target).toMatchObject({ url: 'http://127.0.0.1:1234', kind: 'configured' })
  })

  it('finds Pieces OS in its port range, skipping ports that are closed or not healthy', async () => {
    const [closed] = await freePorts(1)
    const notOk = await health('not found', 404)
    const pieces = await health('ok:5f1c')
    const legacy = await health()
    const found = await discoverConnector({
      configuredUrl: null,
      piecesPorts: [closed as number, notOk.port, pieces.port],
      legacyPorts: [legacy.port],
      startEmbedded: noEmbedded,
    })
    expect(found.target.kind).toBe('pieces-os')
    expect(found.target.url).toBe(pieces.url)
    expect(found.target.reason).toContain(`port ${pieces.port}`)
  })

  it('falls back to the legacy ports, then starts the embedded connector', async () => {
    const range = await freePorts(4)
    const legacy = await health()
    const viaLegacy = await discoverConnector({
      configuredUrl: null,
      piecesPorts: range,
      legacyPorts: [legacy.port],
      startEmbedded: noEmbedded,
    })
    expect(viaLegacy.target).toMatchObject({ url: legacy.url, kind: 'pieces-os' })
    expect(viaLegacy.target.reason).toContain('legacy port')

    const stop = vi.fn(async () => undefined)
    const embedded = await discoverConnector({
      configuredUrl: null,
      piecesPorts: range,
      legacyPorts: [],
      startEmbedded: async () => ({ url: 'http://127.0.0.1:4555', stop }),
    })
    expect(embedded.target).toMatchObject({ url: 'http://127.0.0.1:4555', kind: 'embedded' })
    expect(embedded.embedded?.stop).toBe(stop)
  })

  it('scans a range of silent ports in well under a second', async () => {
    // Servers that accept connections but never answer: each probe must time out quickly.
    const silent = await Promise.all(
      Array.from({ length: 12 }, () => startTestServer(() => undefined)),
    )
    servers.push(...silent)
    const started = performance.now()
    const found = await discoverConnector({
      configuredUrl: null,
      piecesPorts: silent.map((server) => server.port),
      legacyPorts: [],
      probeTimeoutMs: 100,
      startEmbedded: async () => ({ url: 'http://127.0.0.1:1', stop: async () => undefined }),
    })
    expect(found.target.kind).toBe('embedded')
    expect(performance.now() - started).toBeLessThan(700)
  })
})
