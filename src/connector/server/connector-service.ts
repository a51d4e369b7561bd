import type {
  Context,
  Reaction,
  SeededConnectorAsset,
  SeededConnectorConnection,
  SeededConnectorCreation,
  SeededConnectorTracking,
  Suggestion,
} from '../../shared/wire'
import { TRACKED_EVENT_MEMBERS } from '../../shared/wire'
import type { SuggestionEngine } from './engine'
import { BadRequestError, NotConnectedError, UnknownApplicationError } from './errors'
import { redactSecrets, type SecretFinding } from '../../shared/secrets'
import { redactDeep, redactText } from './redact-metadata'
import { readSeed } from './seed-text'
import type { ApplicationRecord, AssetRecord, ConnectorStore } from './storage'
import { MODEL_SCHEMA, toWireApplication, toWireAsset } from './wire-models'

/** What the routes share: storage, engine, clock and the applications connected this run. */
export interface ServiceContext {
  store: ConnectorStore
  engine: SuggestionEngine
  now: () => Date
  version: string
  /** Ids that called /connect since this process started (401 for the others). */
  connected: Set<string>
}

/**
 * The application behind a `{application}` path id: 400 when unknown, 401 when not connected.
 * `X-Application-ID` is optional (no official client sends it, spec §1.2); when sent it must name
 * the same application as the path, else 400.
 */
export function requireConnected(
  ctx: ServiceContext,
  id: string,
  headerId?: string | string[],
): ApplicationRecord {
  if (headerId !== undefined && headerId !== id) {
    throw new BadRequestError(
      `X-Application-ID (${String(headerId)}) and the path (${id}) name different applications; send the id /connect returned in both, or leave the header out.`,
    )
  }
  const app = ctx.store.getApplication(id)
  if (!app) throw new UnknownApplicationError(id)
  if (!ctx.connected.has(id)) throw new NotConnectedError(id)
  return app
}

/** /connect: registers or re-attaches the integration and returns the Context. */
export function connect(ctx: ServiceContext, body: SeededConnectorConnection): Context {
  const {
    name,
    version,
    platform,
    privacy,
    capabilities,
    automaticUnload,
    enrichment,
    descriptor,
  } = body.application
  const clean = (text: string | undefined) =>
    text === undefined ? undefined : redactText(ctx.engine, text).text
  const app = ctx.store.upsertApplication(
    {
      name,
      version: clean(version) ?? version,
      platform,
      privacy,
      capabilities,
      automaticUnload,
      enrichment,
      ...(descriptor !== undefined && { descriptor: clean(descriptor) }),
    },
    ctx.now(),
  )
  ctx.connected.add(app.id)
  return {
    schema: MODEL_SCHEMA,
    os: ctx.store.osId,
    application: toWireApplication(app),
    health: {
      schema: MODEL_SCHEMA,
      os: { schema: MODEL_SCHEMA, id: ctx.store.osId, version: ctx.version },
    },
  }
}

/** Renders stored assets as complete Asset models (their applications looked up once each). */
export function renderAssets(ctx: ServiceContext, assets: readonly AssetRecord[]) {
  const apps = new Map<string, ApplicationRecord | undefined>()
  const now = ctx.now()
  return assets.flatMap((asset) => {
    if (!apps.has(asset.applicationId)) {
      apps.set(asset.applicationId, ctx.store.getApplication(asset.applicationId))
    }
    const app = apps.get(asset.applicationId)
    return app ? [toWireAsset(asset, app, now)] : []
  })
}

/** A 32-bit integer standing for the target (spec: `vector` is a single integer). */
function vectorOf(exactHash: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < exactHash.length; i++) {
    hash = Math.imul(hash ^ exactHash.charCodeAt(i), 0x01000193)
  }
  return hash >>> 0
}

/** The seed's exact hash, without sketching it when the engine can say so directly. */
function exactHashOf(engine: SuggestionEngine, text: string): string {
  return engine.exactHash?.(text) ?? engine.fingerprint(text).exactHash
}

/** Copies after a dismissed save that bring the suggestion back (as a repeat copy does). */
export const COPIES_AFTER_DISMISSAL = 2

/**
 * Reuse offered (the matches strong enough, less those the user dismissed for this copy) and
 * whether to suggest saving: not when a match is strong enough (dismissed or not: it is saved),
 * and after a dismissed save only once the text was copied `COPIES_AFTER_DISMISSAL` times since.
 */
function decide(
  ctx: ServiceContext,
  text: string,
  exactHash: string,
  live: ReturnType<SuggestionEngine['match']>,
  noSecret: boolean,
) {
  const { engine, store } = ctx
  const dismissed = store.dismissedReuse(exactHash)
  const strong = live.filter((m) => engine.isReuse(m))
  const offered = strong.filter((m) => !dismissed.has(m.assetId))
  const since = store.copiesSinceSaveDismissed(exactHash)
  const repeatCount = since ?? store.countSeeds(exactHash)
  const save =
    noSecret &&
    (since === undefined || since >= COPIES_AFTER_DISMISSAL) &&
    engine.assessSave(text, { repeatCount, alreadySaved: strong.length > 0 }).suggested
  return { offered, save }
}

/**
 * `/reaction` with `save: false` and no reuse: the user dismissed what `/suggestion` offered for
 * this seed. The reuse of each asset offered is not offered again for this copy; when no reuse
 * was offered, the save suggestion waits for repeated copies.
 */
function recordDismissal(ctx: ServiceContext, reaction: Reaction): void {
  let text: string
  try {
    text = readSeed(reaction.seed.asset, 'seed.asset').text
  } catch {
    return // nothing readable to remember; the reaction itself is still fine
  }
  const { engine, store } = ctx
  const exactHash = exactHashOf(engine, text)
  const matches = engine.match(text, 10)
  const live = new Set(store.getAssets(matches.map((m) => m.assetId)).map((a) => a.id))
  const dismissed = store.dismissedReuse(exactHash)
  const offered = matches.filter(
    (m) => live.has(m.assetId) && engine.isReuse(m) && !dismissed.has(m.assetId),
  )
  if (offered.length === 0) store.recordDismissal(exactHash, undefined, ctx.now())
  for (const m of offered) store.recordDismissal(exactHash, m.assetId, ctx.now())
}

/** /suggestion: compares the seed with every saved asset and says reuse, save or neither. */
export function suggest(
  ctx: ServiceContext,
  app: ApplicationRecord,
  creation: SeededConnectorCreation,
): Suggestion {
  const seed = readSeed(creation.asset)
  const { engine, store } = ctx
  const matches = engine.match(seed.text, 10)
  const found = new Map(store.getAssets(matches.map((m) => m.assetId)).map((a) => [a.id, a]))
  const live = matches.filter((m) => found.has(m.assetId))
  const secrets = engine.scanSecrets(seed.text)
  // The echo carries the name, description and tags too: every string in it is redacted.
  const redactedSeed = secrets.length > 0 ? redactSecrets(seed.text, secrets) : seed.text
  const echoed = redactDeep(engine, creation, new Map([[seed.text, redactedSeed]]))
  const exactHash = exactHashOf(engine, seed.text)
  const { offered, save } = decide(ctx, seed.text, exactHash, live, secrets.length === 0)
  store.recordSeed(app.id, exactHash, 'suggestion', ctx.now())
  const compared = renderAssets(
    ctx,
    live.flatMap((m) => found.get(m.assetId) ?? []),
  )
  const reuse = offered.length > 0
  const offeredIds = new Set(offered.map((m) => m.assetId))
  return {
    schema: MODEL_SCHEMA,
    reuse: {
      suggested: reuse,
      assets: { iterable: compared.filter((a) => offeredIds.has(a.id)) },
    },
    save: { suggested: save },
    target: {
      seed: echoed,
      vector: vectorOf(exactHash),
    },
    assets: { iterable: compared },
    distribution: Object.fromEntries(live.map((m) => [m.assetId, m.similarity])),
  }
}

/** /reaction: saves the seed (returns the new id) and/or counts a reuse (returns `OK`). */
export async function react(
  ctx: ServiceContext,
  app: ApplicationRecord,
  reaction: Reaction,
): Promise<string> {
  const { store, engine } = ctx
  const reusedId = reaction.reuse?.asset
  if (reusedId !== undefined && !store.getAsset(reusedId)) {
    throw new BadRequestError(`reuse.asset ${reusedId} is not a saved asset.`)
  }
  let result = 'OK'
  if (reaction.save) {
    const seed = readSeed(reaction.seed.asset, 'seed.asset')
    const hint = {
      ...(seed.language && { language: seed.language }),
      ...(seed.name && { name: seed.name }),
    }
    const enriched = await engine.enrich(seed.text, hint)
    // Belt and braces: whatever the enrichment missed, the scanner's findings are redacted too.
    const leftovers = engine.scanSecrets(enriched.text)
    const text = leftovers.length > 0 ? redactSecrets(enriched.text, leftovers) : enriched.text
    const fingerprint = engine.fingerprint(text)
    const metadata: SecretFinding[] = []
    const clean = (value: string): string => {
      const redacted = redactText(engine, value)
      metadata.push(...redacted.findings)
      return redacted.text
    }
    const name = clean(seed.name ?? enriched.name)
    const description = seed.description === undefined ? undefined : clean(seed.description)
    const tags = [...new Set([...seed.tags, ...enriched.tags].map(clean))]
    const asset = store.createAsset(
      {
        applicationId: app.id,
        name,
        ...(description !== undefined && { description }),
        text,
        language: enriched.language,
        generic: enriched.generic,
        mechanism: seed.mechanism ?? 'MANUAL',
        tags,
        sensitives: [...enriched.sensitives, ...leftovers, ...metadata].map((s) => ({
          kind: s.kind,
          category: s.category,
          severity: s.severity,
          description: s.description,
        })),
        fingerprint,
      },
      ctx.now(),
    )
    engine.add(asset.id, fingerprint)
    result = asset.id
  }
  if (reusedId !== undefined) store.recordReuse(reusedId, ctx.now())
  else if (!reaction.save) recordDismissal(ctx, reaction)
  return result
}

/** /intention: remembers the snippet (by hash) for future comparison. */
export function intend(
  ctx: ServiceContext,
  app: ApplicationRecord,
  asset: SeededConnectorAsset,
): void {
  const seed = readSeed(asset, 'body')
  ctx.store.recordSeed(app.id, exactHashOf(ctx.engine, seed.text), 'intention', ctx.now())
}

/** The kind a tracking body is stored under: `<member>.<identifier>`, `<member>` or `empty`. */
export function trackedKind(body: SeededConnectorTracking): string {
  const record = body as Record<string, unknown>
  const member =
    TRACKED_EVENT_MEMBERS.find((m) => record[m] !== undefined) ??
    Object.keys(record).find((k) => k !== 'schema')
  if (member === undefined) return 'empty'
  const event = record[member] as { identifier_description_pair?: Record<string, unknown> } | null
  const pair = event?.identifier_description_pair
  const identifier = pair && Object.keys(pair).find((k) => k !== 'schema')
  return identifier ? `${member}.${identifier}` : member
}
