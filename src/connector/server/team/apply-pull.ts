import { createHash } from 'node:crypto'
import { CLASSIFICATION_SPECIFICS } from '../../../shared/wire/classification-specific'
import { genericOf, type StoredFingerprint, type SuggestionEngine } from '../engine'
import { writeAssetRows, type AssetPatch, type ConnectorStore, type Statements } from '../storage'
import {
  linksOfTeamIds,
  SHARED_FIELDS,
  writeLink,
  writeMeta,
  type SharedField,
  type Stamp,
  type TeamLink,
} from './ledger'
import type { LibraryInfo, PulledRow } from './remote'

/** Texts larger than this are not taken from the team library (the connector's body limit). */
export const MAX_PULLED_BYTES = 8 * 1024 * 1024
const KNOWN_LANGUAGES = new Set<string>(CLASSIFICATION_SPECIFICS)

/** What a pulled batch changed in the engine's index, applied once the batch has committed. */
export interface PullEffects {
  added: { assetId: string; fingerprint: StoredFingerprint }[]
  removed: string[]
  /** Teammates' snippets not taken: the scanner flagged them, or they were malformed. */
  refused: number
  cursor: number
}

export interface PullDeps {
  /** The plain store: pulled changes are not queued for pushing back. */
  store: ConnectorStore
  engine: Pick<SuggestionEngine, 'fingerprint' | 'scanSecrets' | 'exactHash' | 'isCurrent'>
  library: LibraryInfo
  /** The local application pulled snippets are filed under. */
  applicationId: string
}

/** The content address of a text: what makes two pushes of it one row. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64url')
}

const isNewer = (a: Stamp, b: Stamp) => a.at > b.at || (a.at === b.at && a.by > b.by)

/** A pulled value made safe to store: known language, bounded name and tags. */
function cleanValues(row: PulledRow) {
  const language = KNOWN_LANGUAGES.has(row.values.language) ? row.values.language : 'txt'
  const tags = [...new Set(row.values.tags.map((t) => String(t).trim().slice(0, 100)))]
    .filter((t) => t.length > 0)
    .slice(0, 50)
  return { name: String(row.values.name).slice(0, 300), tags, language }
}

/**
 * Applies pulled rows and moves the cursor in one SQLite transaction: a crash or a lost connection
 * mid-batch leaves the batch to be pulled again whole, and a row seen twice changes nothing. A
 * bulk operation: the rows' links are read in one query, new snippets are written without reading
 * them back, and the engine is told afterwards (by the caller, once the batch has committed).
 */
export function applyPulled(deps: PullDeps, rows: readonly PulledRow[]): PullEffects {
  const { store, engine, library } = deps
  const effects: PullEffects = { added: [], removed: [], refused: 0, cursor: 0 }
  store.transaction((sql) => {
    // A page names each snippet once (the library keeps one row per id, at its latest seq).
    const links = linksOfTeamIds(
      sql,
      rows.map((r) => r.id),
    )
    for (const row of rows) {
      applyRow(sql, row, links)
      effects.cursor = row.seq
    }
    if (rows.length > 0) writeMeta(sql, 'cursor', String(effects.cursor))
  })
  return effects

  function applyRow(sql: Statements, row: PulledRow, links: Map<string, TeamLink>): void {
    const link = links.get(row.id)
    if (!link || (link.origin === 'pulled' && link.state === 'gone')) {
      if (!row.deleted) insert(sql, row, link)
      return
    }
    if (link.state === 'hidden') return
    if (row.deleted) {
      // The owner's tombstone: a teammate's copy goes; our own echo changes nothing here.
      if (link.origin === 'pulled' && link.state === 'shared') {
        store.deleteAsset(link.assetId, new Date())
        effects.removed.push(link.assetId)
        writeLink(sql, { ...link, state: 'gone' })
      }
      return
    }
    if (link.state !== 'shared') return
    mergeFields(sql, link, row)
  }

  function insert(sql: Statements, row: PulledRow, previous: TeamLink | undefined): void {
    const text = row.text
    if (text === undefined || Buffer.byteLength(text, 'utf8') > MAX_PULLED_BYTES) {
      effects.refused++
      return
    }
    // Secrets never land on disk, whoever pushed them.
    if (engine.scanSecrets(text).length > 0) {
      effects.refused++
      return
    }
    const values = cleanValues(row)
    const fingerprint = reusable(row, text) ?? engine.fingerprint(text)
    const assetId = writeAssetRows(
      sql,
      {
        applicationId: deps.applicationId,
        name: values.name,
        text,
        language: values.language,
        generic: genericOf(values.language),
        mechanism: 'MANUAL',
        tags: values.tags,
        sensitives: [],
        fingerprint,
      },
      new Date(row.createdAt),
    )
    writeLink(sql, {
      assetId,
      teamId: row.id,
      // The same user on another computer: their own snippet, theirs to unshare or delete.
      origin: previous?.origin ?? (row.owner === library.role ? 'own' : 'pulled'),
      state: 'shared',
      libraryId: library.id,
      libraryName: library.name,
      owner: row.owner,
      ownerName: row.ownerName,
      stamps: row.stamps,
    })
    effects.added.push({ assetId, fingerprint })
  }

  /** The pusher's fingerprint when this engine reads its format and it is of this very text. */
  function reusable(row: PulledRow, text: string): StoredFingerprint | undefined {
    const sent = row.fingerprint
    if (!sent || !engine.isCurrent?.(sent) || !engine.exactHash) return undefined
    return engine.exactHash(text) === sent.exactHash ? sent : undefined
  }

  function mergeFields(sql: Statements, link: TeamLink, row: PulledRow): void {
    const values = cleanValues(row)
    const stamps = { ...link.stamps }
    const patch: AssetPatch = {}
    const take: Record<SharedField, () => void> = {
      name: () => (patch.name = values.name),
      tags: () => (patch.tags = values.tags),
      language: () => {
        patch.language = values.language
        patch.generic = genericOf(values.language)
      },
    }
    for (const field of SHARED_FIELDS) {
      if (!isNewer(row.stamps[field], link.stamps[field])) continue
      take[field]()
      stamps[field] = row.stamps[field]
    }
    if (Object.keys(patch).length > 0) store.updateAsset(link.assetId, patch, new Date())
    writeLink(sql, {
      ...link,
      stamps,
      libraryId: library.id,
      libraryName: library.name,
      owner: row.owner,
      ownerName: row.ownerName,
    })
  }
}
