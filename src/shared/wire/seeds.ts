import { Type, type Static } from 'typebox'
import { ReferencedById, schemaMember } from './common'
import {
  AnnotationTypeEnum,
  ClassificationGenericEnum,
  ClassificationRenderingEnum,
  ClassificationSpecificEnum,
  MechanismEnum,
  OpenEnum,
  PlatformEnum,
  SensitiveCategoryEnum,
  SensitiveSeverityEnum,
  TagCategoryEnum,
} from './enums'

// Request building blocks of /intention, /suggestion and /reaction (spec §6.3). Objects accept
// unknown extra keys; deep members that a connector does not interpret are typed loosely.

export const TransferableString = Type.Object({
  ...schemaMember,
  raw: Type.Optional(Type.String()),
  base64: Type.Optional(Type.String()),
  base64_url: Type.Optional(Type.String()),
  data_url: Type.Optional(Type.String()),
})
export type TransferableString = Static<typeof TransferableString>

const ByteArray = Type.Array(Type.Integer({ minimum: 0, maximum: 255 }))

export const TransferableBytes = Type.Object({
  ...schemaMember,
  raw: Type.Optional(ByteArray),
  base64: Type.Optional(ByteArray),
  base64_url: Type.Optional(ByteArray),
  data_url: Type.Optional(ByteArray),
})
export type TransferableBytes = Static<typeof TransferableBytes>

export const FragmentMetadata = Type.Object({
  ...schemaMember,
  ext: Type.Optional(ClassificationSpecificEnum),
})
export type FragmentMetadata = Static<typeof FragmentMetadata>

export const FileMetadata = Type.Object({
  ...schemaMember,
  name: Type.Optional(Type.String()),
  ext: Type.Optional(ClassificationSpecificEnum),
  size: Type.Optional(Type.Integer({ minimum: 0 })),
})
export type FileMetadata = Static<typeof FileMetadata>

export const SeededClassification = Type.Object({
  ...schemaMember,
  generic: Type.Optional(ClassificationGenericEnum),
  specific: Type.Optional(ClassificationSpecificEnum),
  rendering: Type.Optional(ClassificationRenderingEnum),
})
export type SeededClassification = Static<typeof SeededClassification>

export const SeededFragment = Type.Object({
  ...schemaMember,
  string: Type.Optional(TransferableString),
  bytes: Type.Optional(TransferableBytes),
  metadata: Type.Optional(FragmentMetadata),
})
export type SeededFragment = Static<typeof SeededFragment>

export const SeededFile = Type.Object({
  ...schemaMember,
  bytes: Type.Optional(TransferableBytes),
  string: Type.Optional(TransferableString),
  metadata: Type.Optional(FileMetadata),
})
export type SeededFile = Static<typeof SeededFile>

/** Exactly one of `file` / `fragment` must be present; servers check that beyond the schema. */
export const SeededFormat = Type.Object({
  ...schemaMember,
  file: Type.Optional(SeededFile),
  fragment: Type.Optional(SeededFragment),
  classification: Type.Optional(SeededClassification),
})
export type SeededFormat = Static<typeof SeededFormat>

export const SeededAssetTag = Type.Object({
  ...schemaMember,
  text: Type.String(),
  mechanism: Type.Optional(MechanismEnum),
  category: Type.Optional(TagCategoryEnum),
})
export type SeededAssetTag = Static<typeof SeededAssetTag>

export const SeededAssetWebsite = Type.Object({
  ...schemaMember,
  url: Type.String(),
  name: Type.String(),
  mechanism: Type.Optional(MechanismEnum),
})
export type SeededAssetWebsite = Static<typeof SeededAssetWebsite>

export const SeededAssetSensitive = Type.Object({
  ...schemaMember,
  text: Type.String(),
  mechanism: Type.Optional(MechanismEnum),
  category: SensitiveCategoryEnum,
  severity: SensitiveSeverityEnum,
  name: Type.String(),
  description: Type.String(),
  metadata: Type.Optional(Type.Object({})),
})
export type SeededAssetSensitive = Static<typeof SeededAssetSensitive>

/** Needs at least one of `basic` / `platform` per the model docs; not enforced here. */
export const SeededPerson = Type.Object({
  ...schemaMember,
  asset: Type.Optional(Type.String()),
  mechanism: Type.Optional(MechanismEnum),
  access: Type.Optional(Type.Object({})),
  type: Type.Object({
    basic: Type.Optional(Type.Object({})),
    platform: Type.Optional(Type.Object({})),
  }),
  model: Type.Optional(Type.Object({})),
  annotations: Type.Optional(Type.Array(Type.Object({}))),
  anchors: Type.Optional(Type.Object({})),
})
export type SeededPerson = Static<typeof SeededPerson>

export const SeededAnnotation = Type.Object({
  ...schemaMember,
  mechanism: Type.Optional(MechanismEnum),
  asset: Type.Optional(Type.String()),
  person: Type.Optional(Type.String()),
  type: AnnotationTypeEnum,
  text: Type.String(),
  model: Type.Optional(Type.String()),
  pseudo: Type.Optional(Type.Boolean()),
  favorited: Type.Optional(Type.Boolean()),
  anchor: Type.Optional(Type.String()),
  conversation: Type.Optional(Type.String()),
})
export type SeededAnnotation = Static<typeof SeededAnnotation>

export const SeededHint = Type.Object({
  ...schemaMember,
  mechanism: Type.Optional(MechanismEnum),
  asset: Type.Optional(Type.String()),
  type: OpenEnum(['UNKNOWN', 'SUGGESTED_QUERY', 'QGPT_HINT'] as const, 'HintTypeEnum'),
  text: Type.String(),
  model: Type.Optional(Type.String()),
})
export type SeededHint = Static<typeof SeededHint>

export const SeededAnchor = Type.Object({
  ...schemaMember,
  type: OpenEnum(['UNKNOWN', 'FILE', 'DIRECTORY'] as const, 'AnchorTypeEnum'),
  watch: Type.Optional(Type.Boolean()),
  fullpath: Type.String(),
  asset: Type.Optional(Type.String()),
  platform: Type.Optional(PlatformEnum),
  name: Type.Optional(Type.String()),
})
export type SeededAnchor = Static<typeof SeededAnchor>

export const SeededAssetMetadata = Type.Object({
  ...schemaMember,
  name: Type.Optional(Type.String()),
  mechanism: Type.Optional(MechanismEnum),
  tags: Type.Optional(Type.Array(SeededAssetTag)),
  websites: Type.Optional(Type.Array(SeededAssetWebsite)),
  sensitives: Type.Optional(Type.Array(SeededAssetSensitive)),
  persons: Type.Optional(Type.Array(SeededPerson)),
  annotations: Type.Optional(Type.Array(SeededAnnotation)),
  hints: Type.Optional(Type.Array(SeededHint)),
  anchors: Type.Optional(Type.Array(SeededAnchor)),
})
export type SeededAssetMetadata = Static<typeof SeededAssetMetadata>

export const SeededConnectorAsset = Type.Object({
  ...schemaMember,
  metadata: Type.Optional(SeededAssetMetadata),
  format: SeededFormat,
})
export type SeededConnectorAsset = Static<typeof SeededConnectorAsset>

export const SeededConnectorCreation = Type.Object({
  ...schemaMember,
  asset: Type.Optional(SeededConnectorAsset),
})
export type SeededConnectorCreation = Static<typeof SeededConnectorCreation>

/** `{ id }` reference to an asset, as tracked events carry it. */
export const ReferencedAsset = ReferencedById
export type ReferencedAsset = Static<typeof ReferencedAsset>
