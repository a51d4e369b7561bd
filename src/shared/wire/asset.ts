import { Type, type Static } from 'typebox'
import { GroupedTimestamp, ReferencedById, Score, schemaMember } from './common'
import { Application } from './connect'
import {
  AnnotationTypeEnum,
  ClassificationGenericEnum,
  ClassificationRenderingEnum,
  ClassificationSpecificEnum,
  MechanismEnum,
  Role,
  SensitiveCategoryEnum,
  SensitiveSeverityEnum,
  TagCategoryEnum,
} from './enums'
import { Persons, Shares } from './people'
import { FragmentMetadata, TransferableBytes, TransferableString } from './seeds'

// The Asset graph of responses (spec §6.4): every required member of Asset, Format,
// FlattenedAsset and the collections a saved snippet uses.

export const Classification = Type.Object({
  ...schemaMember,
  generic: ClassificationGenericEnum,
  specific: ClassificationSpecificEnum,
  rendering: Type.Optional(ClassificationRenderingEnum),
})
export type Classification = Static<typeof Classification>

export const ByteDescriptor = Type.Object({
  ...schemaMember,
  value: Type.Integer({ minimum: 0 }),
  readable: Type.String(),
})
export type ByteDescriptor = Static<typeof ByteDescriptor>

export const ReferencedFormat = ReferencedById
export type ReferencedFormat = Static<typeof ReferencedFormat>

/** `{ iterable: [{ id }] }`: the flattened collections reference their members by id. */
const Flattened = Type.Object({
  ...schemaMember,
  iterable: Type.Array(ReferencedById),
  indices: Type.Optional(Type.Record(Type.String(), Type.Integer())),
})

export const FlattenedAsset = Type.Object({
  ...schemaMember,
  id: Type.String(),
  name: Type.Optional(Type.String()),
  creator: Type.String(),
  created: GroupedTimestamp,
  updated: GroupedTimestamp,
  synced: Type.Optional(GroupedTimestamp),
  deleted: Type.Optional(GroupedTimestamp),
  formats: Type.Object({ ...schemaMember, iterable: Type.Array(ReferencedFormat) }),
  preview: Type.Object({
    ...schemaMember,
    base: Type.String(),
    overlay: Type.Optional(Type.String()),
  }),
  original: Type.String(),
  mechanism: MechanismEnum,
  interacted: Type.Optional(GroupedTimestamp),
  tags: Type.Optional(Flattened),
  sensitives: Type.Optional(Flattened),
  annotations: Type.Optional(Flattened),
  score: Type.Optional(Score),
  favorited: Type.Optional(Type.Boolean()),
  pseudo: Type.Optional(Type.Boolean()),
  demo: Type.Optional(Type.Boolean()),
})
export type FlattenedAsset = Static<typeof FlattenedAsset>

export const FragmentFormat = Type.Object({
  ...schemaMember,
  string: Type.Optional(TransferableString),
  bytes: Type.Optional(TransferableBytes),
  metadata: Type.Optional(FragmentMetadata),
})
export type FragmentFormat = Static<typeof FragmentFormat>

export const FileFormat = Type.Object({
  ...schemaMember,
  bytes: Type.Optional(TransferableBytes),
  string: Type.Optional(TransferableString),
})
export type FileFormat = Static<typeof FileFormat>

export const Format = Type.Object({
  ...schemaMember,
  id: Type.String(),
  creator: Type.String(),
  classification: Classification,
  icon: Type.Optional(Type.String()),
  role: Role,
  application: Application,
  asset: FlattenedAsset,
  bytes: ByteDescriptor,
  created: GroupedTimestamp,
  updated: GroupedTimestamp,
  deleted: Type.Optional(GroupedTimestamp),
  synced: Type.Optional(GroupedTimestamp),
  cloud: Type.Optional(Type.String()),
  fragment: Type.Optional(FragmentFormat),
  file: Type.Optional(FileFormat),
})
export type Format = Static<typeof Format>

export const Formats = Type.Object({ ...schemaMember, iterable: Type.Array(Format) })
export type Formats = Static<typeof Formats>

export const Preview = Type.Object({
  ...schemaMember,
  base: ReferencedFormat,
  overlay: Type.Optional(ReferencedFormat),
})
export type Preview = Static<typeof Preview>

export const Tag = Type.Object({
  ...schemaMember,
  id: Type.String(),
  text: Type.String(),
  mechanisms: Type.Optional(Type.Record(Type.String(), MechanismEnum)),
  assets: Type.Optional(Flattened),
  created: GroupedTimestamp,
  updated: GroupedTimestamp,
  deleted: Type.Optional(GroupedTimestamp),
  category: TagCategoryEnum,
  interactions: Type.Optional(Type.Integer()),
  score: Type.Optional(Score),
})
export type Tag = Static<typeof Tag>

export const Tags = Type.Object({
  ...schemaMember,
  iterable: Type.Array(Tag),
  indices: Type.Optional(Type.Record(Type.String(), Type.Integer())),
  score: Type.Optional(Score),
})
export type Tags = Static<typeof Tags>

export const Sensitive = Type.Object({
  ...schemaMember,
  id: Type.String(),
  created: GroupedTimestamp,
  updated: GroupedTimestamp,
  deleted: Type.Optional(GroupedTimestamp),
  asset: FlattenedAsset,
  /** The matched text; a connector that redacts secrets puts the redaction marker here. */
  text: Type.String(),
  mechanism: MechanismEnum,
  category: SensitiveCategoryEnum,
  severity: SensitiveSeverityEnum,
  name: Type.String(),
  description: Type.String(),
  metadata: Type.Optional(Type.Object({})),
  interactions: Type.Optional(Type.Integer()),
  score: Type.Optional(Score),
})
export type Sensitive = Static<typeof Sensitive>

export const Sensitives = Type.Object({
  ...schemaMember,
  iterable: Type.Array(Sensitive),
  score: Type.Optional(Score),
})
export type Sensitives = Static<typeof Sensitives>

/** An annotation; the asset's description is the one of type `DESCRIPTION`. */
export const Annotation = Type.Object({
  ...schemaMember,
  id: Type.String(),
  created: GroupedTimestamp,
  updated: GroupedTimestamp,
  deleted: Type.Optional(GroupedTimestamp),
  mechanism: Type.Optional(MechanismEnum),
  asset: Type.Optional(ReferencedById),
  type: AnnotationTypeEnum,
  text: Type.String(),
})
export type Annotation = Static<typeof Annotation>

export const Annotations = Type.Object({
  ...schemaMember,
  iterable: Type.Array(Annotation),
  indices: Type.Optional(Type.Record(Type.String(), Type.Integer())),
  score: Type.Optional(Score),
})
export type Annotations = Static<typeof Annotations>

export const Asset = Type.Object({
  ...schemaMember,
  id: Type.String(),
  name: Type.Optional(Type.String()),
  creator: Type.String(),
  created: GroupedTimestamp,
  updated: GroupedTimestamp,
  synced: Type.Optional(GroupedTimestamp),
  deleted: Type.Optional(GroupedTimestamp),
  formats: Formats,
  preview: Preview,
  original: ReferencedFormat,
  mechanism: MechanismEnum,
  interacted: Type.Optional(GroupedTimestamp),
  tags: Type.Optional(Tags),
  sensitives: Type.Optional(Sensitives),
  annotations: Type.Optional(Annotations),
  persons: Type.Optional(Persons),
  shares: Type.Optional(Shares),
  curated: Type.Optional(Type.Boolean()),
  discovered: Type.Optional(Type.Boolean()),
  score: Type.Optional(Score),
  favorited: Type.Optional(Type.Boolean()),
  pseudo: Type.Optional(Type.Boolean()),
  demo: Type.Optional(Type.Boolean()),
})
export type Asset = Static<typeof Asset>

export const Assets = Type.Object({
  ...schemaMember,
  iterable: Type.Array(Asset),
  indices: Type.Optional(Type.Record(Type.String(), Type.Integer())),
  score: Type.Optional(Score),
})
export type Assets = Static<typeof Assets>
