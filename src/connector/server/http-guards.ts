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
}

/** Refuses (403) requests whose Host is not this loopback port or whose Origin is not allowed. */
export function installGuards(app: FastifyInstance, allowedOrigins: readonly string[]): void {
  const origins = new Set(allowedOrigins)
  app.addHook('onRequest', async (request) => checkRequest(request, origins))
}
