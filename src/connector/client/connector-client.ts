import type {
  Asset,
  AssetReclassification,
  AssetUpdate,
  Assets,
  Context,
  PlatformEnum,
  Reaction,
  SearchedAssets,
  SeededConnectorAsset,
  SeededConnectorConnection,
  SeededConnectorCreation,
  SeededConnectorTracking,
  Suggestion,
} from '../../shared/wire'
import { ConnectorError } from './errors'
import { createHttp, type HttpResponse } from './http'

export interface ConnectorClientOptions {
  baseUrl: string
  /** Clipwise's own version, sent in `/connect`. */
  appVersion: string
  /** `process.platform`; mapped to the spec's PlatformEnum. */
  platform: string
  /** Default per-call timeout (ms). */
  timeoutMs?: number
  /** Timeout of `/suggestion`, which is on the copy → suggestion path (ms). */
  suggestionTimeoutMs?: number
}

/** A session with one connector: connects once as Clipwise, keeps the Context, reconnects on 400/401. */
export interface ConnectorClient {
  readonly baseUrl: string
  /** The Context of the current session, once connected. */
  context(): Context | undefined
  connect(): Promise<Context>
  /** `GET /.well-known/health` answered `ok` within the timeout. */
  healthy(timeoutMs?: number): Promise<boolean>
  /** `/suggestion`; `signal` cancels it (the answer is no longer wanted). */
  suggest(seed: SeededConnectorCreation, options?: { signal?: AbortSignal }): Promise<Suggestion>
  /** Returns the new asset id when the reaction saved something, else `OK`. */
  react(reaction: Reaction): Promise<string>
  intention(asset: SeededConnectorAsset): Promise<string>
  track(event: SeededConnectorTracking): Promise<void>
  onboarded(done: boolean): Promise<void>
  listAssets(): Promise<Assets>
  getAsset(id: string): Promise<Asset>
  searchAssets(query: string): Promise<SearchedAssets>
  deleteAsset(id: string): Promise<void>
  updateAsset(update: AssetUpdate): Promise<Asset>
  /** Sets the asset's language (`/asset/reclassify`, sent with the whole asset as the SDK does). */
  reclassifyAsset(asset: Asset, language: string): Promise<Asset>
  /** Shares the asset with the team library or takes it out (Clipwise's embedded connector). */
  shareAsset(id: string, shared: boolean): Promise<Asset>
}

/** The spec's PlatformEnum value for a Node `process.platform`. */
export function platformEnum(platform: string): PlatformEnum {
  if (platform === 'darwin') return 'MACOS'
  if (platform === 'win32') return 'WINDOWS'
  if (platform === 'linux') return 'LINUX'
  if (platform === 'android') return 'ANDROID'
  return 'UNKNOWN'
}

/** Creates a client for one connector URL; nothing is sent until the first call. */
export function createConnectorClient(options: ConnectorClientOptions): ConnectorClient {
  const http = createHttp({ baseUrl: options.baseUrl, timeoutMs: options.timeoutMs ?? 4000 })
  const suggestionTimeoutMs = options.suggestionTimeoutMs ?? 8000
  let current: Context | undefined
  let connecting: Promise<Context> | undefined

  const connection: SeededConnectorConnection = {
    application: {
      name: 'OPEN_SOURCE',
      version: options.appVersion,
      platform: platformEnum(options.platform),
    },
  }

  async function connect(): Promise<Context> {
    connecting ??= (async () => {
      try {
        const response = await http.request({ method: 'POST', path: '/connect', json: connection })
        const context = parseJson<Context>(response, '/connect')
        if (typeof context?.application?.id !== 'string') {
          throw new ConnectorError(
            'BAD_RESPONSE',
            `The connector at ${http.baseUrl} answered /connect without an application id; it may not be a Pieces connector.`,
          )
        }
        current = context
        return context
      } finally {
        connecting = undefined
      }
    })()
    return connecting
  }

  /** Calls `/{application}/…`; on 400/401 (a restarted connector forgot us) connects again and retries once. */
  async function appCall(
    route: string,
    json: unknown,
    options: { timeoutMs?: number; signal?: AbortSignal } = {},
  ): Promise<HttpResponse> {
    const send = async (context: Context) =>
      http.request({
        method: 'POST',
        path: `/${encodeURIComponent(context.application.id)}/${route}`,
        json,
        headers: { application: context.application.id },
        ...options,
      })
    const context = current ?? (await connect())
    try {
      return await send(context)
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error
      if (error.code !== 'NOT_CONNECTED' && error.code !== 'BAD_REQUEST') throw error
      current = undefined
      return send(await connect())
    }
  }

  async function get<T>(path: string): Promise<T> {
    return parseJson<T>(await http.request({ method: 'GET', path }), path)
  }

  return {
    baseUrl: http.baseUrl,
    context: () => current,
    connect,
    async healthy(timeoutMs = 500) {
      try {
        const response = await http.request({
          method: 'GET',
          path: '/.well-known/health',
          timeoutMs,
        })
        return response.text.trim().toLowerCase().startsWith('ok')
      } catch {
        return false
      }
    },
    async suggest(seed, options) {
      const suggestion = parseJson<Suggestion>(
        await appCall('suggestion', seed, {
          timeoutMs: suggestionTimeoutMs,
          signal: options?.signal,
        }),
        '/suggestion',
      )
      if (!suggestion?.reuse || !suggestion.save) {
        throw new ConnectorError(
          'BAD_RESPONSE',
          `The connector at ${http.baseUrl} answered /suggestion without reuse/save members.`,
        )
      }
      return suggestion
    },
    async react(reaction) {
      return parseText(await appCall('reaction', reaction))
    },
    async intention(asset) {
      return parseText(await appCall('intention', asset))
    },
    async track(event) {
      await appCall('track', event)
    },
    async onboarded(done) {
      await appCall('onboarded', done)
    },
    listAssets: () => get<Assets>('/assets'),
    getAsset: (id) => get<Asset>(`/assets/${encodeURIComponent(id)}`),
    searchAssets: (query) =>
      get<SearchedAssets>(`/assets/search?query=${encodeURIComponent(query)}`),
    async deleteAsset(id) {
      await http.request({ method: 'POST', path: `/assets/${encodeURIComponent(id)}/delete` })
    },
    async updateAsset(update) {
      return parseJson<Asset>(
        await http.request({ method: 'POST', path: '/asset/update', json: update }),
        '/asset/update',
      )
    },
    async reclassifyAsset(asset, language) {
      const body: AssetReclassification = { ext: language, asset }
      return parseJson<Asset>(
        await http.request({ method: 'POST', path: '/asset/reclassify', json: body }),
        '/asset/reclassify',
      )
    },
    async shareAsset(id, shared) {
      const path = `/team/assets/${encodeURIComponent(id)}/share`
      return parseJson<Asset>(await http.request({ method: 'POST', path, json: { shared } }), path)
    },
  }
}

function parseJson<T>(response: HttpResponse, path: string): T {
  try {
    return JSON.parse(response.text) as T
  } catch (error) {
    throw new ConnectorError(
      'BAD_RESPONSE',
      `The connector answered ${path} with something that is not JSON; it may not be a Pieces connector.`,
      { cause: error },
    )
  }
}

/** String routes: raw text, unless the connector labelled it JSON (then a JSON string). */
function parseText(response: HttpResponse): string {
  if (/^application\/(.+\+)?json/i.test(response.contentType)) {
    try {
      const value: unknown = JSON.parse(response.text)
      if (typeof value === 'string') return value
    } catch {
      // fall through to the raw text
    }
  }
  return response.text.trim()
}
