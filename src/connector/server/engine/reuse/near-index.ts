import { createCandidateFinder, type FindOptions, type Found } from './candidates'
import { createCopyGroups } from './copy-groups'
import { createPostings } from './postings'
import { blind } from './rename'
import type { QuerySketch, Sketch } from './sketch'
import { createSketchStore } from './sketch-store'
import { overlap, rankOf, similarityOf, type QueryWeights } from './similarity'
import { createSlotTable } from './slot-table'
import { createTokenWeights } from './weights'

/** A scored candidate from the index. */
export interface Scored {
  assetId: string
  similarity: number
  containment: number
  exact: boolean
  /** Ranking key (see `rankOf`). */
  rank: number
}

/** An asset as `add` and `load` take it. */
export interface IndexEntry {
  assetId: string
  exactHash: string
  /** Undefined for snippets that only ever match exactly (sketch of an older format). */
  sketch: (Sketch & { anchors: Uint32Array }) | undefined
}

export interface NearIndexOptions {
  /** Candidates re-scored exactly per query (default `MAX_CANDIDATES`). */
  maxCandidates?: number
  /**
   * Anchors shared by more distinct texts than this share of the library's (default 1%) are
   * skipped; copies of one text count once (see `createCopyGroups`).
   */
  maxPostingShare?: number
}

/**
 * Candidates re-scored per query (more when more results are asked for, see below), ranked by
 * the rarity of the anchors they share. 128 → 32 halved the median match time at 10,000 assets
 * (0.31 → 0.15 ms after sketching) with the same `bench/quality.ts` table, when the bench's
 * recall queries had 106 pairs at similarity >= 0.7 at 100,000 assets, all within the first 43
 * candidates. Since renamed copies score as such there are 546 such pairs; of the 43 the index
 * misses, 25 are gathered but ranked past the budget (40-344th: families of near-equal windows
 * tied on anchor weight). Re-scoring 160 with the second pass always on reached recall 0.967 at
 * about 26 times the match time (`bench/connector-recall.ts`, tuned on another seed's queries).
 */
export const MAX_CANDIDATES = 32
/** Candidates re-scored per result asked for, when that is more than `maxCandidates`. */
const CANDIDATES_PER_RESULT = 4

/**
 * A second pass counts the common anchors too (those over the cap) when at least this share of
 * the query's anchors were common and fewer families of equal shape than results asked for
 * reached `STRONG` (see `strongFamilies`). Generated code (Babel's `isX(node, opts)` helpers,
 * jsdom's interface files) comes in families of hundreds
 * of snippets that differ only in names: a copy of one shares nothing rare with its look-alikes,
 * and at 10,000 assets (cap 100) they were never candidates. Measured in-process on the connector
 * bench's queries at 10,000 assets: recall@0.7 0.920 → 0.982, second pass in 46 of 600 queries,
 * match median 0.33 → 0.36 ms; a share of 0.25 gave the same recall in 160 queries (0.42 ms). At
 * 100,000 assets (cap 1,000) the families fit under the cap and the pass never ran then (before
 * renamed copies scored as such; 8 of today's 43 misses there are found only by this pass).
 */
export const DEEP_SHARE = 0.5
/** Similarity from which a match counts as a real one, for `DEEP_SHARE` (the recall floor). */
const STRONG = 0.7

/**
 * What test support and benchmarks read of an index, kept off `NearIndex` so that the shipped
 * interface has no brute-force scan nor byte counts: `inspectNearIndex` (test-support only).
 */
export interface NearIndexInternals {
  /** Slots filed, dead ones included. */
  readonly slots: number
  /** The slot filed in the postings for a slot: the head of its group of copies. */
  headOf(slot: number): number
  /** Scores a slot against `query` as a query re-scores a candidate (dead, sketch-less: none). */
  scorer(query: Sketch): (slot: number) => Scored | undefined
  /** Hash of a slot's shape shingles, equal for renamed variants (0 when no sketch). */
  shapeOf(slot: number): number
  /** Bytes of the typed arrays, by structure: slot table and copy groups, sketch pool, postings. */
  bytes(): { slots: number; sketches: number; postings: number }
  /** Posting entries read by searches since the index was made. */
  readonly entriesRead: number
}

const internals = new WeakMap<object, NearIndexInternals>()

/** The internals of an index made by `createNearIndex`. */
export function inspectNearIndex(index: NearIndex): NearIndexInternals {
  const found = internals.get(index)
  if (!found) throw new Error('not an index made by createNearIndex')
  return found
}

interface Prepared {
  w: QueryWeights
  blinded: Uint16Array
}

/**
 * Families (equal shape) among the strong matches, exact copies each counted: ten strong
 * renamed variants of one generated helper do not stand for ten strong matches. `familyOf` is
 * asked of strong slots only (a shape digest per re-scored candidate was work for nothing when
 * the deep pass was not in question, as in most queries).
 */
function strongFamilies(out: Map<number, Scored>, familyOf: (slot: number) => number): number {
  const strong = new Set<number>()
  let exact = 0
  for (const [slot, s] of out) {
    if (s.exact) exact++
    else if (s.similarity >= STRONG) strong.add(familyOf(slot))
  }
  return exact + strong.size
}

/**
 * Inverted index from winnowed shingle hashes to assets. A query weighs the anchors it shares
 * with each asset by their rarity (ubiquitous ones skipped), then re-scores the best exactly.
 * Copies of one text are filed once, as a group (`createCopyGroups`), and answered together.
 * Slots are append-only; removal marks a slot dead so it can never be returned again.
 */
export function createNearIndex(options: NearIndexOptions = {}) {
  const maxCandidates = options.maxCandidates ?? MAX_CANDIDATES
  const maxPostingShare = options.maxPostingShare ?? 0.01
  const table = createSlotTable()
  const store = createSketchStore()
  const postings = createPostings()
  const finder = createCandidateFinder(postings)
  const weights = createTokenWeights()
  const groups = createCopyGroups()
  let alive = 0

  /** What every re-score of one query shares: its token weights and its blinded tokens. */
  const prepare = (query: Sketch): Prepared => {
    const of = weights.of(query.tokens)
    const total = of.reduce((a, b) => a + b, 0)
    const w: QueryWeights = { of, total, totalOf: (t) => weights.total(t) }
    return { w, blinded: blind(query.tokens, query.kinds) }
  }
  const score = (query: Sketch, p: Prepared, stored: Sketch, assetId: string): Scored => {
    const o = overlap(query, stored, p.w, p.blinded)
    const similarity = similarityOf(query, o)
    return {
      assetId,
      similarity,
      containment: o.containment,
      exact: false,
      rank: rankOf(similarity, o),
    }
  }

  /** The head of a live group holding this very text and sketch, or -1. */
  const groupOf = (exactHash: string, sketch: IndexEntry['sketch']): number => {
    if (!sketch) return -1
    for (const slot of table.withHash(exactHash)) {
      const head = groups.headOf(slot)
      if (table.sizeAt(head) === sketch.anchors.length && store.holds(head, sketch)) return head
    }
    return -1
  }
  const insert = ({ assetId, exactHash, sketch }: IndexEntry): void => {
    const head = groupOf(exactHash, sketch)
    const slot = table.push(assetId, exactHash, sketch?.anchors.length ?? 0)
    alive++
    if (head >= 0) groups.join(slot, head)
    else groups.start(slot)
    if (!sketch) return
    weights.add(sketch.tokens)
    if (head >= 0) return
    store.put(slot, sketch)
    postings.add(sketch.anchors, slot)
  }

  const index = {
    /** Number of live assets. */
    get size() {
      return alive
    },
    add(assetId: string, exactHash: string, sketch: IndexEntry['sketch']) {
      this.remove(assetId)
      insert({ assetId, exactHash, sketch })
    },
    /**
     * Adds many assets at once (at start): no removal first while the index is empty (ids are
     * distinct there, as storage keys them). Each item is read just before it is filed, so that
     * what `read` allocates (decoded views, copies) dies young instead of piling up (at 100,000
     * assets, decoding all first left RSS 130 MB higher); `items` may be rows streamed from
     * storage for the same reason.
     */
    load<T>(items: Iterable<T>, read: (item: T) => IndexEntry) {
      const fresh = table.length === 0
      for (const item of items) {
        const entry = read(item)
        if (!fresh) this.remove(entry.assetId)
        insert(entry)
      }
      postings.compact()
    },
    /**
     * Merges part of the postings filed by `add` since the last `load` into their runs (a
     * partition at a time); false once none are left.
     */
    compact(): boolean {
      return postings.compactOne()
    },
    remove(assetId: string) {
      const slot = table.slotOf(assetId)
      if (slot < 0) return
      const head = groups.headOf(slot)
      const stored = store.get(head)
      if (stored) weights.remove(stored.tokens)
      table.kill(slot)
      alive--
      if (groups.leave(slot)) store.drop(head)
    },
    /** Best matches first, at most `limit`. */
    query(exactHash: string, sketch: QuerySketch, limit: number): Scored[] {
      const out = new Map<number, Scored>()
      for (const slot of table.withHash(exactHash)) {
        const assetId = table.idAt(slot) ?? ''
        out.set(slot, { assetId, similarity: 1, containment: 1, exact: true, rank: 2 })
      }
      const p = prepare(sketch)
      // A candidate is a group's head: its score is every live member's (copies of one text).
      const rescore = (heads: number[]) => {
        for (const head of heads) {
          const stored = store.get(head)
          if (!stored) continue
          let scored: Scored | undefined
          groups.each(head, (slot) => {
            const assetId = out.has(slot) ? undefined : table.idAt(slot)
            if (!assetId) return
            scored ??= score(sketch, p, stored, '')
            if (scored.similarity > 0) out.set(slot, { ...scored, assetId })
          })
        }
      }
      const wanted = limit * CANDIDATES_PER_RESULT
      const first = this.candidates(sketch, wanted)
      rescore(first.slots)
      const common = first.skipped > 0 && first.skipped >= sketch.anchors.length * DEEP_SHARE
      // Shape (rename-invariant) hash of a strong match: renamed variants share one.
      const familyOf = (slot: number) => store.shapeDigest(groups.headOf(slot))
      if (common && strongFamilies(out, familyOf) < limit) {
        const seen = new Set([...first.slots, ...out.keys()])
        rescore(this.candidates(sketch, wanted, { deep: true, seen }).slots)
      }
      return [...out.values()].sort((a, b) => b.rank - a.rank).slice(0, limit)
    },
    /** Slots sharing the most anchors with the sketch, at least `wanted` when there are. */
    candidates(
      sketch: QuerySketch,
      wanted = 0,
      more: Pick<FindOptions, 'deep' | 'seen'> = {},
    ): Found {
      const size = sketch.anchors.length
      return finder.find(sketch.anchors, sketch.lookup, {
        ...more,
        distance: (s) => Math.abs(table.sizeAt(s) - size),
        cap: Math.max(64, Math.ceil(groups.live * maxPostingShare)),
        slots: table.length,
        population: groups.started,
        max: Math.max(maxCandidates, wanted),
        live: (s) => groups.alive(s),
        allLive: groups.emptied === 0,
        copies: (s) => groups.size(s),
      })
    },
  }
  internals.set(index, {
    get slots() {
      return table.length
    },
    headOf: (slot) => groups.headOf(slot),
    scorer(query) {
      const p = prepare(query)
      return (slot) => {
        const stored = store.get(groups.headOf(slot))
        const assetId = table.idAt(slot)
        return stored && assetId ? score(query, p, stored, assetId) : undefined
      }
    },
    shapeOf: (slot) => store.shapeDigest(groups.headOf(slot)),
    get entriesRead() {
      return postings.read
    },
    bytes: () => ({
      slots: table.bytes + groups.bytes,
      sketches: store.bytes,
      postings: postings.bytes,
    }),
  })
  return index
}

export type NearIndex = ReturnType<typeof createNearIndex>
