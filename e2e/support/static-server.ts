import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
}

export interface StaticServer {
  url: string
  close(): Promise<void>
}

/** Serves a built folder on 127.0.0.1 and a free port, like Electron's `loadFile` would. */
export async function serveFolder(root: string): Promise<StaticServer> {
  const server = createServer((request, response) => {
    respond(root, request, response).catch(() => response.writeHead(400).end())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** Answers one request from `root`: the file, 403 outside it, 404 when absent. */
async function respond(root: string, request: IncomingMessage, response: ServerResponse) {
  const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)
  const relative = normalize(pathname === '/' ? '/index.html' : pathname)
  const file = join(root, relative)
  if (!file.startsWith(root + sep)) {
    response.writeHead(403).end()
    return
  }
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file')
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    })
    createReadStream(file).pipe(response)
  } catch {
    response.writeHead(404).end()
  }
}
