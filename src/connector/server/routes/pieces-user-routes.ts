import { Type } from 'typebox'
import type { ConnectorApp } from '../app-type'
import type { ServiceContext } from '../connector-service'
import { HttpError, NotFoundError } from '../errors'
import { NoLanguageModelError } from '../pieces-errors'
import { listedModels, localUser } from '../pieces-models'
import { MODEL_SCHEMA, toWireApplication } from '../wire-models'

const JSON_TYPE = 'application/json; charset=utf-8'

/** The local user, as `GET /user`, `GET /user/stream` and the user websocket give it. */
export function userOf(ctx: ServiceContext, since: string) {
  return localUser(ctx.store.osId, since, ctx.now())
}

/**
 * UserApi, ApplicationsApi and ModelsApi as far as integrations read them at start, and a clear
 * 501 from every route that would run a language model (Copilot, chats, QGPT).
 */
export function registerPiecesUserRoutes(app: ConnectorApp, ctx: ServiceContext): void {
  const since = ctx.now().toISOString()
  app.get('/user', async (_request, reply) =>
    reply.type(JSON_TYPE).send({ schema: MODEL_SCHEMA, user: userOf(ctx, since) }),
  )

  const signIn = async () => {
    throw new HttpError(
      501,
      'NO_ACCOUNTS',
      'Clipwise never signs in: its user is local to this computer and nothing is sent anywhere.',
    )
  }
  for (const path of ['/os/sign_into', '/os/sign_out', '/user/clear', '/user/select']) {
    app.post(path, signIn)
  }

  app.get('/applications', async (_request, reply) =>
    reply.type(JSON_TYPE).send({
      schema: MODEL_SCHEMA,
      iterable: [...ctx.connected].flatMap((id) => {
        const record = ctx.store.getApplication(id)
        return record ? [toWireApplication(record)] : []
      }),
    }),
  )

  app.get('/models', async (_request, reply) =>
    reply.type(JSON_TYPE).send({ schema: MODEL_SCHEMA, iterable: listedModels(ctx.now()) }),
  )
  app.get(
    '/model/:model',
    { schema: { params: Type.Object({ model: Type.String() }) } },
    async (request, reply) => {
      const model = listedModels(ctx.now()).find((m) => m.id === request.params.model)
      if (!model) throw new NotFoundError(`No model with id ${request.params.model}.`)
      return reply.type(JSON_TYPE).send(model)
    },
  )

  const refuse = (what: string) => async () => {
    throw new NoLanguageModelError(what)
  }
  const routes: readonly [string, string][] = [
    ['/qgpt', 'QGPT'],
    ['/qgpt/*', 'QGPT'],
    ['/conversations', 'A Copilot conversation'],
    ['/conversations/*', 'A Copilot conversation'],
    ['/conversation/*', 'A Copilot conversation'],
    ['/copilot/*', 'Copilot'],
    ['/model/:model/*', 'Loading or downloading a model'],
    ['/models/*', 'Loading or downloading a model'],
  ]
  for (const [path, what] of routes) app.all(path, refuse(what))
}
