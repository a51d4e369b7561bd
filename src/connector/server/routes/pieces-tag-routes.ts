import { Type } from 'typebox'
import { ExistentMetadata, SeededTag, TagTextUpdate } from '../../../shared/wire'
import type { ConnectorApp } from '../app-type'
import type { ServiceContext } from '../connector-service'
import { BadRequestError, NotFoundError } from '../errors'
import { toWireTag } from '../pieces-models'
import { requireAsset } from '../pieces-library'
import type { LibraryTag } from '../storage'
import { MODEL_SCHEMA } from '../wire-models'

const JSON_TYPE = 'application/json; charset=utf-8'
const tagParams = Type.Object({ tag: Type.String() })
const pairParams = Type.Object({ tag: Type.String(), asset: Type.String() })

/**
 * TagsApi / TagApi: tags are entities with one id per text. Putting a tag on an asset (or taking
 * it off) edits that asset's tag set, so search and the tray see it at once.
 */
export function registerPiecesTagRoutes(app: ConnectorApp, ctx: ServiceContext): void {
  const { pieces } = ctx.store
  const tagOr404 = (id: string): LibraryTag => {
    const tag = pieces.getTag(id)
    if (!tag) throw new NotFoundError(`No tag with id ${id}.`)
    return tag
  }
  const tagsOf = (assetId: string) => ctx.store.getAsset(assetId)?.tags.map((t) => t.text) ?? []
  const setOn = (assetId: string, text: string, on: boolean) => {
    requireAsset(ctx, assetId)
    const rest = tagsOf(assetId).filter((t) => t !== text)
    ctx.store.updateAsset(assetId, { tags: on ? [...rest, text] : rest }, ctx.now())
  }
  const send = (reply: { type(t: string): { send(b: unknown): unknown } }, tag: LibraryTag) =>
    reply.type(JSON_TYPE).send(toWireTag(tag, ctx.now()))

  app.get('/tags', async (_request, reply) =>
    reply.type(JSON_TYPE).send({
      schema: MODEL_SCHEMA,
      iterable: pieces.listTags().map((t) => toWireTag(t, ctx.now())),
    }),
  )

  app.post(
    '/tags/exists',
    { schema: { body: ExistentMetadata }, config: { model: 'ExistentMetadata' } },
    async (request, reply) => {
      const tag = pieces.findTag(request.body.value.trim())
      return reply
        .type(JSON_TYPE)
        .send({ schema: MODEL_SCHEMA, ...(tag && { tag: { schema: MODEL_SCHEMA, id: tag.id } }) })
    },
  )

  app.post(
    '/tags/create',
    { schema: { body: SeededTag }, config: { model: 'SeededTag' } },
    async (request, reply) => {
      const text = request.body.text.trim()
      const created = pieces.createTag(text, ctx.now())
      if (request.body.asset !== undefined) setOn(request.body.asset, text, true)
      return send(reply, pieces.getTag(created.id) ?? created)
    },
  )

  app.get('/tag/:tag', { schema: { params: tagParams } }, async (request, reply) =>
    send(reply, tagOr404(request.params.tag)),
  )

  app.post(
    '/tag/update',
    { schema: { body: TagTextUpdate }, config: { model: 'Tag' } },
    async (request, reply) => {
      const tag = tagOr404(request.body.id)
      const text = request.body.text.trim()
      if (text !== tag.text) {
        if (pieces.findTag(text)) {
          throw new BadRequestError(`A tag "${text}" exists already; put that one on the assets.`)
        }
        pieces.renameTag(tag.id, text, ctx.now())
        for (const assetId of tag.assetIds) {
          const renamed = tagsOf(assetId).map((t) => (t === tag.text ? text : t))
          ctx.store.updateAsset(assetId, { tags: renamed }, ctx.now())
        }
      }
      return send(reply, tagOr404(tag.id))
    },
  )

  app.post('/tags/:tag/delete', { schema: { params: tagParams } }, async (request, reply) => {
    const tag = tagOr404(request.params.tag)
    for (const assetId of tag.assetIds) setOn(assetId, tag.text, false)
    pieces.removeTag(tag.id)
    return reply.code(204).send()
  })

  const associate =
    (on: boolean) =>
    async (
      request: { params: { tag: string; asset: string } },
      reply: { code(c: number): { send(): unknown } },
    ) => {
      setOn(request.params.asset, tagOr404(request.params.tag).text, on)
      return reply.code(204).send()
    }
  const pair = { schema: { params: pairParams } }
  app.post('/tag/:tag/assets/associate/:asset', pair, associate(true))
  app.post('/tag/:tag/assets/disassociate/:asset', pair, associate(false))
  app.post('/asset/:asset/tags/associate/:tag', pair, associate(true))
  app.post('/asset/:asset/tags/disassociate/:tag', pair, associate(false))
}
