import { getRow, type AssetRecord, type ConnectorStore, type Statements } from '../storage'
import { contentHash } from './apply-pull'
import { linkOf, writeLink, type PendingChange } from './ledger'
import type { FieldValues, PushOp } from './remote'
import { refusalOf, type TeamPolicy } from './team-store'

/** What to send for a page of the outbox, and which snippets the scanner kept back. */
export interface PushPlan {
  ops: PushOp[]
  refused: string[]
}

const valuesOf = (asset: AssetRecord): FieldValues => ({
  name: asset.name,
  tags: asset.tags.map((t) => t.text),
  language: asset.language,
})

/**
 * Turns queued changes into operations from each snippet's current state (several edits push
 * once). The scanner runs on every text right before it would leave: a snippet it flags is taken
 * out of the team (a tombstone, should an older version have reached it) and never sent.
 */
export function planPush(
  store: ConnectorStore,
  sql: Statements,
  changes: readonly PendingChange[],
  policy: Pick<TeamPolicy, 'me' | 'scan'>,
): PushPlan {
  const plan: PushPlan = { ops: [], refused: [] }
  for (const { assetId } of changes) {
    const link = linkOf(sql, assetId)
    if (!link) continue
    const asset = link.state === 'shared' ? store.getAsset(assetId) : undefined
    if (link.origin === 'pulled') {
      if (asset) {
        plan.ops.push({
          kind: 'edit',
          id: link.teamId,
          values: valuesOf(asset),
          stamps: link.stamps,
        })
      }
      continue
    }
    const refusal = asset && refusalOf(asset, policy.scan)
    if (refusal) {
      writeLink(sql, { ...link, state: 'unshared', refused: refusal })
      plan.refused.push(assetId)
    }
    if (!asset || refusal) {
      plan.ops.push({ kind: 'delete', id: link.teamId })
      continue
    }
    const stored = getRow<{ exact_hash: string; fingerprint: Uint8Array }>(
      sql('SELECT exact_hash, fingerprint FROM assets WHERE id = ?'),
      assetId,
    )
    plan.ops.push({
      kind: 'put',
      ...(stored && {
        fingerprint: { exactHash: stored.exact_hash, data: stored.fingerprint },
      }),
      id: link.teamId,
      ownerName: policy.me().name,
      hash: contentHash(asset.text),
      text: asset.text,
      createdAt: asset.createdAt,
      values: valuesOf(asset),
      stamps: link.stamps,
    })
  }
  return plan
}
