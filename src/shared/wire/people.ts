import { Type, type Static } from 'typebox'
import { GroupedTimestamp, schemaMember } from './common'
import { OpenEnum } from './enums'

// Who and where of an asset (spec Appendix A: Person, Share): the embedded connector puts the
// teammate who saved a team library snippet in `persons`, and the team library in `shares`.

export const PersonBasicType = Type.Object({
  ...schemaMember,
  username: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
  picture: Type.Optional(Type.String()),
  email: Type.Optional(Type.String()),
  url: Type.Optional(Type.String()),
})
export type PersonBasicType = Static<typeof PersonBasicType>

export const Person = Type.Object({
  ...schemaMember,
  id: Type.String(),
  created: GroupedTimestamp,
  updated: GroupedTimestamp,
  deleted: Type.Optional(GroupedTimestamp),
  type: Type.Object({ ...schemaMember, basic: Type.Optional(PersonBasicType) }),
  interactions: Type.Optional(Type.Integer()),
})
export type Person = Static<typeof Person>

export const Persons = Type.Object({ ...schemaMember, iterable: Type.Array(Person) })
export type Persons = Static<typeof Persons>

export const AccessEnum = OpenEnum(['UNKNOWN', 'PUBLIC', 'PRIVATE'] as const, 'AccessEnum')

export const Accessor = Type.Object({
  ...schemaMember,
  id: Type.String(),
  os: Type.String(),
  share: Type.String(),
  count: Type.Integer(),
})

export const Share = Type.Object({
  ...schemaMember,
  id: Type.String(),
  user: Type.Optional(Type.String()),
  link: Type.String(),
  access: AccessEnum,
  accessors: Type.Object({ ...schemaMember, iterable: Type.Array(Accessor) }),
  created: GroupedTimestamp,
  short: Type.String(),
  name: Type.Optional(Type.String()),
})
export type Share = Static<typeof Share>

export const Shares = Type.Object({ ...schemaMember, iterable: Type.Array(Share) })
export type Shares = Static<typeof Shares>
