import type {
  Application,
  Asset,
  EmbeddedModelSchema,
  FlattenedAsset,
  Format,
  GroupedTimestamp,
} from '../../shared/wire'
import type { ApplicationRecord, AssetRecord } from './storage'

/** The `schema` marker Pieces OS puts on its models. */
export const MODEL_SCHEMA: EmbeddedModelSchema = {
  migration: 0,
  semantic: 'MAJOR_0_MINOR_0_PATCH_1',
}

/** A person-readable age like Pieces OS shows (`Just now...`, `5 minutes ago`). */
export function readableAge(iso: string, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 1000))
  if (seconds < 60) return 'Just now...'
  const [value, unit] =
    seconds < 3600
      ? [Math.floor(seconds / 60), 'minute']
      : seconds < 86_400
        ? [Math.floor(seconds / 3600), 'hour']
        : [Math.floor(seconds / 86_400), 'day']
  return `${value} ${unit}${value === 1 ? '' : 's'} ago`
}

/** Byte count for people: `31 B`, `2.4 KB`, `1.1 MB`. */
export function readableBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

const stamp = (iso: string, now: Date): GroupedTimestamp => ({
  value: iso,
  readable: readableAge(iso, now),
})

/** The Application model of a stored integration. */
export function toWireApplication(app: ApplicationRecord): Application {
  return {
    schema: MODEL_SCHEMA,
    id: app.id,
    name: app.name,
    version: app.version,
    platform: app.platform,
    onboarded: app.onboarded,
    privacy: app.privacy,
    ...(app.capabilities !== undefined && { capabilities: app.capabilities }),
    mechanism: app.mechanism,
    automaticUnload: app.automaticUnload ?? false,
    ...(app.enrichment !== undefined && { enrichment: app.enrichment }),
    ...(app.descriptor !== undefined && { descriptor: app.descriptor }),
  }
}

function flattened(asset: AssetRecord, now: Date): FlattenedAsset {
  return {
    schema: MODEL_SCHEMA,
    id: asset.id,
    name: asset.name,
    creator: '',
    created: stamp(asset.createdAt, now),
    updated: stamp(asset.updatedAt, now),
    formats: { iterable: [{ id: asset.formatId }] },
    preview: { base: asset.formatId },
    original: asset.formatId,
    mechanism: asset.mechanism,
    ...(asset.lastReusedAt !== undefined && { interacted: stamp(asset.lastReusedAt, now) }),
    ...(asset.tags.length > 0 && { tags: { iterable: asset.tags.map((t) => ({ id: t.id })) } }),
    ...(asset.sensitives.length > 0 && {
      sensitives: { iterable: asset.sensitives.map((s) => ({ id: s.id })) },
    }),
  }
}

function format(
  asset: AssetRecord,
  app: ApplicationRecord,
  flat: FlattenedAsset,
  now: Date,
): Format {
  return {
    schema: MODEL_SCHEMA,
    id: asset.formatId,
    creator: '',
    classification: { generic: asset.generic, specific: asset.language },
    role: 'BOTH',
    application: toWireApplication(app),
    asset: flat,
    bytes: { value: asset.byteSize, readable: readableBytes(asset.byteSize) },
    created: stamp(asset.createdAt, now),
    updated: stamp(asset.updatedAt, now),
    fragment: { string: { raw: asset.text }, metadata: { ext: asset.language } },
  }
}

/**
 * Who saved a team library snippet and where: the teammate in `persons` (not the user's own
 * snippets), the team library in `shares`.
 */
function teamMembers(asset: AssetRecord, now: Date): Pick<Asset, 'persons' | 'shares'> {
  const team = asset.team
  if (!team) return {}
  const created = stamp(asset.createdAt, now)
  return {
    ...(!team.mine && {
      persons: {
        iterable: [
          {
            id: `team-person:${team.owner}`,
            created,
            updated: created,
            type: { basic: { username: team.owner, name: team.ownerName } },
          },
        ],
      },
    }),
    shares: {
      iterable: [
        {
          id: `team-share:${asset.id}`,
          user: team.ownerName,
          link: `team-library:${team.library}`,
          access: 'PRIVATE',
          accessors: { iterable: [] },
          created,
          short: team.library,
          name: team.library,
        },
      ],
    },
  }
}

/** The complete Asset model of a stored snippet (every required member, spec §6.4). */
export function toWireAsset(asset: AssetRecord, app: ApplicationRecord, now: Date): Asset {
  const flat = flattened(asset, now)
  const original = format(asset, app, flat, now)
  // Clients read the snippet's text from `original.reference` / `preview.base.reference`, a
  // FlattenedFormat (the Format with its asset named by id).
  const reference = { id: asset.formatId, reference: { ...original, asset: asset.id } }
  return {
    schema: MODEL_SCHEMA,
    id: asset.id,
    name: asset.name,
    creator: '',
    created: stamp(asset.createdAt, now),
    updated: stamp(asset.updatedAt, now),
    formats: { iterable: [original] },
    preview: { base: reference },
    original: reference,
    mechanism: asset.mechanism,
    ...(asset.lastReusedAt !== undefined && { interacted: stamp(asset.lastReusedAt, now) }),
    score: { manual: 0, automatic: 0, reuse: asset.reuseCount },
    ...teamMembers(asset, now),
    ...(asset.tags.length > 0 && {
      tags: {
        iterable: asset.tags.map((t) => ({
          id: t.id,
          text: t.text,
          created: stamp(t.createdAt, now),
          updated: stamp(t.createdAt, now),
          category: 'UNKNOWN',
          assets: { iterable: [{ id: asset.id }] },
        })),
      },
    }),
    ...(asset.sensitives.length > 0 && {
      sensitives: {
        iterable: asset.sensitives.map((s) => ({
          id: s.id,
          created: stamp(s.createdAt, now),
          updated: stamp(s.createdAt, now),
          asset: flat,
          // Only the redaction marker: the secret itself was never stored.
          text: `<redacted:${s.kind}>`,
          mechanism: 'AUTOMATIC',
          category: s.category,
          severity: s.severity,
          name: s.kind,
          description: s.description,
        })),
      },
    }),
    ...(asset.description !== undefined && {
      annotations: {
        iterable: [
          {
            id: `${asset.id}:description`,
            created: stamp(asset.updatedAt, now),
            updated: stamp(asset.updatedAt, now),
            type: 'DESCRIPTION',
            text: asset.description,
            asset: { id: asset.id },
          },
        ],
      },
    }),
  }
}
