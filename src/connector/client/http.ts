import got, { RequestError, TimeoutError, type Got } from 'got'
import { ConnectorError } from './errors'

export interface HttpOptions {
  baseUrl: string
  /** Per-call timeout in milliseconds (every call has one). */
  timeoutMs: number
}

export interface HttpRequest {
  method: 'GET' | 'POST'
  path: string
  /** JSON body; `undefined` sends none. */
  json?: unknown
  timeoutMs?: number
  /** Extra headers (the application id after `/connect`). */
  headers?: Record<string, string>
  /** Cancels the request (a newer copy superseded it); it then rejects with `ABORTED`. */
  signal?: AbortSignal
}

export interface HttpResponse {
  status: number
  contentType: string
  text: string
}

/** The one place that speaks HTTP: explicit timeouts, retries only for idempotent GETs, typed errors. */
export interface Http {
  readonly baseUrl: string
  request(request: HttpRequest): Promise<HttpResponse>
}

/** Creates the got instance for one connector URL. */
export function createHttp(options: HttpOptions): Http {
  const baseUrl = options.baseUrl.replace(/\/+$/, '')
  const client: Got = got.extend({
    prefixUrl: baseUrl,
    throwHttpErrors: false,
    followRedirect: false,
    retry: { limit: 1, methods: ['GET'], statusCodes: [502, 503, 504] },
    headers: { 'user-agent': 'clipwise' },
  })

  async function request(req: HttpRequest): Promise<HttpResponse> {
    const timeoutMs = req.timeoutMs ?? options.timeoutMs
    try {
      const response = await client(req.path.replace(/^\//, ''), {
        method: req.method,
        headers: { 'content-type': 'application/json', ...req.headers },
        body: req.json === undefined ? undefined : JSON.stringify(req.json),
        timeout: { request: timeoutMs },
        ...(req.signal ? { signal: req.signal } : {}),
      })
      const result = {
        status: response.statusCode,
        contentType: String(response.headers['content-type'] ?? ''),
        text: response.body,
      }
      if (result.status >= 200 && result.status < 300) return result
      throw statusError(baseUrl, req.path, result)
    } catch (error) {
      if (error instanceof ConnectorError) throw error
      if (req.signal?.aborted) {
        throw new ConnectorError('ABORTED', `The request to ${baseUrl}${req.path} was cancelled.`, {
          cause: error,
        })
      }
      if (error instanceof TimeoutError) {
        throw new ConnectorError(
          'TIMEOUT',
          `The connector at ${baseUrl} did not answer within ${timeoutMs} ms; it may be busy or stuck. Try again, or restart it.`,
          { cause: error },
        )
      }
      if (error instanceof RequestError) {
        throw new ConnectorError(
          'CONNECTOR_UNAVAILABLE',
          `Cannot reach the connector at ${baseUrl} (${error.code}). Start Pieces OS, or clear the connector URL in settings so Clipwise starts its own.`,
          { cause: error },
        )
      }
      throw error
    }
  }

  return { baseUrl, request }
}

function statusError(baseUrl: string, path: string, response: HttpResponse): ConnectorError {
  const detail = response.text.trim().slice(0, 300).replace(/\.$/, '') || `HTTP ${response.status}`
  const status = response.status
  if (status === 401) {
    return new ConnectorError(
      'NOT_CONNECTED',
      `The connector at ${baseUrl} does not know Clipwise yet (it may have restarted): ${detail}`,
      { status },
    )
  }
  if (status === 400) {
    return new ConnectorError(
      'BAD_REQUEST',
      `The connector at ${baseUrl} rejected ${path}: ${detail}`,
      { status },
    )
  }
  if (status === 404) {
    return new ConnectorError(
      'NOT_FOUND',
      `The connector at ${baseUrl} has no ${path}: ${detail}. It may be an older Pieces OS; update it.`,
      { status },
    )
  }
  return new ConnectorError(
    'SERVER_ERROR',
    `The connector at ${baseUrl} failed on ${path} (HTTP ${status}): ${detail}. Try again; if it persists, restart the connector.`,
    { status },
  )
}
