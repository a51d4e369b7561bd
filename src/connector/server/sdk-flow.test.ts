import {
  AssetApi,
  AssetsApi,
  Configuration,
  ConnectorApi,
  ContextFromJSON,
  SuggestionFromJSON,
  AssetsFromJSON,
  SearchedAssetsFromJSON,
  type SeededConnectorAsset as SdkSeededAsset,
  type SeededConnectorCreation as SdkSeededCreation,
} from '@pieces.app/pieces-os-client'
import type { TSchema } from 'typebox'
import { Value } from 'typebox/value'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Asset, Assets, Context, SearchedAssets, Suggestion } from '../../shared/wire'
import examples from '../../shared/wire/fixtures/wire-examples.json'
import { startConnector, type RunningConnector } from './start-connector'
import {
  fragmentSeed as wireSeed,
  PYTHON_SNIPPET,
  PYTHON_SNIPPET_RECOPIED,
} from './test-support/seeds'
import { tempDir } from './test-support/temp-dir'

// The official TypeScript SDK, pointed at a real connector on a loopback port, drives the whole
// flow a Pieces integration goes through; every JSON answer is also checked against our schemas.

// Our wire types keep enums open (any upper-snake string); the SDK's are closed unions.
const fragmentSeed = (raw: string, ext?: string) => wireSeed(raw, ext) as SdkSeededCreation

let connector: RunningConnector
let dir: ReturnType<typeof tempDir>
let config: Configuration

async function getJson(path: string): Promise<unknown> {
  const response = await fetch(`${connector.url}${path}`)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  return response.json()
}

function expectValid(schema: TSchema, value: unknown): void {
  expect([...Value.Errors(schema, value)]).toEqual([])
}

beforeAll(async () => {
  dir = tempDir()
  connector = await startConnector({ port: 0, dataDir: dir.path })
  config = new Configuration({ basePath: connector.url })
})

afterAll(async () => {
  await connector.close()
  dir.remove()
})

describe('a Pieces integration using the official SDK', () => {
  const connectorApi = () => new ConnectorApi(config)
  const seededConnectorConnection = {
    application: { name: 'OPEN_SOURCE', version: '1.2.3', platform: 'LINUX' },
  } as const
  let appId = ''
  let savedId = ''

  it('connects, suggests saving new code, saves it and gets it suggested for reuse', async () => {
    const context = await connectorApi().connect({ seededConnectorConnection })
    appId = context.application.id
    expect(context.os).toMatch(/^[0-9a-f-]{36}$/)
    expect(context.application).toMatchObject({
      name: 'OPEN_SOURCE',
      onboarded: false,
      privacy: 'OPEN',
    })
    expect(context.health.os.id).toBe(context.os)

    const first = await connectorApi().suggest({
      application: appId,
      seededConnectorCreation: fragmentSeed(PYTHON_SNIPPET, 'py'),
    })
    expect(first.save.suggested).toBe(true)
    expect(first.reuse.suggested).toBe(false)
    expect(first.reuse.assets.iterable).toEqual([])
    expect(Number.isInteger(first.target.vector)).toBe(true)

    savedId = await connectorApi().react({
      application: appId,
      reaction: { save: true, seed: fragmentSeed(PYTHON_SNIPPET, 'py') },
    })
    expect(savedId).toMatch(/^[0-9a-f-]{36}$/)

    const again = await connectorApi().suggest({
      application: appId,
      seededConnectorCreation: fragmentSeed(PYTHON_SNIPPET_RECOPIED),
    })
    expect(again.reuse.suggested).toBe(true)
    expect(again.save.suggested).toBe(false)
    expect(again.reuse.assets.iterable[0]?.id).toBe(savedId)
    expect(again.assets.iterable.map((a) => a.id)).toEqual([savedId])
    expect(again.distribution?.[savedId]).toBe(1)
    const format = again.reuse.assets.iterable[0]?.formats.iterable[0]
    expect(format?.fragment?.string?.raw).toBe(PYTHON_SNIPPET)
    expect(format?.classification.specific).toBe('py')
    expect(format?.application.id).toBe(appId)
  })

  it('records a reuse, a track event, an intention and onboarding', async () => {
    const api = connectorApi()
    const reused = await api.react({
      application: appId,
      reaction: { save: false, reuse: { asset: savedId }, seed: fragmentSeed(PYTHON_SNIPPET) },
    })
    expect(reused).toBe('OK')
    const tracked = await api.track({
      application: appId,
      seededConnectorTracking: {
        asset: {
          asset: { id: savedId },
          identifierDescriptionPair: { assetFormatCopied: 'an_asset_preview_format_was_copied' },
        },
      },
    })
    expect(tracked).toBe('OK')
    expect(
      await api.intention({
        application: appId,
        seededConnectorAsset: fragmentSeed('x = 1').asset as SdkSeededAsset,
      }),
    ).toBe('OK')
    expect(await api.onboarded({ application: appId, body: true })).toBe('OK')

    const next = await api.connect({ seededConnectorConnection })
    expect(next.application.id).toBe(appId)
    expect(next.application.onboarded).toBe(true)

    const asset = await new AssetsApi(config).assetsSpecificAssetSnapshot({ asset: savedId })
    expect(asset.score?.reuse).toBe(1)
    expect(asset.interacted?.value).toBeInstanceOf(Date)
  })

  it('lists, gets, searches, updates, reclassifies and deletes assets through AssetsApi/AssetApi', async () => {
    const assets = new AssetsApi(config)
    const second = await connectorApi().react({
      application: appId,
      reaction: {
        save: true,
        seed: fragmentSeed('SELECT name, email FROM users WHERE active = 1;', 'sql'),
      },
    })
    const list = await assets.assetsSnapshot({})
    expect(list.iterable.map((a) => a.id)).toEqual([second, savedId])

    const found = await assets.searchAssets({ query: 'moving avera' })
    expect(found.iterable.map((s) => s.asset?.id)).toEqual([savedId])

    const current = await assets.assetsSpecificAssetSnapshot({ asset: second })
    const updated = await new AssetApi(config).assetUpdate({
      asset: {
        ...current,
        name: 'Active users',
        tags: {
          iterable: [
            {
              id: 'new',
              text: 'sql',
              created: current.created,
              updated: current.updated,
              category: 'UNKNOWN',
            },
          ],
        },
      },
    })
    expect(updated.name).toBe('Active users')
    expect(updated.tags?.iterable.map((t) => t.text)).toEqual(['sql'])
    const byName = await assets.searchAssets({ query: 'active users' })
    expect(byName.iterable[0]?.asset?.id).toBe(second)

    // A language correction, sent with the whole asset as the SDK does.
    const reclassified = await new AssetApi(config).assetReclassify({
      assetReclassification: { ext: 'txt', asset: updated },
    })
    expect(reclassified.formats.iterable[0]?.classification).toMatchObject({
      generic: 'TEXT',
      specific: 'txt',
    })
    const again = await assets.assetsSpecificAssetSnapshot({ asset: second })
    expect(again.formats.iterable[0]?.classification.specific).toBe('txt')
    expect(again.name).toBe('Active users')

    expect(await assets.assetsDeleteAsset({ asset: savedId })).toBe(savedId)
    expect((await assets.assetsSnapshot({})).iterable.map((a) => a.id)).toEqual([second])
    expect((await assets.searchAssets({ query: 'moving' })).iterable).toEqual([])
    const after = await connectorApi().suggest({
      application: appId,
      seededConnectorCreation: fragmentSeed(PYTHON_SNIPPET),
    })
    expect(after.reuse.suggested).toBe(false)
    expect(after.assets.iterable).toEqual([])
    const gone = await fetch(`${connector.url}/assets/${savedId}`)
    expect(gone.status).toBe(404)
  })

  it('answers JSON that matches the wire schemas and that the SDK parses', async () => {
    const context = await (
      await fetch(`${connector.url}/connect`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(seededConnectorConnection),
      })
    ).json()
    expectValid(Context, context)
    expect(ContextFromJSON(context).application.id).toBe(appId)

    const list = await getJson('/assets')
    expectValid(Assets, list)
    const [first] = AssetsFromJSON(list).iterable
    expect(first?.formats.iterable[0]?.bytes.value).toBeGreaterThan(0)
    expectValid(Asset, await getJson(`/assets/${first?.id}`))
    const search = await getJson('/assets/search?query=users')
    expectValid(SearchedAssets, search)
    expect(SearchedAssetsFromJSON(search).iterable).toHaveLength(1)

    const response = await fetch(`${connector.url}/${appId}/suggestion`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fragmentSeed('SELECT name, email FROM users WHERE active = 1;')),
    })
    const suggestion = (await response.json()) as { target: { vector: unknown } }
    expectValid(Suggestion, suggestion)
    expect(Number.isInteger(suggestion.target.vector)).toBe(true)
    expect(
      SuggestionFromJSON(suggestion).reuse.assets.iterable[0]?.formats.iterable[0]?.application.id,
    ).toBe(appId)
  })

  it('answers the health and version probes', async () => {
    const health = await fetch(`${connector.url}/.well-known/health`)
    expect(await health.text()).toBe('ok')
    expect(health.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect((await fetch(`${connector.url}/.well-known/health`, { method: 'HEAD' })).status).toBe(
      200,
    )
    expect(await (await fetch(`${connector.url}/.well-known/version`)).text()).toMatch(
      /^\d+\.\d+\.\d+/,
    )
  })
})

describe("the project's wire examples, sent as a Pieces client sends them", () => {
  type Json = Record<string, unknown>
  const example = (key: keyof typeof examples): Json =>
    structuredClone(examples[key].json) as unknown as Json

  async function post(path: string, body: unknown): Promise<string> {
    const response = await fetch(`${connector.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    const text = await response.text()
    expect(response.status, `${path}: ${text}`).toBe(200)
    return text
  }

  it('are each accepted, and what they save reads back as sent', async () => {
    expectValid(Context, JSON.parse(await post('/connect', example('connect.request.minimal'))))
    const context = JSON.parse(
      await post('/connect', example('connect.request.every-option')),
    ) as Context
    expectValid(Context, context)
    expect(context.application).toMatchObject({
      name: 'JETBRAINS',
      version: '2025.3.2',
      platform: 'MACOS',
    })
    const app = context.application.id

    const suggestion = JSON.parse(await post(`/${app}/suggestion`, example('suggestion.request')))
    expectValid(Suggestion, suggestion)
    expect(await post(`/${app}/intention`, example('intention.request'))).toBe('OK')

    const savedId = await post(`/${app}/reaction`, example('reaction.request.save'))
    const saved = (await getJson(`/assets/${savedId}`)) as Asset
    const sent = examples['reaction.request.save'].json.seed.asset.format.fragment
    expect(saved.formats.iterable[0]?.fragment?.string?.raw).toBe(sent.string.raw)
    expect(saved.formats.iterable[0]?.classification.specific).toBe(sent.metadata.ext)

    // Ids in the examples name another library's asset: point them at the one just saved.
    const reuse = example('reaction.request.reuse')
    reuse.reuse = { asset: savedId }
    expect(await post(`/${app}/reaction`, reuse)).toBe('OK')
    expect(((await getJson(`/assets/${savedId}`)) as Asset).score?.reuse).toBe(1)

    const formatId = saved.formats.iterable[0]?.id
    const tracks = Object.keys(examples).filter((key) => key.startsWith('track.request.'))
    expect(tracks.length).toBeGreaterThanOrEqual(8)
    for (const key of tracks) {
      const body = JSON.parse(
        JSON.stringify(example(key as keyof typeof examples))
          .replaceAll(examples['asset.saved'].json.id, savedId)
          .replaceAll(examples['asset.saved'].json.formats.iterable[0]?.id ?? '', formatId ?? ''),
      ) as unknown
      expect(await post(`/${app}/track`, body), key).toBe('OK')
    }
  })
})
