import {
  ApplicationsApi,
  AssetApi,
  AssetsApi,
  Configuration,
  ConnectorApi,
  FormatApi,
  ModelsApi,
  QGPTApi,
  ResponseError,
  SearchApi,
  StreamedIdentifiersFromJSON,
  TagApi,
  TagsApi,
  UserApi,
  UserProfileFromJSON,
  WellKnownApi,
  type Seed,
} from '@pieces.app/pieces-os-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { fakeCredentials } from './engine/test-support/fake-credentials'
import { startConnector, type RunningConnector } from './start-connector'
import { fragmentSeed, PYTHON_SNIPPET } from './test-support/seeds'
import { tempDir } from './test-support/temp-dir'

// A Pieces integration's whole life against the embedded connector, through the official
// TypeScript SDK (which parses every answer with its *FromJSON) and a real websocket client.

let connector: RunningConnector
let dir: ReturnType<typeof tempDir>
let config: Configuration
let appId = ''

const GO_SNIPPET = [
  'func retry(attempts int, fn func() error) error {',
  '\tvar err error',
  '\tfor i := 0; i < attempts; i++ {',
  '\t\tif err = fn(); err == nil {',
  '\t\t\treturn nil',
  '\t\t}',
  '\t}',
  '\treturn err',
  '}',
].join('\n')

/** A websocket client that keeps every text frame it receives. */
async function openSocket(path: string, origin?: string) {
  const socket = new WebSocket(`${connector.url.replace('http', 'ws')}${path}`, {
    ...(origin !== undefined && { origin }),
  })
  const frames: string[] = []
  const waiters: (() => void)[] = []
  socket.on('message', (data: Buffer) => {
    frames.push(data.toString('utf8'))
    for (const wake of waiters.splice(0)) wake()
  })
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })
  const next = async (count: number) => {
    while (frames.length < count) await new Promise<void>((wake) => waiters.push(wake))
    return frames[count - 1] as string
  }
  return { socket, frames, next }
}

/** The status and text of a refused websocket handshake. */
function refusedHandshake(path: string, headers: Record<string, string>) {
  return new Promise<number>((resolve, reject) => {
    const socket = new WebSocket(`${connector.url.replace('http', 'ws')}${path}`, { headers })
    socket.on('error', () => undefined)
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0)
      socket.terminate()
    })
    socket.once('open', () => reject(new Error('the handshake was accepted')))
  })
}

const seedOf = (raw: string, name: string, ext = 'py'): Seed => ({
  type: 'SEEDED_ASSET',
  asset: {
    application: { id: appId } as never,
    format: { fragment: { string: { raw }, metadata: { ext: ext as never } } },
    metadata: { name, tags: [{ text: 'retry' }] },
  },
})

async function status(call: Promise<unknown>): Promise<number> {
  try {
    await call
    return 200
  } catch (error) {
    if (error instanceof ResponseError) return error.response.status
    throw error
  }
}

beforeAll(async () => {
  dir = tempDir()
  connector = await startConnector({ port: 0, dataDir: dir.path })
  config = new Configuration({ basePath: connector.url })
  const context = await new ConnectorApi(config).connect({
    seededConnectorConnection: {
      application: { name: 'PIECES_FOR_DEVELOPERS_CLI', version: '1.3.1', platform: 'LINUX' },
    },
  })
  appId = context.application.id
})

afterAll(async () => {
  await connector.close()
  dir.remove()
})

describe('what a Pieces integration reads at start', () => {
  it('reports the Pieces API version it implements, and Clipwise beside it', async () => {
    const version = await new WellKnownApi(config).getWellKnownVersion()
    expect(version).toBe('12.0.0')
    const response = await fetch(`${connector.url}/.well-known/version`)
    expect(response.headers.get('x-clipwise-version')).toMatch(/^\d+\.\d+\.\d+/)
    const own = (await (await fetch(`${connector.url}/.well-known/clipwise`)).json()) as object
    expect(own).toMatchObject({ name: 'Clipwise', pieces: '12.0.0' })
  })

  it('has a local user, the connected applications and the models the clients look up', async () => {
    const { user } = await new UserApi(config).userSnapshot()
    expect(user?.name).toContain('local, no account')
    expect(user?.email).toBeUndefined()
    const apps = await new ApplicationsApi(config).applicationsSnapshot()
    expect(apps.iterable.map((a) => a.id)).toContain(appId)
    const models = (await new ModelsApi(config).modelsSnapshot()).iterable
    const usable = models.filter((m) => m.cloud || m.downloaded)
    expect(usable.map((m) => m.unique)).toEqual(
      expect.arrayContaining(['gemini-2.0-flash-lite-001', 'o4-mini-2025-04-16']),
    )
    expect(usable.map((m) => m.name)).toContain('GPT-3.5-turbo Chat Model')
  })

  it('answers every model route with a clear 501: Clipwise has no language models', async () => {
    const asked = new QGPTApi(config).question({ qGPTQuestionInput: { query: 'hi' } as never })
    const error = await asked.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ResponseError)
    const response = (error as ResponseError).response
    expect(response.status).toBe(501)
    expect(await response.text()).toContain('Clipwise has none')
    const chat = await fetch(`${connector.url}/conversations/create`, { method: 'POST' })
    expect(chat.status).toBe(501)
  })

  it('streams health and the user over websockets on the same server', async () => {
    const health = await openSocket('/.well-known/stream/health')
    expect(await health.next(1)).toBe('ok')
    health.socket.close()
    const user = await openSocket('/user/stream')
    expect(UserProfileFromJSON(JSON.parse(await user.next(1))).name).toContain('local')
    user.socket.close()
  })

  it("accepts a websocket from the connector's own origin and refuses any other", async () => {
    const own = await openSocket('/.well-known/stream/health', connector.url)
    expect(await own.next(1)).toBe('ok')
    own.socket.close()
    expect(
      await refusedHandshake('/.well-known/stream/health', { origin: 'https://evil.example' }),
    ).toBe(403)
    expect(
      await refusedHandshake('/assets/stream/identifiers', {
        host: `evil.example:${connector.port}`,
      }),
    ).toBe(403)
  })
})

describe('saving, reading, searching, editing, tagging, exporting and deleting', () => {
  let assetId = ''

  it('announces a new asset before /assets/create answers, in time for a cache to fetch it', async () => {
    // What the SDKs' identifier caches do: fetch every announced asset (Pieces for Sublime then
    // links tags to the new asset by looking it up in that cache, right after the save).
    const stream = await openSocket('/assets/stream/identifiers')
    const initial = StreamedIdentifiersFromJSON(JSON.parse(await stream.next(1)))
    expect(initial.iterable).toEqual([])
    const cache = new Map<string, string | undefined>()
    stream.socket.on('message', (data: Buffer) => {
      for (const item of StreamedIdentifiersFromJSON(JSON.parse(data.toString())).iterable) {
        const id = item.asset?.id as string
        void new AssetApi(config)
          .assetSnapshot({ asset: id })
          .then((asset) => cache.set(id, asset.original.reference?.fragment?.string?.raw))
      }
    })
    const created = await new AssetsApi(config).assetsCreateNewAsset({
      seed: seedOf(PYTHON_SNIPPET, 'Moving average'),
    })
    assetId = created.id
    expect(stream.frames).toHaveLength(2)
    expect(cache.get(assetId)).toBe(PYTHON_SNIPPET)
    stream.socket.close()
  })

  it('reads the asset back with its text in original.reference, name, tag and language', async () => {
    const asset = await new AssetApi(config).assetSnapshot({ asset: assetId })
    expect(asset.name).toBe('Moving average')
    expect(asset.original.reference?.fragment?.string?.raw).toBe(PYTHON_SNIPPET)
    expect(asset.preview.base.reference?.classification.specific).toBe('py')
    expect(asset.tags?.iterable.map((t) => t.text)).toContain('retry')
    const ids = await new AssetsApi(config).assetsIdentifiersSnapshot()
    expect(ids.iterable?.map((i) => i.id)).toEqual([assetId])
  })

  it('is the snippet the tray suggests for reuse, and a tray save is one a plugin sees', async () => {
    const connectorApi = new ConnectorApi(config)
    const suggestion = await connectorApi.suggest({
      application: appId,
      seededConnectorCreation: fragmentSeed(PYTHON_SNIPPET, 'py') as never,
    })
    expect(suggestion.reuse.suggested).toBe(true)
    expect(suggestion.reuse.assets.iterable[0]?.id).toBe(assetId)

    const stream = await openSocket('/assets/stream/identifiers')
    await stream.next(1)
    const saved = await connectorApi.react({
      application: appId,
      reaction: { save: true, seed: fragmentSeed(GO_SNIPPET, 'go') as never },
    })
    const announced = StreamedIdentifiersFromJSON(JSON.parse(await stream.next(2)))
    expect(announced.iterable[0]?.asset?.id).toBe(saved)
    stream.socket.close()
    const fromTray = await new AssetApi(config).assetSnapshot({ asset: saved })
    expect(fromTray.original.reference?.fragment?.string?.raw).toBe(GO_SNIPPET)
  })

  it('finds snippets by full text and by code similarity', async () => {
    const search = new SearchApi(config)
    const byText = await search.fullTextSearch({ query: 'moving_average' })
    expect(byText.iterable.map((r) => r.identifier)).toEqual([assetId])
    expect(byText.iterable[0]?.exact).toBe(true)
    const bySimilarity = await search.neuralCodeSearch({
      query: 'for i in range(window, len(values)):\n    total += values[i] - values[i - window]',
    })
    expect(bySimilarity.iterable[0]?.identifier).toBe(assetId)
    expect((await search.fullTextSearch({ query: 'nothing_like_this' })).iterable).toEqual([])
  })

  it('edits the text through its format; search and reuse follow the new text', async () => {
    const formats = new FormatApi(config)
    const asset = await new AssetApi(config).assetSnapshot({ asset: assetId })
    const format = await formats.formatSnapshot({ format: asset.original.id })
    expect(format.fragment?.string?.raw).toBe(PYTHON_SNIPPET)
    const edited = PYTHON_SNIPPET.replace('moving_average', 'rolling_mean')
    const updated = await formats.formatUpdateValue({
      format: { ...format, fragment: { ...format.fragment, string: { raw: edited } } },
    })
    expect(updated.fragment?.string?.raw).toBe(edited)
    const reread = await new AssetApi(config).assetSnapshot({ asset: assetId })
    expect(reread.original.reference?.fragment?.string?.raw).toBe(edited)
    const search = new SearchApi(config)
    expect((await search.fullTextSearch({ query: 'rolling_mean' })).iterable[0]?.identifier).toBe(
      assetId,
    )
    const suggestion = await new ConnectorApi(config).suggest({
      application: appId,
      seededConnectorCreation: fragmentSeed(edited, 'py') as never,
    })
    expect(suggestion.reuse.assets.iterable[0]?.id).toBe(assetId)
    expect(suggestion.distribution?.[assetId]).toBe(1)
  })

  it('tags: exists, create, associate, read back, disassociate', async () => {
    const tags = new TagsApi(config)
    expect((await tags.tagsExists({ existentMetadata: { value: 'statistics' } })).tag).toBe(
      undefined,
    )
    const tag = await tags.tagsCreateNewTag({ seededTag: { text: 'statistics' } })
    const found = await tags.tagsExists({ existentMetadata: { value: 'statistics' } })
    expect(found.tag?.id).toBe(tag.id)
    await new TagApi(config).tagAssociateAsset({ tag: tag.id, asset: assetId })
    const tagged = await new AssetApi(config).assetSnapshot({ asset: assetId })
    expect(tagged.tags?.iterable.map((t) => [t.id, t.text])).toContainEqual([tag.id, 'statistics'])
    expect(
      (await new TagApi(config).tagsSpecificTagSnapshot({ tag: tag.id })).assets?.iterable,
    ).toEqual([{ id: assetId }])
    expect(
      (await new SearchApi(config).fullTextSearch({ query: 'statistics' })).iterable[0]?.identifier,
    ).toBe(assetId)
    await new TagApi(config).tagDisassociateAsset({ tag: tag.id, asset: assetId })
    const untagged = await new AssetApi(config).assetSnapshot({ asset: assetId })
    expect(untagged.tags?.iterable.map((t) => t.text)).not.toContain('statistics')
  })

  it('renames and deletes a tag everywhere it is used', async () => {
    const tags = new TagsApi(config)
    const tag = await tags.tagsCreateNewTag({ seededTag: { text: 'stats', asset: assetId } })
    expect(tag.assets?.iterable).toEqual([{ id: assetId }])
    const renamed = await new TagApi(config).tagUpdate({ tag: { ...tag, text: 'statistics-2' } })
    expect(renamed.id).toBe(tag.id)
    const asset = await new AssetApi(config).assetSnapshot({ asset: assetId })
    expect(asset.tags?.iterable.map((t) => t.text)).toContain('statistics-2')
    expect(asset.tags?.iterable.map((t) => t.text)).not.toContain('stats')
    const clash = await status(new TagApi(config).tagUpdate({ tag: { ...tag, text: 'retry' } }))
    expect(clash).toBe(400)
    await tags.tagsDeleteSpecificTag({ tag: tag.id })
    const after = await new AssetApi(config).assetSnapshot({ asset: assetId })
    expect(after.tags?.iterable.map((t) => t.text)).not.toContain('statistics-2')
    expect((await tags.tagsSnapshot()).iterable.map((t) => t.text)).not.toContain('statistics-2')
  })

  it('never stores a credential saved from a plugin, nor one typed into an edit', async () => {
    const [credential] = fakeCredentials()
    const created = await new AssetsApi(config).assetsCreateNewAsset({
      seed: seedOf(`config = {\n  ${credential?.text}\n}`, 'Config', 'py'),
    })
    const stored = created.original.reference?.fragment?.string?.raw ?? ''
    expect(stored).not.toContain(credential?.value)
    expect(stored).toContain('config = {')
    const format = await new FormatApi(config).formatSnapshot({ format: created.original.id })
    const edited = await new FormatApi(config).formatUpdateValue({
      format: { ...format, fragment: { string: { raw: `token = "${credential?.value}"` } } },
    })
    expect(edited.fragment?.string?.raw).not.toContain(credential?.value)
    await new AssetsApi(config).assetsDeleteAsset({ asset: created.id })
  })

  it('refuses bad input with a clear 400 and saves nothing', async () => {
    const before = (await new AssetsApi(config).assetsIdentifiersSnapshot()).iterable?.length
    const post = (path: string, body: string) =>
      fetch(`${connector.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
    const noAsset = await post('/assets/create', '{"type":"SEEDED_ASSET"}')
    expect(noAsset.status).toBe(400)
    expect(await noAsset.text()).toContain('needs an asset')
    expect((await post('/assets/create', '{"asset": [')).status).toBe(400)
    const badFormat = await post(
      '/assets/create',
      JSON.stringify({ asset: { application: { id: appId }, format: {} } }),
    )
    expect(badFormat.status).toBe(400)
    const badExport = await fetch(`${connector.url}/asset/${assetId}/export?export_type=PDF`)
    expect(badExport.status).toBe(400)
    const after = (await new AssetsApi(config).assetsIdentifiersSnapshot()).iterable?.length
    expect(after).toBe(before)
  })

  it('exports one asset as Markdown and as HTML', async () => {
    const api = new AssetApi(config)
    const md = await api.assetSpecificAssetExport({ asset: assetId, exportType: 'MD' })
    expect(md.name).toBe('Moving average')
    expect(md.raw.string?.raw).toContain('```py\ndef rolling_mean(values, window):')
    const html = await api.assetSpecificAssetExport({ asset: assetId, exportType: 'HTML' })
    expect(html.raw.string?.raw).toContain('<code class="language-py">def rolling_mean')
  })

  it('deletes: the stream says so, a read answers 410 Gone, the id leaves the list', async () => {
    const stream = await openSocket('/assets/stream/identifiers')
    await stream.next(1)
    await new AssetsApi(config).assetsDeleteAsset({ asset: assetId })
    const announced = StreamedIdentifiersFromJSON(JSON.parse(await stream.next(2)))
    expect(announced.iterable[0]).toMatchObject({ asset: { id: assetId }, deleted: true })
    stream.socket.close()
    expect(await status(new AssetApi(config).assetSnapshot({ asset: assetId }))).toBe(410)
    expect(await status(new AssetApi(config).assetSnapshot({ asset: 'no-such-id' }))).toBe(404)
    const ids = await new AssetsApi(config).assetsIdentifiersSnapshot()
    expect(ids.iterable?.map((i) => i.id)).not.toContain(assetId)
  })
})
