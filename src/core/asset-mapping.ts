import type { LibraryItem, SnippetMatch, TeamPlace } from '../shared/domain'
import type { Asset, SeededConnectorCreation, Suggestion } from '../shared/wire'

/** The `/suggestion` (and `/reaction`) seed for a copied text. */
export function seedFor(text: string): SeededConnectorCreation {
  return { asset: { format: { fragment: { string: { raw: text } } } } }
}

function originalFormat(asset: Asset) {
  const formats = asset.formats?.iterable ?? []
  return formats.find((format) => format.id === asset.original?.id) ?? formats[0]
}

/** The snippet's text, from its original format (fragment or file). */
export function assetText(asset: Asset): string {
  const format = originalFormat(asset)
  return format?.fragment?.string?.raw ?? format?.file?.string?.raw ?? ''
}

/** ClassificationSpecificEnum value of the original format, `txt` when unknown. */
export function assetLanguage(asset: Asset): string {
  const specific = originalFormat(asset)?.classification?.specific
  return specific && specific !== 'UNKNOWN' ? specific : 'txt'
}

/**
 * Where a snippet sits in the team library: the connector names the library in `shares` and, for
 * a teammate's snippet, the teammate in `persons`.
 */
export function teamPlace(asset: Asset): TeamPlace | undefined {
  const share = asset.shares?.iterable[0]
  if (!share) return undefined
  const person = asset.persons?.iterable[0]?.type.basic
  return {
    library: share.name ?? share.short,
    owner: person?.name ?? person?.username ?? share.user ?? '',
    mine: person === undefined,
  }
}

/** A reuse candidate as the tray shows it. */
export function toSnippetMatch(
  asset: Asset,
  distribution: Suggestion['distribution'],
): SnippetMatch {
  const raw = distribution?.[asset.id]
  const similarity = typeof raw === 'number' && Number.isFinite(raw) ? clamp01(raw) : 1
  const match: SnippetMatch = {
    assetId: asset.id,
    name: asset.name ?? 'Untitled snippet',
    language: assetLanguage(asset),
    similarity,
    text: assetText(asset),
    savedAt: asset.created.value,
    reuseCount: asset.score?.reuse ?? 0,
  }
  if (asset.interacted?.value) match.lastReusedAt = asset.interacted.value
  const team = teamPlace(asset)
  if (team) match.team = team
  return match
}

/** A saved snippet as the library view shows it. */
export function toLibraryItem(asset: Asset): LibraryItem {
  return {
    id: asset.id,
    name: asset.name ?? 'Untitled snippet',
    language: assetLanguage(asset),
    text: assetText(asset),
    tags: (asset.tags?.iterable ?? []).map((tag) => tag.text),
    savedAt: asset.created.value,
    updatedAt: asset.updated.value,
    reuseCount: asset.score?.reuse ?? 0,
    sensitive: (asset.sensitives?.iterable ?? []).length > 0,
    ...(teamPlace(asset) && { team: teamPlace(asset) }),
  }
}

/** A name for the save form: the first declared identifier, else the first line. */
export function draftName(text: string): string {
  const declared =
    /\b(?:function|def|class|fn|func|interface|type|struct|enum|const|let|var)\s+([A-Za-z_$][\w$]*)/.exec(
      text,
    )
  if (declared?.[1]) return declared[1]
  const firstLine = text.split('\n').find((line) => line.trim().length > 0) ?? ''
  const trimmed = firstLine.trim()
  return trimmed.length > 48 ? `${trimmed.slice(0, 47)}…` : trimmed
}

/** The language the connector derived for the target when it echoed one; '' leaves it to the
 * connector to detect at save time. */
export function targetLanguage(suggestion: Suggestion): string {
  const format = suggestion.target?.seed?.asset?.format
  const ext = format?.fragment?.metadata?.ext ?? format?.classification?.specific
  return ext && ext !== 'UNKNOWN' ? ext : ''
}

/** A single-line preview for the activity list. */
export function preview(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > 80 ? `${line.slice(0, 79)}…` : line
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value))
}
