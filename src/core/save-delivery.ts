import type { ConnectorClient } from '../connector/client'
import type { Asset, SeededConnectorCreation } from '../shared/wire'
import { assetText, seedFor } from './asset-mapping'
import type { QueuedSave } from './queue-file'

/** A reuse match at least this similar counts as "already saved" (hotkey, `clipwise save`). */
export const ALREADY_SAVED_SIMILARITY = 0.95
/** Tolerance when telling "stored by our lost attempt" from "saved before it". */
const CLOCK_SLACK_MS = 5_000

export interface Delivered {
  assetId: string
  name: string
  /** The connector already held this snippet; nothing new was stored. */
  alreadySaved: boolean
}

/**
 * Asks `/suggestion` whether the connector already holds this exact text (an exact match comes
 * back as reuse, from Pieces OS too). For a save whose answer may have been lost (`sentAt`), only
 * an asset stored since then counts; for one that must not duplicate, any exact or near copy does.
 */
export async function heldCopy(
  client: ConnectorClient,
  entry: QueuedSave,
): Promise<Delivered | undefined> {
  const suggestion = await client.suggest(seedFor(entry.text))
  const compared = new Map<string, Asset>()
  for (const asset of [...suggestion.reuse.assets.iterable, ...suggestion.assets.iterable]) {
    compared.set(asset.id, asset)
  }
  const exact = [...compared.values()].filter((asset) => sameText(assetText(asset), entry.text))
  const sentAt = entry.sentAt
  if (sentAt !== undefined) {
    const ours = exact.find((a) => Date.parse(a.created.value) >= sentAt - CLOCK_SLACK_MS)
    if (ours) return { assetId: ours.id, name: ours.name ?? '', alreadySaved: false }
  }
  if (entry.allowDuplicate) return undefined
  const similar = (asset: Asset) =>
    (suggestion.distribution?.[asset.id] ?? 0) >= ALREADY_SAVED_SIMILARITY
  const same = exact[0] ?? [...compared.values()].find(similar)
  return same ? { assetId: same.id, name: same.name ?? same.id, alreadySaved: true } : undefined
}

/** The `/reaction` seed: what the user chose travels with the snippet, in one request. */
export function seedOf(save: Pick<QueuedSave, 'text' | 'name' | 'tags' | 'language'>) {
  const name = save.name?.trim()
  const tags = [...new Set((save.tags ?? []).map((tag) => tag.trim()).filter(Boolean))]
  const seed: SeededConnectorCreation = seedFor(save.text)
  const asset = seed.asset as NonNullable<SeededConnectorCreation['asset']>
  if (name || tags.length > 0) {
    asset.metadata = {
      ...(name ? { name } : {}),
      ...(tags.length > 0 ? { tags: tags.map((text) => ({ text })) } : {}),
    }
  }
  if (save.language && asset.format.fragment) {
    asset.format.fragment.metadata = { ext: save.language }
  }
  return seed
}

/** Equal after line endings, trailing spaces and surrounding blank space are set aside. */
export function sameText(a: string, b: string): boolean {
  const normalise = (text: string) =>
    text
      .replace(/\r\n?/g, '\n')
      .replace(/[ \t]+$/gm, '')
      .trim()
  return normalise(a) === normalise(b)
}
