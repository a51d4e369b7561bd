import websocket from '@fastify/websocket'
import type { WebSocket } from 'ws'
import type { StreamedIdentifiers } from '../../../shared/wire'
import type { ConnectorApp } from '../app-type'
import type { ServiceContext } from '../connector-service'
import type { AssetChange, AssetChanges } from '../streams/asset-changes'
import { MODEL_SCHEMA } from '../wire-models'
import { userOf } from './pieces-user-routes'

const JSON_TYPE = 'application/json; charset=utf-8'

/** Sends one text frame; settles once it is written out (or the socket is gone). */
function sendText(socket: WebSocket, text: string): Promise<void> {
  if (socket.readyState !== socket.OPEN) return Promise.resolve()
  return new Promise((resolve) => socket.send(text, () => resolve()))
}

const identifiers = (changes: readonly AssetChange[]): StreamedIdentifiers => ({
  schema: MODEL_SCHEMA,
  iterable: changes.map((c) => ({ asset: { id: c.id }, ...(c.deleted && { deleted: true }) })),
})

/**
 * The websockets integrations open at start, on the same server and behind the same Host and
 * Origin checks as every route: health (`ok`), the assets' identifiers (all at once, then each
 * change as it commits, before the route that made it answers), the local user, and empty lists
 * of conversations, anchors and ranges (Clipwise holds none). A plain GET of each answers the
 * same as JSON.
 */
export function registerStreamRoutes(
  app: ConnectorApp,
  ctx: ServiceContext,
  changes: AssetChanges,
): void {
  // A refused handshake (Host, Origin) is answered before the plugin's own hook marks the request
  // as a websocket one, so the plugin would leave its socket open; an answered upgrade is done.
  app.addHook('onResponse', async (request) => {
    if (request.headers.upgrade?.toLowerCase() === 'websocket') request.raw.socket.destroy()
  })
  void app.register(websocket, { options: { maxPayload: 64 * 1024 } })
  // Routes with a wsHandler must be added once the plugin has loaded: in a scope after it.
  void app.register(async (scope) => streams(scope as ConnectorApp, ctx, changes))
}

function streams(app: ConnectorApp, ctx: ServiceContext, changes: AssetChanges): void {
  const since = ctx.now().toISOString()
  const snapshot = () =>
    identifiers(ctx.store.pieces.listAssetIds().map((id) => ({ id, deleted: false })))

  app.route({
    method: 'GET',
    url: '/.well-known/stream/health',
    handler: async (_request, reply) => reply.type('text/plain; charset=utf-8').send('ok'),
    wsHandler: (socket) => void sendText(socket, 'ok'),
  })

  app.route({
    method: 'GET',
    url: '/assets/stream/identifiers',
    handler: async (_request, reply) => reply.type(JSON_TYPE).send(snapshot()),
    wsHandler: (socket) => {
      const unsubscribe = changes.subscribe((change) =>
        sendText(socket, JSON.stringify(identifiers([change]))),
      )
      socket.once('close', unsubscribe)
      void sendText(socket, JSON.stringify(snapshot()))
    },
  })

  app.route({
    method: 'GET',
    url: '/user/stream',
    handler: async (_request, reply) => reply.type(JSON_TYPE).send(userOf(ctx, since)),
    wsHandler: (socket) => void sendText(socket, JSON.stringify(userOf(ctx, since))),
  })

  // Kinds of things Clipwise keeps none of; integrations open their streams at start all the same.
  const empty = JSON.stringify({ schema: MODEL_SCHEMA, iterable: [] })
  for (const url of [
    '/conversations/stream/identifiers',
    '/anchors/stream/identifiers',
    '/ranges/stream/identifiers',
  ]) {
    app.route({
      method: 'GET',
      url,
      handler: async (_request, reply) => reply.type(JSON_TYPE).send(empty),
      wsHandler: (socket) => void sendText(socket, empty),
    })
  }
}
