import { Type, type Static } from 'typebox'
import { GroupedTimestamp, schemaMember } from './common'
import { Application } from './connect'
import { FileFormat, Format } from './asset'
import { OpenEnum } from './enums'
import { SeededAssetMetadata, SeededFormat } from './seeds'

// The slice of the Pieces OS API beyond the Connector API that Pieces integrations (the CLI, the
// editor plugins, the SDKs' wrappers) use to save, list, read, search, edit, tag and export.

/** `SeededAsset`: what `/assets/create` saves; `application` says who saves it. */
export const SeededAsset = Type.Object({
  ...schemaMember,
  metadata: Type.Optional(SeededAssetMetadata),
  application: Type.Object({ id: Type.String() }),
  format: SeededFormat,
  discovered: Type.Optional(Type.Boolean()),
  pseudo: Type.Optional(Type.Boolean()),
  demo: Type.Optional(Type.Boolean()),
})
export type SeededAsset = Static<typeof SeededAsset>

/** `POST /assets/create` body. Only an asset seed can be saved here. */
export const Seed = Type.Object({
  ...schemaMember,
  asset: Type.Optional(SeededAsset),
  type: Type.Optional(
    OpenEnum(['UNKNOWN', 'SEEDED_FORMAT', 'SEEDED_ASSET'] as const, 'SeedTypeEnum'),
  ),
})
export type Seed = Static<typeof Seed>

/** `POST /tags/create` body. */
export const SeededTag = Type.Object({
  ...schemaMember,
  text: Type.String({ minLength: 1, maxLength: 200 }),
  asset: Type.Optional(Type.String()),
  mechanism: Type.Optional(Type.String()),
  category: Type.Optional(Type.String()),
})
export type SeededTag = Static<typeof SeededTag>

/** `POST /tags/exists` body: the text to look for. */
export const ExistentMetadata = Type.Object({ ...schemaMember, value: Type.String() })
export type ExistentMetadata = Static<typeof ExistentMetadata>

/** `POST /tag/update` body: a Tag, of which the connector applies the text. */
export const TagTextUpdate = Type.Object({
  ...schemaMember,
  id: Type.String({ minLength: 1 }),
  text: Type.String({ minLength: 1, maxLength: 200 }),
})
export type TagTextUpdate = Static<typeof TagTextUpdate>

const TextPart = Type.Object({
  string: Type.Optional(Type.Object({ raw: Type.Optional(Type.String()) })),
  bytes: Type.Optional(
    Type.Object({ raw: Type.Optional(Type.Array(Type.Integer({ minimum: 0, maximum: 255 }))) }),
  ),
})

/** `POST /format/update/value` body: a Format whose fragment or file holds the new text. */
export const FormatValueUpdate = Type.Object({
  ...schemaMember,
  id: Type.String({ minLength: 1 }),
  fragment: Type.Optional(TextPart),
  file: Type.Optional(TextPart),
})
export type FormatValueUpdate = Static<typeof FormatValueUpdate>

/** `GET /asset/{id}/export?export_type=` answer. */
export const ExportedAsset = Type.Object({
  name: Type.String(),
  description: Type.String(),
  created: GroupedTimestamp,
  raw: FileFormat,
})
export type ExportedAsset = Static<typeof ExportedAsset>

/** `GET /format/{id}` answers a Format; re-exported here under the route's name. */
export const FormatSnapshot = Format
export type FormatSnapshot = Static<typeof FormatSnapshot>

/** `GET /applications` answer. */
export const Applications = Type.Object({ ...schemaMember, iterable: Type.Array(Application) })
export type Applications = Static<typeof Applications>

/** One change the identifier streams announce: `{ asset: { id } }`, `deleted` when it went. */
export const StreamedIdentifier = Type.Object({
  asset: Type.Optional(Type.Object({ id: Type.String() })),
  tag: Type.Optional(Type.Object({ id: Type.String() })),
  deleted: Type.Optional(Type.Boolean()),
})
export const StreamedIdentifiers = Type.Object({
  ...schemaMember,
  iterable: Type.Array(StreamedIdentifier),
})
export type StreamedIdentifiers = Static<typeof StreamedIdentifiers>
