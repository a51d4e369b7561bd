import { afterEach, describe, expect, it } from 'vitest'
import { createConnectorClient } from './connector-client'
import { ConnectorError } from './errors'
import { freePorts, startTestServer, type TestServer } from './test-support/servers'

const servers: TestServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

const emptySuggestion = (seed: unknown) => ({
  reuse: { suggested: false, assets: { iterable: [] } },
  save: { suggested: true },
  target: { seed, vector: 1 },
  assets: { iterable: [] },
})

/** A fake Pieces OS: each start forgets the applications connected before (like a restart). */
async function startFakeConnector(port = 0, log: string[] = []) {
  const known = new Set<string>()
  const server = await startTestServer((request, response, body) => {
    log.push(`${request.method} ${request.url} ${body}`)
    if (request.url === '/connect') {
      const id = `app-${known.size + 1}-${port}`
      known.add(id)
      const application = { ...JSON.parse(body).application, id, onboarded: false, privacy: 'OPEN' }
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(
        JSON.stringify({
          os: 'os-1',
          application,
          health: { os: { id: 'os-1', version: '10.0.0' } },
        }),
      )
      return
    }
    const [, app, route] = (request.url ?? '').split('/')
    if (!known.has(decodeURIComponent(app ?? ''))) {
      response.writeHead(401, { 'content-type': 'text/plain' }).end('/connect was not called')
      return
    }
    if (route === 'suggestion') {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify(emptySuggestion(JSON.parse(body))))
      return
    }
    response
      .writeHead(200, { 'content-type': 'text/plain' })
      .end(route === 'reaction' ? 'asset-9' : 'OK')
  }, port)
  servers.push(server)
  return server
}

const seed = { asset: { format: { fragment: { string: { raw: 'const a = 1' } } } } }

describe('createConnectorClient', () => {
  it('connects once as OPEN_SOURCE with the real version and platform, then uses the application id', async () => {
    const log: string[] = []
    const fake = await startFakeConnector(0, log)
    const client = createConnectorClient({
      baseUrl: fake.url,
      appVersion: '0.1.0',
      platform: 'linux',
    })
    await client.suggest(seed)
    expect(await client.react({ save: true, seed })).toBe('asset-9')
    const connects = log.filter((line) => line.startsWith('POST /connect'))
    expect(connects).toHaveLength(1)
    expect(JSON.parse(connects[0]?.split(' ').slice(2).join(' ') ?? '{}')).toEqual({
      application: { name: 'OPEN_SOURCE', version: '0.1.0', platform: 'LINUX' },
    })
    const appId = client.context()?.application.id
    expect(log.some((line) => line.startsWith(`POST /${appId}/reaction`))).toBe(true)
  })

  it('connects again and retries once when a restarted connector answers 401', async () => {
    const first = await startFakeConnector()
    const client = createConnectorClient({
      baseUrl: first.url,
      appVersion: '0.1.0',
      platform: 'darwin',
    })
    await client.suggest(seed)
    const before = client.context()?.application.id
    await first.close()
    servers.splice(servers.indexOf(first), 1)

    await expect(client.suggest(seed)).rejects.toMatchObject({ code: 'CONNECTOR_UNAVAILABLE' })
    const log: string[] = []
    await startFakeConnector(first.port, log)
    // The restarted fake forgot `before`: the call is answered 401, the client reconnects and retries.
    const suggestion = await client.suggest(seed)
    expect(suggestion.save.suggested).toBe(true)
    expect(log.map((line) => line.split(' ')[1])).toEqual([
      `/${before}/suggestion`,
      '/connect',
      `/${client.context()?.application.id}/suggestion`,
    ])
  })

  it('gives up after the explicit timeout with a TIMEOUT error a person can act on', async () => {
    const hanging = await startTestServer((request, response) => {
      if (request.url === '/connect') {
        response.writeHead(200, { 'content-type': 'application/json' })
        response.end(
          JSON.stringify({
            os: 'x',
            application: { id: 'a' },
            health: { os: { id: 'x', version: '1' } },
          }),
        )
      }
      // /suggestion never answers
    })
    servers.push(hanging)
    const client = createConnectorClient({
      baseUrl: hanging.url,
      appVersion: '0.1.0',
      platform: 'linux',
      suggestionTimeoutMs: 200,
    })
    const started = performance.now()
    const error = await client.suggest(seed).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConnectorError)
    expect(error).toMatchObject({ code: 'TIMEOUT' })
    expect((error as Error).message).toMatch(/did not answer within 200 ms/)
    expect(performance.now() - started).toBeLessThan(1500)
  })

  it('reports an unreachable connector as CONNECTOR_UNAVAILABLE and a rejected request as BAD_REQUEST', async () => {
    const [port] = await freePorts(1)
    const gone = createConnectorClient({
      baseUrl: `http://127.0.0.1:${port}`,
      appVersion: '0.1.0',
      platform: 'linux',
    })
    await expect(gone.connect()).rejects.toMatchObject({ code: 'CONNECTOR_UNAVAILABLE' })

    const strict = await startTestServer((_request, response) => {
      response
        .writeHead(400, { 'content-type': 'text/plain' })
        .end('application.name is not a known integration')
    })
    servers.push(strict)
    const client = createConnectorClient({
      baseUrl: strict.url,
      appVersion: '0.1.0',
      platform: 'linux',
    })
    const error = await client.connect().catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'BAD_REQUEST', status: 400 })
    expect((error as Error).message).toContain('application.name is not a known integration')
  })
})
