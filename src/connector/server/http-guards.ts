import type { FastifyInstance, FastifyRequest } from 'fastify'
import { ForbiddenError } from './errors'

/**
 * The Host values this loopback service answers for its own port. Checking Host defeats DNS
 * rebinding (a web page whose name resolves to 127.0.0.1 sends its own name as Host).
 */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`])
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
  if (origin !== undefined && !allowedOrigins.has(origin)) {
    throw new ForbiddenError(`Requests from origin "${origin}" are not accepted.`)
  }
}

/** Refuses (403) requests whose Host is not this loopback port or whose Origin is not allowed. */
export function installGuards(app: FastifyInstance, allowedOrigins: readonly string[]): void {
  const origins = new Set(allowedOrigins)
  app.addHook('onRequest', async (request) => checkRequest(request, origins))
}
