import { Type, type Static } from 'typebox'
import { schemaMember } from './common'
import { Asset } from './asset'
import { AnnotationTypeEnum, ClassificationSpecificEnum, OpenEnum } from './enums'

// The slice of the AssetsApi / AssetApi that the tray's library view uses.

export const SearchedMatchEnum = OpenEnum(
  [
    'UNKNOWN',
    'TITLE',
    'ANNOTATION',
    'HINT',
    'CONTENT',
    'FUZZY',
    'MULTIPLE',
    'TAGS',
    'WEBSITES',
    'PERSONS',
  ] as const,
  'SearchedMatchEnum',
)
export type SearchedMatchEnum = Static<typeof SearchedMatchEnum>

export const SearchedAsset = Type.Object({
  ...schemaMember,
  asset: Type.Optional(Asset),
  exact: Type.Boolean(),
  score: Type.Number(),
  match: SearchedMatchEnum,
  identifier: Type.String(),
  pseudo: Type.Optional(Type.Boolean()),
})
export type SearchedAsset = Static<typeof SearchedAsset>

/** `GET /assets/search?query=` answer, best match first. */
export const SearchedAssets = Type.Object({
  ...schemaMember,
  iterable: Type.Array(SearchedAsset),
  suggested: Type.Integer(),
  exact: Type.Integer(),
})
export type SearchedAssets = Static<typeof SearchedAssets>

/**
 * `POST /asset/update` body: an Asset, of which the connector applies `name`, `tags` (by text) and
 * the `DESCRIPTION` annotation. Everything else may be present (the SDK sends the whole Asset)
 * and is ignored, so only those members are checked.
 */
export const AssetUpdate = Type.Object({
  ...schemaMember,
  id: Type.String({ minLength: 1 }),
  name: Type.Optional(Type.String()),
  tags: Type.Optional(
    Type.Object({ iterable: Type.Array(Type.Object({ text: Type.String({ minLength: 1 }) })) }),
  ),
  annotations: Type.Optional(
    Type.Object({
      iterable: Type.Array(Type.Object({ type: AnnotationTypeEnum, text: Type.String() })),
    }),
  ),
})
export type AssetUpdate = Static<typeof AssetUpdate>

/**
 * `POST /asset/reclassify` body: the asset's new language (`ext`) and the asset. The SDK sends the
 * whole Asset; the connector reads its `id` only.
 */
export const AssetReclassification = Type.Object({
  ...schemaMember,
  ext: ClassificationSpecificEnum,
  asset: Type.Object({ id: Type.String({ minLength: 1 }) }),
})
export type AssetReclassification = Static<typeof AssetReclassification>
