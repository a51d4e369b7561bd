import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify from 'fastify'
import type { ConnectorApp } from './app-type'
import { installErrorHandling, installJsonParsing } from './body-parsing'
import type { ServiceContext } from './connector-service'
import type { SuggestionEngine } from './engine'
import { installGuards } from './http-guards'
import { registerAssetsRoutes } from './routes/assets-routes'
import { registerConnectorRoutes } from './routes/connector-routes'
import { PIECES_API_VERSION } from './pieces-models'
import { registerPiecesAssetsRoutes } from './routes/pieces-assets-routes'
import { registerPiecesSearchRoutes } from './routes/pieces-search-routes'
import { registerPiecesTagRoutes } from './routes/pieces-tag-routes'
import { registerPiecesUserRoutes } from './routes/pieces-user-routes'
import { registerStreamRoutes } from './routes/stream-routes'
import { registerWellKnownRoutes } from './routes/well-known-routes'
import { announcingStore, createAssetChanges } from './streams/asset-changes'
import type { ConnectorStore } from './storage'
import { registerTeamRoutes, type Team } from './team'

export const DEFAULT_BODY_LIMIT = 8 * 1024 * 1024

export interface ServerDeps {
  store: ConnectorStore
  engine: SuggestionEngine
  /** Clipwise's own version (the `X-Clipwise-Version` header, `/.well-known/clipwise`). */
  version: string
  /** Browser origins allowed to call (none by default). */
  allowedOrigins?: readonly string[]
  bodyLimit?: number
  /** Whole-request deadline in ms. */
  requestTimeout?: number
  /** Deadline for the request headers in ms. */
  headersTimeout?: number
  now?: () => Date
  logger?: boolean
  /** The team library sync; `store` should then be `team.store`. Adds the `/team/…` routes. */
  team?: Team
}

/** Builds the connector's HTTP service without listening (tests use inject() or listen on 0). */
export function buildServer(deps: ServerDeps): ConnectorApp {
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: deps.bodyLimit ?? DEFAULT_BODY_LIMIT,
    requestTimeout: deps.requestTimeout ?? 30_000,
    // Node would answer a missing Host with its own 400; the Host guard answers 403 instead.
    http: { requireHostHeader: false, headersTimeout: deps.headersTimeout ?? 10_000 },
    return503OnClosing: true,
    forceCloseConnections: true,
  })
    .withTypeProvider<TypeBoxTypeProvider>()
    .setValidatorCompiler(TypeBoxValidatorCompiler)
  const changes = createAssetChanges()
  const ctx: ServiceContext = {
    store: announcingStore(deps.store, changes),
    engine: deps.engine,
    now: deps.now ?? (() => new Date()),
    // Context.health says the same version as /.well-known/version: the Pieces API's.
    version: PIECES_API_VERSION,
    connected: new Set(),
  }
  installGuards(app, deps.allowedOrigins ?? [])
  installJsonParsing(app)
  installErrorHandling(app)
  registerWellKnownRoutes(app, { pieces: PIECES_API_VERSION, clipwise: deps.version })
  registerConnectorRoutes(app, ctx)
  registerAssetsRoutes(app, ctx)
  if (deps.team) registerTeamRoutes(app, ctx, deps.team)
  registerPiecesAssetsRoutes(app, ctx, changes)
  registerPiecesSearchRoutes(app, ctx)
  registerPiecesTagRoutes(app, ctx)
  registerPiecesUserRoutes(app, ctx)
  registerStreamRoutes(app, ctx, changes)
  return app
}
