import { Type, type Static } from 'typebox'
import { GroupedTimestamp, schemaMember } from './common'
import {
  ApplicationNameEnum,
  CapabilitiesEnum,
  MechanismEnum,
  PlatformEnum,
  PrivacyEnum,
} from './enums'

// /connect request and response (spec §6.1, §6.2).

const Count = Type.Optional(Type.Integer({ minimum: 0 }))

export const SeededAssetEnrichment = Type.Object({
  ...schemaMember,
  tags: Count,
  websites: Count,
  persons: Count,
  hints: Count,
})
export type SeededAssetEnrichment = Static<typeof SeededAssetEnrichment>

export const SeededTrackedApplication = Type.Object({
  ...schemaMember,
  name: ApplicationNameEnum,
  version: Type.String(),
  platform: PlatformEnum,
  capabilities: Type.Optional(CapabilitiesEnum),
  privacy: Type.Optional(PrivacyEnum),
  automaticUnload: Type.Optional(Type.Boolean()),
  enrichment: Type.Optional(SeededAssetEnrichment),
  /** Added by the 5.0.0 SDKs (MCP client names). */
  descriptor: Type.Optional(Type.String()),
})
export type SeededTrackedApplication = Static<typeof SeededTrackedApplication>

export const SeededConnectorConnection = Type.Object({
  ...schemaMember,
  application: SeededTrackedApplication,
})
export type SeededConnectorConnection = Static<typeof SeededConnectorConnection>

export const Application = Type.Object({
  ...schemaMember,
  id: Type.String(),
  name: ApplicationNameEnum,
  version: Type.String(),
  platform: PlatformEnum,
  onboarded: Type.Boolean(),
  privacy: PrivacyEnum,
  capabilities: Type.Optional(CapabilitiesEnum),
  mechanism: Type.Optional(MechanismEnum),
  automaticUnload: Type.Optional(Type.Boolean()),
  enrichment: Type.Optional(SeededAssetEnrichment),
  descriptor: Type.Optional(Type.String()),
})
export type Application = Static<typeof Application>

export const OSHealth = Type.Object({
  ...schemaMember,
  id: Type.String(),
  version: Type.String(),
})
export type OSHealth = Static<typeof OSHealth>

export const Health = Type.Object({
  ...schemaMember,
  os: OSHealth,
})
export type Health = Static<typeof Health>

/** Present only when a user is signed in; a local connector omits it. */
export const UserProfile = Type.Object({
  ...schemaMember,
  id: Type.String(),
  aesthetics: Type.Object({
    theme: Type.Object({ dark: Type.Boolean() }),
    font: Type.Object({ size: Type.Integer() }),
  }),
  email: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
  username: Type.Optional(Type.String()),
  picture: Type.Optional(Type.String()),
  created: Type.Optional(GroupedTimestamp),
  updated: Type.Optional(GroupedTimestamp),
})
export type UserProfile = Static<typeof UserProfile>

export const Context = Type.Object({
  ...schemaMember,
  os: Type.String(),
  application: Application,
  health: Health,
  user: Type.Optional(UserProfile),
})
export type Context = Static<typeof Context>
