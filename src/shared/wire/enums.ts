import { Type, type Static, type TUnsafe } from 'typebox'
import {
  CLASSIFICATION_SPECIFICS,
  type KnownClassificationSpecific,
} from './classification-specific'
import {
  ANNOTATION_TYPES,
  APPLICATION_NAMES,
  CAPABILITIES,
  CLASSIFICATION_GENERICS,
  CLASSIFICATION_RENDERINGS,
  MECHANISMS,
  PLATFORMS,
  PRIVACIES,
  ROLES,
  SENSITIVE_CATEGORIES,
  SENSITIVE_SEVERITIES,
  TAG_CATEGORIES,
} from './enum-values'

export * from './enum-values'
export { CLASSIFICATION_SPECIFICS, type KnownClassificationSpecific }

/** Shape of every enum value the API uses: upper snake case (`VS_CODE`, `MCP_CLIENT`). */
export const ENUM_VALUE_PATTERN = '^[A-Z][A-Z0-9_]*$'

/**
 * An enum that stays open to values added by newer SDKs (spec §3.3 and §5 ask servers to accept
 * them): the schema checks the upper-snake-case shape, the static type offers the known values
 * while still admitting any string.
 */
export function OpenEnum<const Values extends readonly string[]>(
  _values: Values,
  description: string,
): TUnsafe<Values[number] | (string & {})> {
  return Type.Unsafe<Values[number] | (string & {})>(
    Type.String({ pattern: ENUM_VALUE_PATTERN, description }),
  )
}

export const ApplicationNameEnum = OpenEnum(APPLICATION_NAMES, 'ApplicationNameEnum')
export type ApplicationNameEnum = Static<typeof ApplicationNameEnum>
export const PlatformEnum = OpenEnum(PLATFORMS, 'PlatformEnum')
export type PlatformEnum = Static<typeof PlatformEnum>
export const CapabilitiesEnum = OpenEnum(CAPABILITIES, 'CapabilitiesEnum')
export type CapabilitiesEnum = Static<typeof CapabilitiesEnum>
export const PrivacyEnum = OpenEnum(PRIVACIES, 'PrivacyEnum')
export type PrivacyEnum = Static<typeof PrivacyEnum>
export const MechanismEnum = OpenEnum(MECHANISMS, 'MechanismEnum')
export type MechanismEnum = Static<typeof MechanismEnum>
export const ClassificationGenericEnum = OpenEnum(
  CLASSIFICATION_GENERICS,
  'ClassificationGenericEnum',
)
export type ClassificationGenericEnum = Static<typeof ClassificationGenericEnum>
export const ClassificationRenderingEnum = OpenEnum(
  CLASSIFICATION_RENDERINGS,
  'ClassificationRenderingEnum',
)
export type ClassificationRenderingEnum = Static<typeof ClassificationRenderingEnum>
export const Role = OpenEnum(ROLES, 'Role')
export type Role = Static<typeof Role>
export const TagCategoryEnum = OpenEnum(TAG_CATEGORIES, 'TagCategoryEnum')
export type TagCategoryEnum = Static<typeof TagCategoryEnum>
export const SensitiveCategoryEnum = OpenEnum(SENSITIVE_CATEGORIES, 'SensitiveCategoryEnum')
export type SensitiveCategoryEnum = Static<typeof SensitiveCategoryEnum>
export const SensitiveSeverityEnum = OpenEnum(SENSITIVE_SEVERITIES, 'SensitiveSeverityEnum')
export type SensitiveSeverityEnum = Static<typeof SensitiveSeverityEnum>
export const AnnotationTypeEnum = OpenEnum(ANNOTATION_TYPES, 'AnnotationTypeEnum')
export type AnnotationTypeEnum = Static<typeof AnnotationTypeEnum>

/**
 * File extension or language id (`py`, `ts`, `Cargo.lock`, `hljs-1c`…). Mixed case, dots and
 * dashes occur, so only the length is checked; CLASSIFICATION_SPECIFICS lists the known values.
 */
export const ClassificationSpecificEnum = Type.Unsafe<KnownClassificationSpecific | (string & {})>(
  Type.String({ minLength: 1, maxLength: 100, description: 'ClassificationSpecificEnum' }),
)
export type ClassificationSpecificEnum = Static<typeof ClassificationSpecificEnum>
