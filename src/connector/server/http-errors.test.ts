import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { ConnectorApp } from './app-type'
import { buildServer } from './build-server'
import { createEngine } from './engine'
import { openStore, type ConnectorStore } from './storage'
import { httpRequest, rawRequest } from './test-support/raw-http'
import { fragmentSeed } from './test-support/seeds'
import { tempDir } from './test-support/temp-dir'

// Every refusal a client can meet, over real sockets so Host, Origin and streamed bodies are sent
// exactly as written. Each must be a 4xx with a plain-text sentence, never a 500.

let app: ConnectorApp
let store: ConnectorStore
let port: number
let dir: ReturnType<typeof tempDir>
let appId: string
let staleId: string

const BODY_LIMIT = 64 * 1024

beforeAll(async () => {
  dir = tempDir()
  store = openStore(dir.path)
  // An application registered earlier but not connected since this server started.
  staleId = store.upsertApplication(
    { name: 'VS_CODE', version: '1.0.0', platform: 'LINUX' },
    new Date(),
  ).id
  app = buildServer({
    store,
    engine: createEngine(),
    version: '0.0.0-test',
    bodyLimit: BODY_LIMIT,
    allowedOrigins: ['http://allowed.example'],
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  port = (app.server.address() as AddressInfo).port
  const response = await post('/connect', {
    application: { name: 'OPEN_SOURCE', version: '1', platform: 'LINUX' },
  })
  appId = JSON.parse(response.body).application.id
})

afterAll(async () => {
  await app.close()
  store.close()
  dir.remove()
})

function post(path: string, body: unknown, headers: Record<string, string | undefined> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  return rawRequest(
    port,
    httpRequest(
      'POST',
      path,
      { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', ...headers },
      text,
    ),
  )
}

async function expectRefusal(
  response: Promise<{ status: number; headers: Record<string, string>; body: string }>,
  status: number,
  pattern: RegExp,
) {
  const r = await response
  expect(r.status).toBe(status)
  expect(r.headers['content-type']).toBe('text/plain; charset=utf-8')
  expect(r.body).toMatch(pattern)
}

const ROUTES = ['suggestion', 'reaction', 'intention', 'onboarded', 'track'] as const
const VALID: Record<(typeof ROUTES)[number], unknown> = {
  suggestion: fragmentSeed('let x = 1;'),
  reaction: { save: false, seed: fragmentSeed('let x = 1;') },
  intention: fragmentSeed('let x = 1;').asset,
  onboarded: true,
  track: {},
}

describe('application ids', () => {
  it.each(ROUTES)('/%s with an unknown application id → 400', async (route) => {
    await expectRefusal(post(`/no-such-app/${route}`, VALID[route]), 400, /no-such-app.*\/connect/)
  })
  it.each(ROUTES)('/%s for an application not connected since start → 401', async (route) => {
    await expectRefusal(post(`/${staleId}/${route}`, VALID[route]), 401, /\/connect was not called/)
  })
  it.each(ROUTES)('/%s with a connected application → 200', async (route) => {
    const r = await post(`/${appId}/${route}`, VALID[route])
    expect(r.status).toBe(200)
  })
  it.each(ROUTES)('/%s accepts an X-Application-ID that names the path application', async (r) => {
    const response = await post(`/${appId}/${r}`, VALID[r], { 'X-Application-ID': appId })
    expect(response.status).toBe(200)
  })
  it.each(ROUTES)('/%s with an X-Application-ID naming another application → 400', async (r) => {
    await expectRefusal(
      post(`/${appId}/${r}`, VALID[r], { 'X-Application-ID': staleId }),
      400,
      /X-Application-ID .* name different applications/,
    )
  })
})

describe('bodies', () => {
  it.each(['connect', ...ROUTES])('/%s with an empty body → 400', async (route) => {
    const path = route === 'connect' ? '/connect' : `/${appId}/${route}`
    await expectRefusal(post(path, ''), 400, /needs a JSON body/)
  })
  it('malformed JSON → 400', async () => {
    await expectRefusal(post(`/${appId}/reaction`, '{"save": tru'), 400, /not valid JSON/)
  })
  it('wrong types → 400 naming the field', async () => {
    await expectRefusal(
      post(`/${appId}/reaction`, { save: 'yes', seed: {} }),
      400,
      /Reaction: save must be boolean/,
    )
    await expectRefusal(post(`/${appId}/onboarded`, { onboarded: true }), 400, /boolean/)
    await expectRefusal(post(`/${appId}/onboarded`, '"true"'), 400, /boolean/)
    await expectRefusal(
      post('/connect', { application: { name: 'OPEN_SOURCE', version: 1, platform: 'LINUX' } }),
      400,
      /application\.version must be string/,
    )
    await expectRefusal(
      post(`/${appId}/suggestion`, { asset: { format: 'text' } }),
      400,
      /asset\.format must be object/,
    )
  })
  it('missing required fields → 400', async () => {
    await expectRefusal(post(`/${appId}/reaction`, { save: true }), 400, /seed/)
    await expectRefusal(post('/connect', { application: { name: 'OPEN_SOURCE' } }), 400, /version/)
    await expectRefusal(post(`/${appId}/suggestion`, {}), 400, /needs asset/)
    await expectRefusal(post(`/${appId}/intention`, { metadata: {} }), 400, /format/)
    await expectRefusal(
      post(`/${appId}/suggestion`, { asset: { format: {} } }),
      400,
      /fragment or file/,
    )
  })
  it('a seed the connector cannot read → 400', async () => {
    const both = {
      asset: { format: { fragment: { string: { raw: 'a' } }, file: { string: { raw: 'a' } } } },
    }
    await expectRefusal(post(`/${appId}/suggestion`, both), 400, /not both/)
    const base64 = { asset: { format: { fragment: { string: { base64: 'YQ==' } } } } }
    await expectRefusal(post(`/${appId}/suggestion`, base64), 400, /needs raw/)
    await expectRefusal(
      post(`/${appId}/reaction`, { save: false, reuse: { asset: 'nope' }, seed: {} }),
      400,
      /nope is not a saved asset/,
    )
  })
  it('an application name that is not enum-shaped → 400; a newer enum value is accepted', async () => {
    await expectRefusal(
      post('/connect', { application: { name: 'vs code', version: '1', platform: 'LINUX' } }),
      400,
      /application\.name/,
    )
    const newer = await post('/connect', {
      application: { name: 'MCP_CLIENT', version: '1', platform: 'LINUX', extra: { a: 1 } },
      unknownKey: true,
    })
    expect(newer.status).toBe(200)
  })
  it('JSON sent as text/plain or without Content-Type is read; other media types → 415', async () => {
    expect(
      (await post(`/${appId}/onboarded`, 'false', { 'Content-Type': 'text/plain' })).status,
    ).toBe(200)
    expect((await post(`/${appId}/onboarded`, 'false', { 'Content-Type': undefined })).status).toBe(
      200,
    )
    await expectRefusal(
      post(`/${appId}/onboarded`, 'a=1', { 'Content-Type': 'application/x-www-form-urlencoded' }),
      415,
      /Send JSON/,
    )
  })
  it('asset edits: an unknown asset → 404, a reclassification without a language → 400', async () => {
    await expectRefusal(post('/asset/update', { id: 'no-such-asset', name: 'x' }), 404, /no-such/)
    await expectRefusal(
      post('/asset/reclassify', { ext: 'py', asset: { id: 'no-such-asset' } }),
      404,
      /No asset with id no-such-asset/,
    )
    await expectRefusal(post('/asset/reclassify', { asset: { id: 'x' } }), 400, /ext/)
  })
  it('unknown routes → 404 in plain text', async () => {
    await expectRefusal(post('/nowhere', {}), 404, /There is no POST \/nowhere/)
  })
})

describe('Host and Origin', () => {
  const health = (headers: Record<string, string | undefined>, version = '1.1') =>
    rawRequest(
      port,
      httpRequest('GET', '/.well-known/health', headers).replace('HTTP/1.1', `HTTP/${version}`),
    )

  it('accepts 127.0.0.1, localhost and [::1] on its own port', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      expect((await health({ Host: host })).status).toBe(200)
    }
  })
  it.each([
    ['another name', 'evil.example'],
    ['a rebinding name on our port', 'evil.example:PORT'],
    ['the right name on another port', '127.0.0.1:1'],
    ['no port', 'localhost'],
    ['an empty Host', ''],
  ])('refuses %s → 403', async (_what, host) => {
    await expectRefusal(
      health({ Host: host.replace('PORT', String(port)) }),
      403,
      /Host .* is not accepted/,
    )
  })
  it('refuses a request without Host → 403', async () => {
    await expectRefusal(health({}, '1.0'), 403, /Host \(missing\)/)
    await expectRefusal(health({}, '1.1'), 403, /Host \(missing\)/)
  })
  it('refuses browser origins not on the allow-list → 403, accepts listed ones', async () => {
    const host = `127.0.0.1:${port}`
    await expectRefusal(health({ Host: host, Origin: 'http://evil.example' }), 403, /origin/)
    await expectRefusal(health({ Host: host, Origin: 'null' }), 403, /origin/)
    expect((await health({ Host: host, Origin: 'http://allowed.example' })).status).toBe(200)
    await expectRefusal(
      post(
        '/connect',
        { application: { name: 'OPEN_SOURCE', version: '1', platform: 'LINUX' } },
        {
          Origin: 'http://evil.example',
        },
      ),
      403,
      /origin/,
    )
  })
})

describe('body size', () => {
  it('refuses a declared oversized body → 413 before reading it', async () => {
    const head = [
      `POST /${appId}/suggestion HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      'Content-Type: application/json',
      `Content-Length: ${BODY_LIMIT * 100}`,
      '',
      '',
    ].join('\r\n')
    await expectRefusal(rawRequest(port, head + '{'), 413, /larger than/)
  })
  it('refuses a streamed (chunked) oversized body → 413 without buffering it whole', async () => {
    const { connect } = await import('node:net')
    const socket = connect(port, '127.0.0.1')
    const received: Buffer[] = []
    socket.on('data', (c) => received.push(c))
    socket.write(
      [
        `POST /${appId}/suggestion HTTP/1.1`,
        `Host: 127.0.0.1:${port}`,
        'Content-Type: application/json',
        'Transfer-Encoding: chunked',
        '',
        '',
      ].join('\r\n'),
    )
    const chunk = 'x'.repeat(16 * 1024)
    let sent = 0
    // Keep streaming until the server answers; it must answer long before we stop.
    while (received.length === 0 && sent < BODY_LIMIT * 64 && !socket.destroyed) {
      socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`)
      sent += chunk.length
      await new Promise((r) => setImmediate(r))
    }
    // The status line may come in more than one piece.
    await vi.waitFor(() => expect(Buffer.concat(received).toString()).toMatch(/^HTTP\/1\.1 413/))
    socket.destroy()
    expect(sent).toBeLessThan(BODY_LIMIT * 64)
  })
})
