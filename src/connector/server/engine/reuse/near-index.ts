import { createPostings } from './postings'
import type { QuerySketch, Sketch } from './sketch'
import { createSketchStore } from './sketch-store'
import { overlap, rankOf, similarityOf, type QueryWeights } from './similarity'
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

export interface NearIndexOptions {
  /** Candidates re-scored exactly per query. */
  maxCandidates?: number
  /** Anchors shared by more assets than this share of the library (default 1%) are skipped. */
  maxPostingShare?: number
}

/** A candidate needs this share of the query's anchors (of one kind: half the lookup keys). */
const MIN_SHARED_ANCHORS = 0.05
/** With fewer candidates than this, the common anchors skipped are counted too (capped ×10). */
const FALLBACK_BELOW = 16
/** Candidates re-scored per result asked for, when that is more than `maxCandidates`. */
const CANDIDATES_PER_RESULT = 4

/**
 * Inverted index from winnowed shingle hashes to assets. A query counts shared anchors per asset
 * (ubiquitous ones skipped), then re-scores the best candidates exactly.
 * Slots are append-only; removal marks a slot dead so it can never be returned again.
 */
export function createNearIndex(options: NearIndexOptions = {}) {
  const maxCandidates = options.maxCandidates ?? 128
  const maxPostingShare = options.maxPostingShare ?? 0.01
  const ids: string[] = []
  const hashes: string[] = []
  const store = createSketchStore()
  const slotOf = new Map<string, number>()
  const byHash = new Map<string, number | number[]>()
  const postings = createPostings()
  let counts = new Uint16Array(1024)
  const weights = createTokenWeights()
  let alive = 0

  const weigh = (query: Sketch): QueryWeights => {
    const of = weights.of(query.tokens)
    return { of, total: of.reduce((a, b) => a + b, 0), totalOf: (t) => weights.total(t) }
  }
  const score = (query: Sketch, w: QueryWeights, stored: Sketch, assetId: string): Scored => {
    const o = overlap(query, stored, w)
    const similarity = similarityOf(query, o)
    return {
      assetId,
      similarity,
      containment: o.containment,
      exact: false,
      rank: rankOf(similarity, o),
    }
  }

  return {
    /** Number of live assets. */
    get size() {
      return alive
    },
    add(
      assetId: string,
      exactHash: string,
      sketch: (Sketch & { anchors: Uint32Array }) | undefined,
    ) {
      this.remove(assetId)
      const slot = ids.length
      ids.push(assetId)
      hashes.push(exactHash)
      slotOf.set(assetId, slot)
      alive++
      const same = byHash.get(exactHash)
      if (same === undefined) byHash.set(exactHash, slot)
      else if (typeof same === 'number') byHash.set(exactHash, [same, slot])
      else same.push(slot)
      if (!sketch) return
      store.put(slot, sketch)
      weights.add(sketch.tokens)
      for (const a of sketch.anchors) postings.add(a, slot)
    },
    remove(assetId: string) {
      const slot = slotOf.get(assetId)
      if (slot === undefined) return
      slotOf.delete(assetId)
      const stored = store.get(slot)
      if (stored) weights.remove(stored.tokens)
      store.drop(slot)
      ids[slot] = ''
      alive--
    },
    /** Best matches first, at most `limit`. */
    query(exactHash: string, sketch: QuerySketch, limit: number): Scored[] {
      const out = new Map<number, Scored>()
      const same = byHash.get(exactHash)
      for (const slot of same === undefined ? [] : typeof same === 'number' ? [same] : same) {
        const assetId = ids[slot]
        if (assetId && hashes[slot] === exactHash) {
          out.set(slot, { assetId, similarity: 1, containment: 1, exact: true, rank: 2 })
        }
      }
      const w = weigh(sketch)
      for (const slot of this.candidates(sketch, limit * CANDIDATES_PER_RESULT)) {
        const stored = store.get(slot)
        const assetId = ids[slot]
        if (!stored || !assetId || out.has(slot)) continue
        const scored = score(sketch, w, stored, assetId)
        if (scored.similarity > 0) out.set(slot, scored)
      }
      return [...out.values()].sort((a, b) => b.rank - a.rank).slice(0, limit)
    },
    /** Slots sharing the most anchors with the sketch, at least `wanted` when there are. */
    candidates(sketch: QuerySketch, wanted = 0): number[] {
      if (counts.length < ids.length)
        counts = new Uint16Array(Math.max(ids.length, counts.length * 2))
      const cap = Math.max(64, Math.ceil(alive * maxPostingShare))
      const touched: number[] = []
      const visit = (slot: number): void => {
        if (counts[slot] === 0) touched.push(slot)
        counts[slot] = (counts[slot] ?? 0) + 1
      }
      const skipped = sketch.lookup.filter((anchor) => !postings.forEach(anchor, cap, visit))
      const need = Math.max(1, Math.floor(sketch.lookup.length * MIN_SHARED_ANCHORS))
      const live = (s: number): boolean => (counts[s] ?? 0) >= need && ids[s] !== ''
      // Boilerplate-heavy snippets may share only common anchors with their copies: count those.
      if (skipped.length > 0 && touched.filter(live).length < FALLBACK_BELOW)
        for (const anchor of skipped) postings.forEach(anchor, cap * 10, visit)
      const found = touched.filter(live)
      found.sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0))
      for (const s of touched) counts[s] = 0
      return found.slice(0, Math.max(maxCandidates, wanted))
    },
    /** Every live slot scored exactly (the brute-force baseline of the bench). */
    scan(sketch: Sketch): Scored[] {
      const out: Scored[] = []
      const w = weigh(sketch)
      for (let slot = 0; slot < ids.length; slot++) {
        const stored = store.get(slot)
        const assetId = ids[slot]
        if (stored && assetId) out.push(score(sketch, w, stored, assetId))
      }
      return out.sort((a, b) => b.rank - a.rank)
    },
  }
}

export type NearIndex = ReturnType<typeof createNearIndex>
