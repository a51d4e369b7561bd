import type { Sketch } from './sketch'

/** Size of the intersection of two sorted distinct hash arrays. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0
  let j = 0
  let n = 0
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0
    const y = b[j] ?? 0
    if (x === y) {
      n++
      i++
      j++
    } else if (x < y) i++
    else j++
  }
  return n
}

/** Shingles of the query restricted to the stored snippet's sample, so the two compare fairly. */
function sampled(query: Sketch, mod: number): Uint32Array {
  if (mod <= query.sampleMod) return query.shingles
  return query.shingles.filter((h) => h % mod === 0)
}

export interface Overlap {
  jaccard: number
  containment: number
  /** Share of the query's identifiers found in the stored snippet (1 when it has none). */
  identContainment: number
  /** Share of the query's literals found in the stored snippet (1 when it has none). */
  literalContainment: number
}

/** Exact Jaccard and containment (share of the query inside the stored snippet). */
export function overlap(query: Sketch, stored: Sketch): Overlap {
  if (query.mode !== stored.mode)
    return { jaccard: 0, containment: 0, identContainment: 0, literalContainment: 0 }
  const mod = Math.max(query.sampleMod, stored.sampleMod)
  const q = sampled(query, mod)
  const s = mod > stored.sampleMod ? stored.shingles.filter((h) => h % mod === 0) : stored.shingles
  const inter = intersectionSize(q, s)
  const union = q.length + s.length - inter
  const qi = query.idents.length
  const ql = query.literals.length
  return {
    literalContainment: ql === 0 ? 1 : intersectionSize(query.literals, stored.literals) / ql,
    jaccard: union === 0 ? 0 : inter / union,
    containment: q.length === 0 ? 0 : inter / q.length,
    identContainment: qi === 0 ? 1 : intersectionSize(query.idents, stored.idents) / qi,
  }
}

/** A partial copy must be at least this many non-blank lines to count by containment. */
export const MIN_PARTIAL_LINES = 5
/** …and hold at least this many shingles, so a few common statements don't look like a copy. */
export const MIN_PARTIAL_SHINGLES = 8
/** Containment counts slightly less than full similarity, so whole copies rank first. */
export const CONTAINMENT_WEIGHT = 0.9

/**
 * How much disagreeing literals lower a shape match. Generated boilerplate (`require("a")` wrappers,
 * benchmark cases) shares its shape across many files and differs only in literals, which a rename
 * or re-indent never touches.
 */
export const LITERAL_WEIGHT = 0.5

/**
 * The similarity reported to users: Jaccard of the token shape, or weighted containment for a
 * big-enough part, scaled down when the query's literals are absent from the stored snippet.
 */
export function similarityOf(query: Sketch, o: Overlap): number {
  const partialOk =
    query.lines >= MIN_PARTIAL_LINES && query.shingles.length >= MIN_PARTIAL_SHINGLES
  const shape = partialOk ? Math.max(o.jaccard, o.containment * CONTAINMENT_WEIGHT) : o.jaccard
  return shape * (1 - LITERAL_WEIGHT * (1 - o.literalContainment))
}

/**
 * Ranking key: the similarity, then (for ties between look-alikes, e.g. generated code that
 * shares a shape) the share of the query's names found in the candidate, then the tighter fit.
 */
export function rankOf(similarity: number, o: Overlap): number {
  return similarity + 0.04 * o.identContainment + 0.01 * o.jaccard
}
