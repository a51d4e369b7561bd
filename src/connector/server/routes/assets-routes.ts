import { Type } from 'typebox'
import { AssetReclassification, AssetUpdate, type SearchedAssets } from '../../../shared/wire'
import type { ConnectorApp } from '../app-type'
import { renderAssets, type ServiceContext } from '../connector-service'
import { genericOf } from '../engine'
import { NotFoundError } from '../errors'
import { redactText } from '../redact-metadata'
import type { AssetPatch } from '../storage'
import { MODEL_SCHEMA } from '../wire-models'

const JSON_TYPE = 'application/json; charset=utf-8'
const assetParams = Type.Object({ asset: Type.String() })
const SEARCH_LIMIT = 50

/**
 * The AssetsApi / AssetApi routes the tray's library uses, at the official SDK's paths:
 * snapshot, one asset, search, delete, update and reclassify (a corrected language).
 */
export function registerAssetsRoutes(app: ConnectorApp, ctx: ServiceContext): void {
  const one = (id: string) => {
    const asset = ctx.store.getAsset(id)
    const [wire] = asset ? renderAssets(ctx, [asset]) : []
    if (!wire) throw new NotFoundError(`No asset with id ${id}.`)
    return wire
  }

  app.get('/assets', async (_request, reply) =>
    reply
      .type(JSON_TYPE)
      .send({ schema: MODEL_SCHEMA, iterable: renderAssets(ctx, ctx.store.listAssets()) }),
  )

  app.get(
    '/assets/search',
    { schema: { querystring: Type.Object({ query: Type.Optional(Type.String()) }) } },
    async (request, reply) => {
      const hits = ctx.store.searchAssets(request.query.query ?? '', SEARCH_LIMIT)
      const wire = renderAssets(
        ctx,
        hits.map((h) => h.asset),
      )
      const body: SearchedAssets = {
        schema: MODEL_SCHEMA,
        iterable: wire.map((asset, i) => ({
          asset,
          exact: false,
          score: hits[i]?.score ?? 0,
          match: 'CONTENT',
          identifier: asset.id,
        })),
        suggested: wire.length,
        exact: 0,
      }
      return reply.type(JSON_TYPE).send(body)
    },
  )

  app.get('/assets/:asset', { schema: { params: assetParams } }, async (request, reply) =>
    reply.type(JSON_TYPE).send(one(request.params.asset)),
  )

  app.post('/assets/:asset/delete', { schema: { params: assetParams } }, async (request, reply) => {
    const id = request.params.asset
    if (!ctx.store.deleteAsset(id, ctx.now())) throw new NotFoundError(`No asset with id ${id}.`)
    ctx.engine.remove(id)
    return reply.type('text/plain; charset=utf-8').send(id)
  })

  app.post(
    '/asset/update',
    { schema: { body: AssetUpdate }, config: { model: 'Asset' } },
    async (request, reply) => {
      const { id, name, tags, annotations } = request.body
      const description = annotations?.iterable.find((a) => a.type === 'DESCRIPTION')?.text
      // Names, descriptions and tags are stored less any credential typed into them.
      const clean = (text: string) => redactText(ctx.engine, text).text
      const patch: AssetPatch = {
        ...(name !== undefined && { name: clean(name) }),
        ...(description !== undefined && { description: clean(description) }),
        ...(tags && { tags: [...new Set(tags.iterable.map((t) => clean(t.text.trim())))] }),
      }
      if (!ctx.store.updateAsset(id, patch, ctx.now()))
        throw new NotFoundError(`No asset with id ${id}.`)
      return reply.type(JSON_TYPE).send(one(id))
    },
  )

  app.post(
    '/asset/reclassify',
    { schema: { body: AssetReclassification }, config: { model: 'AssetReclassification' } },
    async (request, reply) => {
      const { ext, asset } = request.body
      const patch: AssetPatch = { language: ext, generic: genericOf(ext) }
      if (!ctx.store.updateAsset(asset.id, patch, ctx.now()))
        throw new NotFoundError(`No asset with id ${asset.id}.`)
      return reply.type(JSON_TYPE).send(one(asset.id))
    },
  )
}
