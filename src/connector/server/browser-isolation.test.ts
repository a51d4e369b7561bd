import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConnectorApp } from './app-type'
import { MAX_NESTING } from './body-parsing'
import { buildServer } from './build-server'
import { createEngine } from './engine'
import { openStore, type ConnectorStore } from './storage'
import { tempDir } from './test-support/temp-dir'

// What a web page can do to the connector: nothing, unless its origin was allowed. Pages of other
// sites are refused on every route by Fetch Metadata (GETs included, where no Origin is sent), so
// they can neither read the library nor time a search; an allowed origin gets real CORS answers.

const ALLOWED = 'http://localhost:5173'
let app: ConnectorApp
let store: ConnectorStore
let dir: ReturnType<typeof tempDir>
let appId: string

beforeAll(async () => {
  dir = tempDir()
  store = openStore(dir.path)
  app = buildServer({
    store,
    engine: createEngine(),
    version: '0.0.0-test',
    allowedOrigins: [ALLOWED],
  })
  const connected = await app.inject({
    method: 'POST',
    url: '/connect',
    payload: { application: { name: 'OPEN_SOURCE', version: '1', platform: 'LINUX' } },
  })
  appId = connected.json().application.id
})

afterAll(async () => {
  await app.close()
  store.close()
  dir.remove()
})

const ROUTES: [string, string][] = [
  ['GET', '/assets'],
  ['GET', '/assets/search?query=password'],
  ['GET', '/assets/some-id'],
  ['GET', '/.well-known/health'],
  ['POST', '/connect'],
  ['POST', '/assets/some-id/delete'],
  ['POST', '/asset/update'],
]

describe('Fetch Metadata', () => {
  it.each(ROUTES.flatMap(([m, u]) => ['cross-site', 'same-site'].map((s) => [m, u, s] as const)))(
    '%s %s from a %s page without Origin → 403 before any work',
    async (method, url, site) => {
      const r = await app.inject({
        method: method as 'GET' | 'POST',
        url,
        headers: { 'sec-fetch-site': site, 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'image' },
      })
      expect(r.statusCode).toBe(403)
      expect(r.headers['content-type']).toBe('text/plain; charset=utf-8')
      expect(r.body).toMatch(/another site's page/)
      expect(r.headers['access-control-allow-origin']).toBeUndefined()
    },
  )

  it.each(['same-origin', 'none', undefined])('Sec-Fetch-Site %s passes', async (site) => {
    const r = await app.inject({
      method: 'GET',
      url: '/assets',
      headers: site === undefined ? {} : { 'sec-fetch-site': site },
    })
    expect(r.statusCode).toBe(200)
  })
})

describe('--allow-origin', () => {
  it('answers a preflight from the allowed origin', async () => {
    const r = await app.inject({
      method: 'OPTIONS',
      url: `/${appId}/suggestion`,
      headers: {
        origin: ALLOWED,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
        'sec-fetch-site': 'same-site',
        'sec-fetch-mode': 'cors',
      },
    })
    expect(r.statusCode).toBe(204)
    expect(r.headers['access-control-allow-origin']).toBe(ALLOWED)
    expect(String(r.headers['access-control-allow-methods'])).toMatch(/POST/)
    expect(String(r.headers['access-control-allow-headers']).toLowerCase()).toMatch(/content-type/)
  })

  it('lets the allowed origin read answers (CORS headers on the response)', async () => {
    const r = await app.inject({
      method: 'GET',
      url: '/assets',
      headers: { origin: ALLOWED, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'cors' },
    })
    expect(r.statusCode).toBe(200)
    expect(r.headers['access-control-allow-origin']).toBe(ALLOWED)
    expect(String(r.headers.vary)).toMatch(/Origin/)
  })

  it('refuses other origins, preflights included, with no CORS headers', async () => {
    for (const method of ['OPTIONS', 'GET'] as const) {
      const r = await app.inject({
        method,
        url: '/assets',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
      })
      expect(r.statusCode).toBe(403)
      expect(r.headers['access-control-allow-origin']).toBeUndefined()
    }
  })
})

describe('deeply nested bodies', () => {
  const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
  it('a seed nested a few thousand levels deep → 400 and a sentence', async () => {
    const body = `{"asset":{"format":{"fragment":{"string":{"raw":"x"}}},"metadata":${nested(5000)}}}`
    const r = await app.inject({
      method: 'POST',
      url: `/${appId}/suggestion`,
      headers: { 'content-type': 'application/json' },
      payload: body,
    })
    expect(r.statusCode).toBe(400)
    expect(r.body).toMatch(
      new RegExp(`nests 5002 levels deep; at most ${MAX_NESTING} are accepted`),
    )
  })
  it('brackets inside strings do not count', async () => {
    const raw = '['.repeat(10_000)
    const r = await app.inject({
      method: 'POST',
      url: `/${appId}/suggestion`,
      headers: { 'content-type': 'application/json' },
      payload: { asset: { format: { fragment: { string: { raw } } } } },
    })
    expect(r.statusCode).toBe(200)
  })
})
