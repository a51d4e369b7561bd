import type { Statements } from './sql'

/**
 * What the embedded connector keeps, as routes see it: plain typed records, no SQL. The SQLite
 * implementation lives beside this file (`openStore`).
 */

export interface ApplicationRecord {
  id: string
  name: string
  version: string
  platform: string
  privacy: string
  capabilities?: string
  mechanism: string
  automaticUnload?: boolean
  enrichment?: { tags?: number; websites?: number; persons?: number; hints?: number }
  descriptor?: string
  onboarded: boolean
  createdAt: string
  updatedAt: string
}

/** What `/connect` says about the calling integration. */
export type ApplicationSeed = Pick<ApplicationRecord, 'name' | 'version' | 'platform'> &
  Partial<
    Pick<
      ApplicationRecord,
      'privacy' | 'capabilities' | 'automaticUnload' | 'enrichment' | 'descriptor'
    >
  >

export interface TagRecord {
  id: string
  text: string
  createdAt: string
}

/** A credential that was found and redacted; the value itself is never stored. */
export interface SensitiveRecord {
  id: string
  kind: string
  category: string
  severity: string
  description: string
  createdAt: string
}

export interface AssetFingerprint {
  exactHash: string
  data: Uint8Array
}

export interface AssetRecord {
  id: string
  /** Id of the asset's single (original) format. */
  formatId: string
  applicationId: string
  name: string
  description?: string
  /** The stored text, secrets already redacted. */
  text: string
  /** ClassificationSpecificEnum value (`py`, `ts`, `txt`…). */
  language: string
  /** ClassificationGenericEnum value (`CODE`, `TEXT`). */
  generic: string
  mechanism: string
  byteSize: number
  createdAt: string
  updatedAt: string
  deletedAt?: string
  reuseCount: number
  lastReusedAt?: string
  tags: TagRecord[]
  sensitives: SensitiveRecord[]
  /** Set when the snippet is in a team library (the team module adds it). */
  team?: AssetTeamInfo
}

/** Who saved a snippet and where, when it is in a team library. */
export interface AssetTeamInfo {
  /** The team library's name (its database's, unless the team named it). */
  library: string
  /** The PostgreSQL role that saved it. */
  owner: string
  /** The name that role's user goes by. */
  ownerName: string
  /** Saved here (and shared), rather than pulled from a teammate. */
  mine: boolean
}

export interface NewAsset {
  applicationId: string
  name: string
  description?: string
  text: string
  language: string
  generic: string
  mechanism: string
  tags: string[]
  sensitives: Omit<SensitiveRecord, 'id' | 'createdAt'>[]
  fingerprint: AssetFingerprint
}

export interface AssetPatch {
  name?: string
  description?: string
  /** Replaces the tag set (by text). */
  tags?: string[]
  /** ClassificationSpecificEnum value (a user's correction of the detected language). */
  language?: string
  /** ClassificationGenericEnum value that goes with `language`. */
  generic?: string
}

export interface SearchHit {
  asset: AssetRecord
  /** Higher is better (negated bm25). */
  score: number
}

/** A snippet seen by `/intention` or `/suggestion`, remembered for repeat counting. */
export type SeedSource = 'intention' | 'suggestion'

/** A tag as Pieces integrations see it: one id per text, on any number of assets. */
export interface LibraryTag {
  id: string
  text: string
  createdAt: string
  updatedAt: string
  /** Live assets that carry the tag. */
  assetIds: string[]
}

/**
 * What the Pieces routes need beyond the tray's: tags as entities of their own (which assets
 * carry a tag is changed through `updateAsset`, so search rows stay in step), deleted ids, formats
 * and text edits.
 */
export interface PiecesStore {
  listTags(): LibraryTag[]
  getTag(id: string): LibraryTag | undefined
  findTag(text: string): LibraryTag | undefined
  /** Creates the tag, or returns the one with this text. */
  createTag(text: string, now: Date): LibraryTag
  /** Changes the entity's text; the caller renames it on its assets too. */
  renameTag(id: string, text: string, now: Date): LibraryTag | undefined
  removeTag(id: string): boolean
  /** Whether an asset with this id existed and was deleted (410 rather than 404). */
  wasDeleted(assetId: string): boolean
  /** Ids of every live asset, newest first (without loading the assets). */
  listAssetIds(): string[]
  /** The live asset whose format has this id. */
  assetIdOfFormat(formatId: string): string | undefined
  /** Replaces a live asset's text (already redacted) and fingerprint; undefined when absent. */
  replaceText(
    id: string,
    text: string,
    fingerprint: AssetFingerprint,
    now: Date,
  ): AssetRecord | undefined
}

export interface ConnectorStore {
  /** This data folder's stable installation id (`Context.os`). */
  readonly osId: string
  /** Tags as entities, deleted ids, formats and text edits, for the Pieces routes. */
  readonly pieces: PiecesStore
  /** Creates the application (keyed by name and platform) or re-attaches and refreshes it. */
  upsertApplication(seed: ApplicationSeed, now: Date): ApplicationRecord
  getApplication(id: string): ApplicationRecord | undefined
  setOnboarded(id: string, onboarded: boolean, now: Date): void
  /** Saves an asset, its tags, sensitives, search row and fingerprint in one transaction. */
  createAsset(input: NewAsset, now: Date): AssetRecord
  /** Saves many assets in one transaction (imports, benchmarks); all land or none. */
  importAssets(inputs: readonly NewAsset[], now: Date): AssetRecord[]
  /** A non-deleted asset. */
  getAsset(id: string): AssetRecord | undefined
  /** Non-deleted assets among `ids`, in the order of `ids`. */
  getAssets(ids: readonly string[]): AssetRecord[]
  /** Every non-deleted asset, newest first. */
  listAssets(): AssetRecord[]
  /** Full-text search over name, description, tags and text; best first. */
  searchAssets(query: string, limit: number): SearchHit[]
  updateAsset(id: string, patch: AssetPatch, now: Date): AssetRecord | undefined
  /**
   * Deletes an asset for good: its rows, tags, sensitives and search entries, overwritten in the
   * file and the write-ahead log checkpointed, so its text is nowhere on disk. False when absent.
   */
  deleteAsset(id: string, now?: Date): boolean
  /** Counts a reuse; false when the asset is absent or deleted. */
  recordReuse(id: string, now: Date): boolean
  /**
   * Fingerprints of every non-deleted asset, to rebuild the engine's index at start: one row at a
   * time while iterated (nothing else held: the index keeps its own copy). Do not write to the
   * store before the iteration ends.
   */
  iterateFingerprints(): Iterable<{ assetId: string; fingerprint: AssetFingerprint }>
  /** Replaces the fingerprints of live assets (engine format upgrades), in one transaction. */
  updateFingerprints(updates: readonly { assetId: string; fingerprint: AssetFingerprint }[]): void
  recordSeed(applicationId: string, exactHash: string, source: SeedSource, now: Date): void
  /** How many intentions/suggestion seeds with this hash were recorded. */
  countSeeds(exactHash: string): number
  /** The user turned down reusing `assetId` for this copy, or saving it (`assetId` undefined). */
  recordDismissal(exactHash: string, assetId: string | undefined, now: Date): void
  /** Assets whose reuse the user dismissed for this copy. */
  dismissedReuse(exactHash: string): Set<string>
  /** Copies of this text suggested since saving it was dismissed; undefined if it never was. */
  copiesSinceSaveDismissed(exactHash: string): number | undefined
  recordTrackEvent(applicationId: string, kind: string, payload: unknown, now: Date): void
  /**
   * Stops SQLite checkpointing the write-ahead log from inside a commit (every 1,000 pages), so
   * the caller runs `checkpoint` when it suits (see `scheduleCheckpoints`).
   */
  manualCheckpoints(): void
  /** Copies the write-ahead log into the database; TRUNCATE also empties the log file. */
  checkpoint(mode: 'PASSIVE' | 'TRUNCATE'): void
  /**
   * Runs `work` in one transaction with the store's statements, for tables an extension owns
   * (the team library's outbox): the store's own calls made inside join the same transaction.
   */
  transaction<T>(work: (sql: Statements) => T): T
  close(): void
}
