import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify from 'fastify'
import type { ConnectorApp } from './app-type'
import { installErrorHandling, installJsonParsing } from './body-parsing'
import type { ServiceContext } from './connector-service'
import type { SuggestionEngine } from './engine'
import { installGuards } from './http-guards'
import { registerAssetsRoutes } from './routes/assets-routes'
import { registerConnectorRoutes } from './routes/connector-routes'
import { registerWellKnownRoutes } from './routes/well-known-routes'
import type { ConnectorStore } from './storage'
import { registerTeamRoutes, type Team } from './team'

export const DEFAULT_BODY_LIMIT = 8 * 1024 * 1024

export interface ServerDeps {
  store: ConnectorStore
  engine: SuggestionEngine
  /** Reported by /.well-known/version and Context.health. */
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
  const ctx: ServiceContext = {
    store: deps.store,
    engine: deps.engine,
    now: deps.now ?? (() => new Date()),
    version: deps.version,
    connected: new Set(),
  }
  installGuards(app, deps.allowedOrigins ?? [])
  installJsonParsing(app)
  installErrorHandling(app)
  registerWellKnownRoutes(app, deps.version)
  registerConnectorRoutes(app, ctx)
  registerAssetsRoutes(app, ctx)
  if (deps.team) registerTeamRoutes(app, ctx, deps.team)
  return app
}
