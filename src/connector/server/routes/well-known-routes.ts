import type { ConnectorApp } from '../app-type'

const TEXT = 'text/plain; charset=utf-8'

/** Health and version probes that clients use to find a connector (HEAD comes with GET). */
export function registerWellKnownRoutes(app: ConnectorApp, version: string): void {
  app.get('/.well-known/health', async (_request, reply) => reply.type(TEXT).send('ok'))
  app.get('/.well-known/version', async (_request, reply) => reply.type(TEXT).send(version))
}
