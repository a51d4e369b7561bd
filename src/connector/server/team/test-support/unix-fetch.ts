import { request } from 'node:http'

/** A `fetch` for a connector reached through a Unix socket (see unix-forward.ts). */
export function unixFetch(socketPath: string, port: number) {
  return (url: string, init: RequestInit): Promise<Response> =>
    new Promise((resolve, reject) => {
      const { pathname, search } = new URL(url)
      const body = typeof init.body === 'string' ? init.body : undefined
      const req = request(
        {
          socketPath,
          path: `${pathname}${search}`,
          method: init.method ?? 'GET',
          headers: {
            host: `127.0.0.1:${port}`,
            ...(body !== undefined && {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
            }),
          },
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () =>
            resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 500 })),
          )
          res.on('error', reject)
        },
      )
      req.on('error', reject)
      req.end(body)
    })
}
