import type { ConnectorApp } from '../app-type'

const TEXT = 'text/plain; charset=utf-8'

/** The header by which Clipwise's own discovery tells its connector from a real Pieces OS. */
export const CLIPWISE_VERSION_HEADER = 'x-clipwise-version'

/**
 * Health and version probes that clients use to find a connector (HEAD comes with GET).
 * `/.well-known/version` is the Pieces API version whose subset this connector serves (clients
 * gate on it); Clipwise's own version rides on every answer as a header and has its own route.
 */
export function registerWellKnownRoutes(
  app: ConnectorApp,
  versions: { pieces: string; clipwise: string },
): void {
  app.addHook('onSend', async (_request, reply) => {
    reply.header(CLIPWISE_VERSION_HEADER, versions.clipwise)
  })
  app.get('/.well-known/health', async (_request, reply) => reply.type(TEXT).send('ok'))
  app.get('/.well-known/version', async (_request, reply) => reply.type(TEXT).send(versions.pieces))
  app.get('/.well-known/clipwise', async (_request, reply) =>
    reply.type('application/json; charset=utf-8').send({
      name: 'Clipwise',
      version: versions.clipwise,
      pieces: versions.pieces,
    }),
  )
}
