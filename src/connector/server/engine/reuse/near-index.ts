import type { Sketch } from './sketch'
import { overlap, rankOf, similarityOf } from './similarity'

function push<K>(map: Map<K, number | number[]>, key: K, slot: number): void {
  const cur = map.get(key)
  if (cur === undefined) map.set(key, slot)
  else if (typeof cur === 'number') map.set(key, [cur, slot])
  else cur.push(slot)
}

const EMPTY: readonly number[] = []
const list = (v: number | number[] | undefined): readonly number[] =>
  v === undefined ? EMPTY : typeof v === 'number' ? [v] : v

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

/**
 * Inverted index from winnowed shingle hashes to assets. A query counts shared anchors per asset
 * (rarest anchors first, ubiquitous ones skipped), then re-scores the best candidates exactly.
 * Slots are append-only; removal marks a slot dead so it can never be returned again.
 */
export function createNearIndex(options: NearIndexOptions = {}) {
  const maxCandidates = options.maxCandidates ?? 48
  const maxPostingShare = options.maxPostingShare ?? 0.01
  const ids: string[] = []
  const hashes: string[] = []
  const sketches: (Sketch | undefined)[] = []
  const slotOf = new Map<string, number>()
  const byHash = new Map<string, number | number[]>()
  // A single slot is stored inline (no array) since most anchors belong to one asset.
  const postings = new Map<number, number | number[]>()
  let counts = new Uint16Array(1024)
  let alive = 0

  return {
    /** Number of live assets. */
    get size() {
      return alive
    },
    add(assetId: string, exactHash: string, sketch: Sketch | undefined) {
      this.remove(assetId)
      const slot = ids.length
      ids.push(assetId)
      hashes.push(exactHash)
      sketches.push(sketch)
      slotOf.set(assetId, slot)
      alive++
      push(byHash, exactHash, slot)
      if (sketch) for (const a of sketch.anchors) push(postings, a, slot)
    },
    remove(assetId: string) {
      const slot = slotOf.get(assetId)
      if (slot === undefined) return
      slotOf.delete(assetId)
      sketches[slot] = undefined
      ids[slot] = ''
      alive--
    },
    /** Best matches first, at most `limit`. */
    query(exactHash: string, querySketches: Sketch[], limit: number): Scored[] {
      const out = new Map<number, Scored>()
      for (const slot of list(byHash.get(exactHash))) {
        const assetId = ids[slot]
        if (assetId && hashes[slot] === exactHash) {
          out.set(slot, { assetId, similarity: 1, containment: 1, exact: true, rank: 2 })
        }
      }
      for (const sketch of querySketches) {
        for (const slot of this.candidates(sketch)) {
          const stored = sketches[slot]
          const assetId = ids[slot]
          if (!stored || !assetId || stored.mode !== sketch.mode) continue
          const o = overlap(sketch, stored)
          const similarity = similarityOf(sketch, o)
          const rank = rankOf(similarity, o)
          if (similarity <= 0 || (out.get(slot)?.rank ?? -1) >= rank) continue
          out.set(slot, { assetId, similarity, containment: o.containment, exact: false, rank })
        }
      }
      return [...out.values()].sort((a, b) => b.rank - a.rank).slice(0, limit)
    },
    /** Slots sharing the most anchors with the sketch. */
    candidates(sketch: Sketch): number[] {
      if (counts.length < ids.length)
        counts = new Uint16Array(Math.max(ids.length, counts.length * 2))
      const cap = Math.max(64, Math.ceil(alive * maxPostingShare))
      const touched: number[] = []
      for (const anchor of sketch.anchors) {
        const slots = list(postings.get(anchor))
        if (slots.length > cap) continue
        for (const slot of slots) {
          if (counts[slot] === 0) touched.push(slot)
          counts[slot] = (counts[slot] ?? 0) + 1
        }
      }
      const need = Math.max(1, Math.floor(sketch.anchors.length * 0.15))
      const found = touched.filter((s) => (counts[s] ?? 0) >= need && sketches[s] !== undefined)
      found.sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0))
      for (const s of touched) counts[s] = 0
      return found.slice(0, maxCandidates)
    },
    /** Every live slot scored exactly (the brute-force baseline of the bench). */
    scan(querySketches: Sketch[]): Scored[] {
      const out: Scored[] = []
      for (let slot = 0; slot < sketches.length; slot++) {
        const stored = sketches[slot]
        const assetId = ids[slot]
        const sketch = querySketches.find((q) => q.mode === stored?.mode)
        if (!stored || !assetId || !sketch) continue
        const o = overlap(sketch, stored)
        const similarity = similarityOf(sketch, o)
        out.push({
          assetId,
          similarity,
          containment: o.containment,
          exact: false,
          rank: rankOf(similarity, o),
        })
      }
      return out.sort((a, b) => b.rank - a.rank)
    },
  }
}

export type NearIndex = ReturnType<typeof createNearIndex>
