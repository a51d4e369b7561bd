import { Type, type Static } from 'typebox'
import { OpenEnum } from './enums'

export const EmbeddedModelSchema = Type.Object({
  migration: Type.Integer(),
  semantic: OpenEnum(['UNKNOWN', 'MAJOR_0_MINOR_0_PATCH_1'] as const, 'semantic version'),
})
export type EmbeddedModelSchema = Static<typeof EmbeddedModelSchema>

/** The optional `schema` member that every model of the API carries. */
export const schemaMember = { schema: Type.Optional(EmbeddedModelSchema) }

/** An ISO-8601 date-time (clients send `…Z` or `…+00:00`, with or without fractions). */
export const DateTimeString = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?$',
})

export const GroupedTimestamp = Type.Object({
  ...schemaMember,
  value: DateTimeString,
  readable: Type.Optional(Type.String()),
})
export type GroupedTimestamp = Static<typeof GroupedTimestamp>

export const Score = Type.Object({
  ...schemaMember,
  manual: Type.Integer(),
  automatic: Type.Integer(),
  priority: Type.Optional(Type.Integer()),
  reuse: Type.Optional(Type.Integer()),
  update: Type.Optional(Type.Integer()),
  reference: Type.Optional(Type.Integer()),
  searched: Type.Optional(Type.Integer()),
})
export type Score = Static<typeof Score>

/** `{ id, reference? }` pointers used by the flattened models. */
export const ReferencedById = Type.Object({
  ...schemaMember,
  id: Type.String(),
  reference: Type.Optional(Type.Unknown()),
})
export type ReferencedById = Static<typeof ReferencedById>
