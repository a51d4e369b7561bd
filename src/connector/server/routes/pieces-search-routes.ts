import { Type } from 'typebox'
import type { SearchedAssets } from '../../../shared/wire'
import type { ConnectorApp } from '../app-type'
import { renderAssets, type ServiceContext } from '../connector-service'
import type { AssetRecord } from '../storage'
import { MODEL_SCHEMA } from '../wire-models'

const JSON_TYPE = 'application/json; charset=utf-8'
const LIMIT = 50
const query = Type.Object({
  query: Type.Optional(Type.String()),
  pseudo: Type.Optional(Type.String()),
})

interface Hit {
  asset: AssetRecord
  score: number
  match: 'CONTENT' | 'TITLE' | 'FUZZY'
}

/** Whether the query occurs as typed (any case) in the snippet's name or text. */
function isExact(asset: AssetRecord, q: string): boolean {
  const needle = q.trim().toLowerCase()
  return (
    needle !== '' &&
    (asset.name.toLowerCase().includes(needle) || asset.text.toLowerCase().includes(needle))
  )
}

function answer(ctx: ServiceContext, q: string, hits: readonly Hit[]): SearchedAssets {
  const wire = renderAssets(
    ctx,
    hits.map((h) => h.asset),
  )
  const byId = new Map(hits.map((h) => [h.asset.id, h]))
  const iterable = wire.map((asset) => {
    const hit = byId.get(asset.id) as Hit
    return {
      schema: MODEL_SCHEMA,
      asset,
      exact: isExact(hit.asset, q),
      score: hit.score,
      match: hit.match,
      identifier: asset.id,
    }
  })
  const exact = iterable.filter((i) => i.exact).length
  return { schema: MODEL_SCHEMA, iterable, exact, suggested: iterable.length - exact }
}

function fullText(ctx: ServiceContext, q: string): Hit[] {
  return ctx.store.searchAssets(q, LIMIT).map((h) => ({
    asset: h.asset,
    score: h.score,
    match: h.asset.name.toLowerCase().includes(q.trim().toLowerCase()) ? 'TITLE' : 'CONTENT',
  }))
}

/**
 * SearchApi: `/search/full_text` is the library's full-text index (SQLite FTS5 over name,
 * description, tags and text). `/search/neural_code` runs no neural model: it ranks snippets by
 * the reuse engine's code similarity to the query (token shingles), then adds full-text hits.
 */
export function registerPiecesSearchRoutes(app: ConnectorApp, ctx: ServiceContext): void {
  app.get('/search/full_text', { schema: { querystring: query } }, async (request, reply) => {
    const q = request.query.query ?? ''
    return reply.type(JSON_TYPE).send(answer(ctx, q, fullText(ctx, q)))
  })

  app.get('/search/neural_code', { schema: { querystring: query } }, async (request, reply) => {
    const q = request.query.query ?? ''
    const matches = q.trim() === '' ? [] : ctx.engine.match(q, LIMIT)
    const similar = ctx.store.getAssets(matches.map((m) => m.assetId))
    const similarity = new Map(matches.map((m) => [m.assetId, m.similarity]))
    const hits: Hit[] = similar.map((asset) => ({
      asset,
      score: similarity.get(asset.id) ?? 0,
      match: 'FUZZY',
    }))
    const seen = new Set(hits.map((h) => h.asset.id))
    for (const hit of fullText(ctx, q)) {
      if (hits.length >= LIMIT) break
      if (!seen.has(hit.asset.id)) hits.push({ ...hit, score: 0 })
    }
    return reply.type(JSON_TYPE).send(answer(ctx, q, hits))
  })
}
