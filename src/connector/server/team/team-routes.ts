import { Type } from 'typebox'
import type { ConnectorApp } from '../app-type'
import { renderAssets, type ServiceContext } from '../connector-service'
import type { Team } from './team-sync'

const JSON_TYPE = 'application/json; charset=utf-8'

/**
 * Clipwise's own team routes beside the Pieces API: the sync's status, and the per-snippet
 * "shared with the team" choice (Pieces has no such call; the asset itself says who and where).
 */
export function registerTeamRoutes(app: ConnectorApp, ctx: ServiceContext, team: Team): void {
  app.get('/team/status', async (_request, reply) => reply.type(JSON_TYPE).send(team.status()))

  app.post(
    '/team/assets/:asset/share',
    {
      schema: {
        params: Type.Object({ asset: Type.String() }),
        body: Type.Object({ shared: Type.Boolean() }, { additionalProperties: false }),
      },
      config: { model: '{ "shared": true | false }' },
    },
    async (request, reply) => {
      const asset = team.store.setShared(request.params.asset, request.body.shared, ctx.now())
      const [wire] = renderAssets(ctx, [asset])
      return reply.type(JSON_TYPE).send(wire)
    },
  )
}
