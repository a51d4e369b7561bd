import { redactSecrets } from '../../shared/secrets'
import type { Asset } from '../../shared/wire'
import { renderAssets, type ServiceContext } from './connector-service'
import { NotFoundError } from './errors'
import { GoneError } from './pieces-errors'
import type { ApplicationRecord } from './storage'

/** One live asset as the Asset model: 410 when it was deleted, 404 when it never was. */
export function assetOrGone(ctx: ServiceContext, id: string): Asset {
  const asset = ctx.store.getAsset(id)
  const [wire] = asset ? renderAssets(ctx, [asset]) : []
  if (wire) return wire
  if (ctx.store.pieces.wasDeleted(id)) throw new GoneError(id)
  throw new NotFoundError(`No asset with id ${id}.`)
}

/** Throws 410/404 unless a live asset has this id. */
export function requireAsset(ctx: ServiceContext, id: string): void {
  if (ctx.store.getAsset(id)) return
  if (ctx.store.pieces.wasDeleted(id)) throw new GoneError(id)
  throw new NotFoundError(`No asset with id ${id}.`)
}

/**
 * The application a Pieces route acts for: the one with this id, else (an integration that saves
 * without having called /connect in this data folder) one registered under the given name.
 */
export function applicationFor(
  ctx: ServiceContext,
  application: { id: string; name?: unknown; version?: unknown; platform?: unknown },
): ApplicationRecord {
  const known = ctx.store.getApplication(application.id)
  if (known) return known
  const text = (value: unknown, fallback: string) =>
    typeof value === 'string' && value !== '' ? value : fallback
  return ctx.store.upsertApplication(
    {
      name: text(application.name, 'UNKNOWN'),
      version: text(application.version, '0.0.0'),
      platform: text(application.platform, 'UNKNOWN'),
    },
    ctx.now(),
  )
}

/** Replaces an asset's text (secrets redacted first), re-indexing it for reuse and search. */
export function replaceAssetText(ctx: ServiceContext, id: string, text: string): void {
  const findings = ctx.engine.scanSecrets(text)
  const safe = findings.length > 0 ? redactSecrets(text, findings) : text
  const fingerprint = ctx.engine.fingerprint(safe)
  if (!ctx.store.pieces.replaceText(id, safe, fingerprint, ctx.now())) requireAsset(ctx, id)
  ctx.engine.remove(id)
  ctx.engine.add(id, fingerprint)
}
