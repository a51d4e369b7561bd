import { setTimeout as delay } from 'node:timers/promises'
import { Type } from 'typebox'
import { FormatValueUpdate, Seed, type ExportedAsset } from '../../../shared/wire'
import type { ConnectorApp } from '../app-type'
import { react, renderAssets, type ServiceContext } from '../connector-service'
import { BadRequestError, NotFoundError } from '../errors'
import { assetHtml, assetMarkdown } from '../pieces-models'
import { applicationFor, assetOrGone, replaceAssetText } from '../pieces-library'
import type { AssetChanges } from '../streams/asset-changes'
import { MODEL_SCHEMA } from '../wire-models'

const JSON_TYPE = 'application/json; charset=utf-8'
const assetParams = Type.Object({ asset: Type.String() })
const formatParams = Type.Object({ format: Type.String() })
/** How long a save waits for stream clients to fetch the new asset (they usually take ms). */
const READ_WAIT_MS = 1000
const PARSE_GRACE_MS = 100

function textOf(part: { string?: { raw?: string }; bytes?: { raw?: number[] } } | undefined) {
  if (typeof part?.string?.raw === 'string') return part.string.raw
  if (Array.isArray(part?.bytes?.raw))
    return new TextDecoder().decode(Uint8Array.from(part.bytes.raw))
  return undefined
}

/**
 * The AssetsApi / AssetApi / FormatApi routes Pieces integrations save, read, edit and export
 * with. A save goes through the same path as a save from the tray (/reaction): secrets
 * redacted, language and name enriched, fingerprinted for reuse. The assets websocket hears of
 * it before this answers.
 */
export function registerPiecesAssetsRoutes(
  app: ConnectorApp,
  ctx: ServiceContext,
  changes: AssetChanges,
): void {
  app.post(
    '/assets/create',
    { schema: { body: Seed }, config: { model: 'Seed' } },
    async (request, reply) => {
      const seeded = request.body.asset
      if (!seeded) throw new BadRequestError('The seed needs an asset (type SEEDED_ASSET).')
      const owner = applicationFor(ctx, seeded.application)
      const { metadata, format } = seeded
      const id = await react(ctx, owner, {
        save: true,
        seed: { asset: { ...(metadata && { metadata }), format } },
      })
      await changes.settled()
      // A client that read the new asset still has to parse it into its cache (the Python SDK's
      // pydantic models take a while) before the caller looks it up there.
      if (await changes.readByListeners(id, READ_WAIT_MS)) await delay(PARSE_GRACE_MS)
      return reply.type(JSON_TYPE).send(assetOrGone(ctx, id))
    },
  )

  app.get('/assets/identifiers', async (_request, reply) =>
    reply.type(JSON_TYPE).send({
      schema: MODEL_SCHEMA,
      iterable: ctx.store.pieces.listAssetIds().map((id) => ({ schema: MODEL_SCHEMA, id })),
    }),
  )

  app.get(
    '/asset/:asset',
    {
      schema: { params: assetParams },
      onResponse: async (request) => changes.noteRead(request.params.asset),
    },
    async (request, reply) => reply.type(JSON_TYPE).send(assetOrGone(ctx, request.params.asset)),
  )

  app.get('/asset/:asset/formats', { schema: { params: assetParams } }, async (request, reply) =>
    reply.type(JSON_TYPE).send({
      schema: MODEL_SCHEMA,
      iterable: assetOrGone(ctx, request.params.asset).formats.iterable,
    }),
  )

  app.get(
    '/asset/:asset/export',
    {
      schema: {
        params: assetParams,
        querystring: Type.Object({ export_type: Type.Optional(Type.String()) }),
      },
    },
    async (request, reply) => {
      const asset = assetOrGone(ctx, request.params.asset)
      const kind = (request.query.export_type ?? 'MD').toUpperCase()
      if (kind !== 'MD' && kind !== 'HTML') {
        throw new BadRequestError(`export_type must be MD or HTML, not ${kind}.`)
      }
      const body: ExportedAsset = {
        name: asset.name ?? '',
        description: asset.annotations?.iterable.find((a) => a.type === 'DESCRIPTION')?.text ?? '',
        created: asset.created,
        raw: { string: { raw: kind === 'MD' ? assetMarkdown(asset) : assetHtml(asset) } },
      }
      return reply.type(JSON_TYPE).send(body)
    },
  )

  const formatOf = (formatId: string) => {
    const assetId = ctx.store.pieces.assetIdOfFormat(formatId)
    const asset = assetId ? ctx.store.getAsset(assetId) : undefined
    const format = asset && renderAssets(ctx, [asset])[0]?.formats.iterable[0]
    if (!format) throw new NotFoundError(`No format with id ${formatId}.`)
    return format
  }

  app.get('/format/:format', { schema: { params: formatParams } }, async (request, reply) =>
    reply.type(JSON_TYPE).send(formatOf(request.params.format)),
  )

  app.post(
    '/format/update/value',
    { schema: { body: FormatValueUpdate }, config: { model: 'Format' } },
    async (request, reply) => {
      const { id, fragment, file } = request.body
      const text = textOf(fragment) ?? textOf(file)
      if (text === undefined) {
        throw new BadRequestError(
          'The format needs fragment.string.raw (or file) with the new text.',
        )
      }
      const assetId = ctx.store.pieces.assetIdOfFormat(id)
      if (!assetId) throw new NotFoundError(`No format with id ${id}.`)
      replaceAssetText(ctx, assetId, text)
      await changes.settled()
      return reply.type(JSON_TYPE).send(formatOf(id))
    },
  )
}
