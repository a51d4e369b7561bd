import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface TestServer {
  port: number
  url: string
  close(): Promise<void>
}

/** Starts an HTTP server on 127.0.0.1 (port 0 unless given) for client tests. */
export async function startTestServer(
  handler: (request: IncomingMessage, response: ServerResponse, body: string) => void,
  port = 0,
): Promise<TestServer> {
  const server: Server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk: Buffer) => (body += chunk.toString()))
    request.on('end', () => handler(request, response, body))
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const actual = (server.address() as AddressInfo).port
  return {
    port: actual,
    url: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A fake Pieces OS that only answers the health probe. */
export function startHealthServer(body = 'ok', status = 200, port = 0): Promise<TestServer> {
  return startTestServer((_request, response) => {
    response.writeHead(status, { 'content-type': 'text/plain' }).end(body)
  }, port)
}

/** Ports that nothing listens on (bound once, then released). */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(Array.from({ length: count }, () => startHealthServer()))
  await Promise.all(servers.map((server) => server.close()))
  return servers.map((server) => server.port)
}
