import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
} from 'node:http'
import type { AddressInfo } from 'node:net'

/** Decides, per request, what the proxy does before forwarding it and before answering. */
export interface ProxyRules {
  /** Resolves when the request may go on to the connector. */
  beforeForward?(method: string, path: string, body: string): Promise<void> | void
  /** Resolves when the connector's answer may go back to the client. */
  beforeAnswer?(method: string, path: string, body: string): Promise<void> | void
}

export interface ConnectorProxy {
  url: string
  rules: ProxyRules
  /** Requests seen so far: method, path and body. */
  seen: { method: string; path: string; body: string }[]
  close(): Promise<void>
}

/** A loopback HTTP proxy in front of a real connector, to slow it or lose its answers in tests
 * and benchmarks (never changes what the connector stores). */
export async function startConnectorProxy(target: () => string): Promise<ConnectorProxy> {
  const proxy: ConnectorProxy = { url: '', rules: {}, seen: [], close: async () => undefined }
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = []
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
    incoming.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks)
        const method = incoming.method ?? 'GET'
        const path = incoming.url ?? '/'
        proxy.seen.push({ method, path, body: body.toString() })
        await proxy.rules.beforeForward?.(method, path, body.toString())
        const answer = await forward(target(), incoming, body).catch(() => undefined)
        if (!answer) {
          outgoing.destroy()
          return
        }
        await proxy.rules.beforeAnswer?.(method, path, body.toString())
        if (outgoing.destroyed) return
        outgoing.writeHead(answer.status, answer.headers)
        outgoing.end(answer.body)
      })()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  proxy.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return proxy
}

function forward(base: string, incoming: IncomingMessage, body: Buffer) {
  return new Promise<{ status: number; headers: Record<string, string>; body: Buffer }>(
    (resolve, reject) => {
      const url = new URL(incoming.url ?? '/', base)
      const headers: OutgoingHttpHeaders = { ...incoming.headers, host: url.host }
      const out = httpRequest(url, { method: incoming.method, headers }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          const type = response.headers['content-type']
          resolve({
            status: response.statusCode ?? 502,
            headers: type ? { 'content-type': type } : {},
            body: Buffer.concat(chunks),
          })
        })
      })
      out.on('error', reject)
      out.end(body)
    },
  )
}

/** A gate a test opens when it chooses. */
export function gate(): { wait: Promise<void>; open(): void } {
  let open!: () => void
  const wait = new Promise<void>((resolve) => (open = resolve))
  return { wait, open }
}
