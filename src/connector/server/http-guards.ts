import cors from '@fastify/cors'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { ForbiddenError } from './errors'

/**
 * The Host values this loopback service answers for its own port. Checking Host defeats DNS
 * rebinding (a web page whose name resolves to 127.0.0.1 sends its own name as Host).
 */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`])
}

/**
 * Websocket clients outside browsers (the Pieces SDKs' `websocket-client`) send the connector's
 * own origin, `http://<Host>`; the Host was checked to be this loopback port just before.
 */
function isOwnWebSocket(request: FastifyRequest, origin: string): boolean {
  const upgrade = request.headers.upgrade?.toLowerCase() === 'websocket'
  return upgrade && origin.toLowerCase() === `http://${request.headers.host?.toLowerCase()}`
}

function checkRequest(request: FastifyRequest, allowedOrigins: ReadonlySet<string>): void {
  // inject() has no real socket (no local port) and sends Host `localhost:80`.
  const port = request.socket.localPort ?? 80
  const host = request.headers.host?.toLowerCase()
  if (!host || !allowedHosts(port).has(host)) {
    throw new ForbiddenError(
      `Host ${host ? `"${host}"` : '(missing)'} is not accepted: address the connector as ` +
        `127.0.0.1:${port} or localhost:${port}.`,
    )
  }
  // Browsers send Origin on cross-site requests; other local clients (SDKs, curl) do not.
  const origin = request.headers.origin
  if (origin !== undefined && !allowedOrigins.has(origin) && !isOwnWebSocket(request, origin)) {
    throw new ForbiddenError(`Requests from origin "${origin}" are not accepted.`)
  }
  checkFetchMetadata(request, origin !== undefined && allowedOrigins.has(origin))
}

/**
 * Fetch Metadata: a browser says where a request comes from even when it sends no Origin (an
 * `<img>` or `<script>` GET). Another site's page gets 403 on every route, before any work, so
 * it can neither read the library nor time how long a search takes. An allowed origin's page is
 * cross-site to this port by nature, so its requests pass (CORS answers them).
 */
function checkFetchMetadata(request: FastifyRequest, fromAllowedOrigin: boolean): void {
  const site = request.headers['sec-fetch-site']
  if (fromAllowedOrigin || (site !== 'cross-site' && site !== 'same-site')) return
  throw new ForbiddenError(
    `Requests from another site's page (Sec-Fetch-Site: ${site}) are not accepted.`,
  )
}

/**
 * Refuses (403) requests whose Host is not this loopback port, whose Origin is not allowed, or
 * whose Fetch Metadata says another site's page sent them; answers CORS (preflights included) for
 * the allowed origins only.
 */
export function installGuards(app: FastifyInstance, allowedOrigins: readonly string[]): void {
  const origins = new Set(allowedOrigins)
  app.addHook('onRequest', async (request) => checkRequest(request, origins))
  if (origins.size > 0) {
    void app.register(cors, {
      origin: [...origins],
      methods: ['GET', 'HEAD', 'POST'],
      allowedHeaders: ['Content-Type', 'X-Application-ID'],
      maxAge: 600,
    })
  }
}
