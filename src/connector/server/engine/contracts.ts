/**
 * The suggestion engine as the embedded connector's routes and storage see it. The engine is pure
 * (no I/O of its own): storage persists each asset's fingerprint and hands them back at start.
 */
import type { SecretFinding } from '../../../shared/secrets'

export type { SecretFinding }

/** What storage keeps per asset so the index can be rebuilt at start without re-reading texts. */
export interface StoredFingerprint {
  /** Hash of the normalised text; equal hashes mean an exact (normalised) duplicate. */
  exactHash: string
  /** Engine-private serialised index data (signatures, shingle sets…). */
  data: Uint8Array
}

/** A saved snippet that is a reuse candidate for the text being compared. */
export interface ReuseMatch {
  assetId: string
  /** Overall similarity in 0..1 (what `distribution` carries). */
  similarity: number
  /** Share of the copied text found in the saved snippet, 0..1 (a partial copy scores high). */
  containment: number
  exact: boolean
}

export interface SaveSignals {
  /** How many times this text (or a near copy) was copied, intended or dismissed before. */
  repeatCount: number
  /** Whether a reuse match above the threshold exists. */
  alreadySaved: boolean
}

export interface SaveVerdict {
  suggested: boolean
  /** Short machine-readable reason, e.g. `code`, `too-short`, `url`, `secret`, `prose`. */
  reason: string
}

export interface Enrichment {
  /** The text to store: the input with every secret value replaced by `<redacted:kind>`. */
  text: string
  /** ClassificationSpecificEnum value (`py`, `ts`, …) or `txt` when unsure. */
  language: string
  /** ClassificationGenericEnum value: `CODE` or `TEXT`. */
  generic: 'CODE' | 'TEXT'
  name: string
  tags: string[]
  sensitives: SecretFinding[]
}

export interface SuggestionEngine {
  /** Computes what storage should persist for a text (call with the text that is stored). */
  fingerprint(text: string): StoredFingerprint
  /**
   * `fingerprint(text).exactHash` without the sketch (optional: a /suggestion only needs the
   * hash, and sketching a long snippet took up to 1.2 ms at p99).
   */
  exactHash?(text: string): string
  /** Whether a stored fingerprint has the engine's current format (else re-fingerprint it). */
  isCurrent?(fingerprint: StoredFingerprint): boolean
  /** Puts an asset into the in-memory index (at start for every stored asset, then on save). */
  add(assetId: string, fingerprint: StoredFingerprint): void
  /**
   * Puts many stored assets into the index at once (at start), as `add` would one by one but
   * faster: optional, callers fall back to `add`. Each item is read once, in order, and not kept
   * (the items may be rows streamed from storage).
   */
  load?(assets: Iterable<{ assetId: string; fingerprint: StoredFingerprint }>): void
  /**
   * Folds part of what `add` filed since the last `load` into the index's compact form, and
   * tells whether some is left (optional): after many adds in a row, as a team library's first
   * pull, called until false (the event loop breathing between calls), the index answers as
   * fast as one loaded.
   */
  compact?(): boolean
  /** Removes an asset from the index (deleted assets never come back). */
  remove(assetId: string): void
  /** Reuse candidates for a copied text, best first, at most `limit`. */
  match(text: string, limit?: number): ReuseMatch[]
  /** Whether `match` results are strong enough to suggest reuse. */
  isReuse(best: ReuseMatch | undefined): boolean
  /** Whether the text is worth suggesting for saving. */
  assessSave(text: string, signals: SaveSignals): SaveVerdict
  /** Every credential found in the text. */
  scanSecrets(text: string): SecretFinding[]
  /** Language, name, tags and redaction for a snippet about to be saved. */
  enrich(text: string, hint?: { language?: string; name?: string }): Promise<Enrichment>
}
