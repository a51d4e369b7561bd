import type { Accumulator, createPostings } from './postings'

/**
 * A candidate must share this share of the anchors looked up (shape and literal together).
 * Measured on the bench's recall queries: 0.05 → recall 1.000 / 0.981 at 10,000 / 100,000
 * assets; 0.25 → 0.990 / 0.981; 0.35 → 0.802 (boilerplate families share few anchors).
 */
export const MIN_SHARED_ANCHORS = 0.05
/**
 * With fewer candidates than this, the common anchors skipped are counted too (capped ×10):
 * boilerplate-heavy snippets may share only those with their copies (recall at 100,000 assets
 * 0.981 with 16, 0.962 with 0 or 1).
 */
export const FALLBACK_BELOW = 16

/** What a search is over. */
export interface FindOptions {
  /** Anchors filed under more slots than this are skipped (unless too few candidates). */
  cap: number
  /** Slots in the index (dead ones included). */
  slots: number
  /** Live assets (for the rarity weights). */
  alive: number
  /** Candidates returned at most. */
  max: number
  /** Whether a slot still holds an asset. */
  live(slot: number): boolean
}

/**
 * Candidate selection: sums, per slot, the rarity of the anchors it shares with the query
 * (anchors filed under more than `cap` slots skipped), and keeps the heaviest. Rarity rather
 * than a plain count: in generated-code families hundreds of assets share the common anchors.
 */
export function createCandidateFinder(postings: ReturnType<typeof createPostings>) {
  let counts = new Uint16Array(1024)
  let weights = new Float32Array(1024)

  return {
    /** Live slots sharing enough anchors with `lookup`, heaviest first. */
    find(lookup: Uint32Array, { cap, slots, alive, max, live }: FindOptions): number[] {
      if (counts.length < slots) {
        counts = new Uint16Array(Math.max(slots, counts.length * 2))
        weights = new Float32Array(counts.length)
      }
      const acc: Accumulator = { counts, weights, touched: [] }
      // Inverse document frequency: an anchor of 1 asset in 100,000 weighs 11.5, of 1,000 4.6.
      const all = Math.log(alive + 1)
      const weigh = (n: number): number => all - Math.log(n)
      const skipped = lookup.filter((anchor) => !postings.gather(anchor, cap, acc, weigh))
      let need = Math.max(1, Math.floor((lookup.length - skipped.length) * MIN_SHARED_ANCHORS))
      const ok = (s: number): boolean => (counts[s] ?? 0) >= need && live(s)
      const { touched } = acc
      let found = touched.filter(ok)
      // Boilerplate-heavy snippets may share only common anchors with their copies: count those.
      if (skipped.length > 0 && found.length < FALLBACK_BELOW) {
        for (const anchor of skipped) postings.gather(anchor, cap * 10, acc, weigh)
        need = Math.max(1, Math.floor(lookup.length * MIN_SHARED_ANCHORS))
        found = touched.filter(ok)
      }
      const out = top(found, weights, max)
      for (const s of touched) counts[s] = weights[s] = 0
      return out
    },
  }
}

/** The `max` heaviest slots, heaviest first (a native sort of the weights finds the cut). */
function top(slots: number[], weights: Float32Array, max: number): number[] {
  let keep = slots
  if (slots.length > max) {
    const sorted = Float32Array.from(slots, (s) => weights[s] ?? 0).sort()
    const cut = sorted[sorted.length - max] ?? 0
    keep = slots.filter((s) => (weights[s] ?? 0) >= cut)
  }
  return keep.sort((a, b) => (weights[b] ?? 0) - (weights[a] ?? 0)).slice(0, max)
}
