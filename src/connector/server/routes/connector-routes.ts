import { Type } from 'typebox'
import {
  Reaction,
  SeededConnectorAsset,
  SeededConnectorConnection,
  SeededConnectorCreation,
  SeededConnectorTracking,
} from '../../../shared/wire'
import type { ConnectorApp } from '../app-type'
import { redactDeep } from '../redact-metadata'
import {
  connect,
  intend,
  react,
  requireConnected,
  suggest,
  trackedKind,
  type ServiceContext,
} from '../connector-service'

const TEXT = 'text/plain; charset=utf-8'
const JSON_TYPE = 'application/json; charset=utf-8'
const params = Type.Object({ application: Type.String() })

/** A request to one of the five `/{application}/…` routes. */
interface AppRequest {
  params: { application: string }
  headers: Record<string, string | string[] | undefined>
}

/** The six Connector API routes (spec §2). */
export function registerConnectorRoutes(app: ConnectorApp, ctx: ServiceContext): void {
  const clientOf = (request: AppRequest) =>
    requireConnected(ctx, request.params.application, request.headers['x-application-id'])

  app.post(
    '/connect',
    { schema: { body: SeededConnectorConnection }, config: { model: 'SeededConnectorConnection' } },
    async (request, reply) => reply.type(JSON_TYPE).send(connect(ctx, request.body)),
  )

  app.post(
    '/:application/suggestion',
    {
      schema: { params, body: SeededConnectorCreation },
      config: { model: 'SeededConnectorCreation' },
    },
    async (request, reply) => {
      const client = clientOf(request)
      return reply.type(JSON_TYPE).send(suggest(ctx, client, request.body))
    },
  )

  app.post(
    '/:application/reaction',
    { schema: { params, body: Reaction }, config: { model: 'Reaction' } },
    async (request, reply) => {
      const client = clientOf(request)
      return reply.type(TEXT).send(await react(ctx, client, request.body))
    },
  )

  app.post(
    '/:application/intention',
    { schema: { params, body: SeededConnectorAsset }, config: { model: 'SeededConnectorAsset' } },
    async (request, reply) => {
      intend(ctx, clientOf(request), request.body)
      return reply.type(TEXT).send('OK')
    },
  )

  app.post(
    '/:application/onboarded',
    { schema: { params, body: Type.Boolean() }, config: { model: 'boolean (true or false)' } },
    async (request, reply) => {
      const client = clientOf(request)
      ctx.store.setOnboarded(client.id, request.body, ctx.now())
      return reply.type(TEXT).send('OK')
    },
  )

  app.post(
    '/:application/track',
    {
      schema: { params, body: SeededConnectorTracking },
      config: { model: 'SeededConnectorTracking' },
    },
    async (request, reply) => {
      const client = clientOf(request)
      // Stored as sent, less any credential in its strings.
      const payload = redactDeep(ctx.engine, request.body)
      ctx.store.recordTrackEvent(client.id, trackedKind(payload), payload, ctx.now())
      return reply.type(TEXT).send('OK')
    },
  )
}
