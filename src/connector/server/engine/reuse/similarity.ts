import { alignedWeight } from './align'
import { renameMatch } from './rename'
import { REPETITIVE, type Sketch } from './sketch'

/** Size of the intersection of two sorted distinct arrays. */
export function intersectionSize(a: ArrayLike<number>, b: ArrayLike<number>): number {
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

export interface Overlap {
  /** Jaccard of the shape shingles (0 when either side's shape is degenerate). */
  shape: number
  /** Jaccard and containment (share of the query inside the stored snippet) of literal shingles. */
  jaccard: number
  containment: number
  /** Share of the query's identifiers found in the stored snippet (1 when it has none). */
  identContainment: number
  /** Share of the query's literals found in the stored snippet (1 when it has none). */
  literalContainment: number
  /** Either shape is list-like: only literals vouch for a shape match. */
  listLike: boolean
  /** Dice coefficient of the token alignment (0 when not aligned, see `ALIGN_FLOOR`). */
  alignment: number
  /** Share of the query's tokens aligned with the stored snippet. */
  alignedContainment: number
  /** Jaccard and containment of the comment word shingles. */
  notes: number
  notesContainment: number
  /** The stored snippet's comment share, in thousandths. */
  storedCommentShare: number
  /** Blinded alignment and renaming consistency (see `rename.ts`); 0 when not computed. */
  structure: number
  consistency: number
  evidence: number
  frameOnly: boolean
  renamedEvidence: number
  /** The line reading of the code lines (see `lineReading`). */
  lines: number
  /** Share of a small query's code lines kept in order in the stored one (see `keptShare`). */
  partLines: number
}

/** The renaming check runs for candidates whose shape Jaccard reaches this (cost bound). */
export const RENAME_FLOOR = 0.3

/**
 * Candidates whose literal shingle containment is below this are not aligned (cost bound):
 * measured on `bench/quality.ts`, floors from 0.15 to 0.45 suggest the same edited copies.
 */
export const ALIGN_FLOOR = 0.4

const jaccardOf = (a: ArrayLike<number>, b: ArrayLike<number>, inter: number): number =>
  a.length + b.length - inter === 0 ? 0 : inter / (a.length + b.length - inter)

/** Token weights for one query's alignments (see `weights.ts`). */
export interface QueryWeights {
  /** Weight of each query token. */
  of: ArrayLike<number>
  /** Sum of `of`. */
  total: number
  /** Sum of the weights of a stored snippet's tokens. */
  totalOf(tokens: ArrayLike<number>): number
}

/** Every token weighs 1. */
export function uniformWeights(query: Sketch): QueryWeights {
  const n = query.tokens.length
  return { of: new Float64Array(n).fill(1), total: n, totalOf: (t) => t.length }
}

/** A list-like shape counts only with at least this many literals in the query. */
export const MIN_LIST_LITERALS = 3

/** Exact overlap of two sketches (`blinded`: the query's `blind` tokens, made once a query). */
export function overlap(
  query: Sketch,
  stored: Sketch,
  w = uniformWeights(query),
  blinded?: Uint16Array,
): Overlap {
  // Sketches sampled at different rates only meet for very long snippets: compare what both kept.
  const q = query.sampleMod < stored.sampleMod ? resample(query, stored.sampleMod) : query
  const s = stored.sampleMod < query.sampleMod ? resample(stored, query.sampleMod) : stored
  const noShape = query.degenerate === 1 || stored.degenerate === 1
  const shapeInter = noShape ? 0 : intersectionSize(q.shape, s.shape)
  const rawInter = intersectionSize(q.raw, s.raw)
  const qi = query.idents.length
  const ql = query.literals.length
  const containment = q.raw.length === 0 ? 0 : rawInter / q.raw.length
  const aligned = containment >= ALIGN_FLOOR ? alignedWeight(query.tokens, stored.tokens, w.of) : 0
  const notesInter = intersectionSize(query.notes, stored.notes)
  const sequences = query.kinds.length > 0 && stored.kinds.length > 0
  const rename =
    !noShape && sequences && jaccardOf(q.shape, s.shape, shapeInter) >= RENAME_FLOOR
      ? renameMatch(query, stored, blinded)
      : { structure: 0, consistency: 0, evidence: 0, frameOnly: false, renamedEvidence: 0 }
  return {
    notes: jaccardOf(query.notes, stored.notes, notesInter),
    storedCommentShare: stored.commentShare,
    notesContainment: query.notes.length === 0 ? 0 : notesInter / query.notes.length,
    ...rename,
    shape: jaccardOf(q.shape, s.shape, shapeInter),
    jaccard: jaccardOf(q.raw, s.raw, rawInter),
    containment,
    identContainment: qi === 0 ? 1 : intersectionSize(query.idents, stored.idents) / qi,
    literalContainment: ql === 0 ? 1 : intersectionSize(query.literals, stored.literals) / ql,
    listLike: query.degenerate === REPETITIVE || stored.degenerate === REPETITIVE,
    alignment: aligned === 0 ? 0 : (2 * aligned) / (w.total + w.totalOf(stored.tokens)),
    alignedContainment: aligned === 0 ? 0 : aligned / w.total,
    lines: lineReading(query.codeLines, stored.codeLines),
    partLines:
      query.raw.length < MIN_PARTIAL_SHINGLES && query.codeLines.length >= MIN_PARTIAL_LINES
        ? keptShare(query.codeLines, stored.codeLines)
        : 0,
  }
}

/** Code lines each side needs for the line reading: a few lines say little line by line. */
export const MIN_READ_LINES = 4
/** A changed line is paired across a gap of at most this many lines on each side. */
export const MAX_EDIT_GAP = 2
/**
 * The reading counts only where this share of the longer side's lines is kept as it was: two
 * import lists of one project pair many lines as changed ones (go-cmp's, under one license
 * comment, read 0.5 and were reuse by that comment's share). Tune part of `bench/quality.ts`,
 * edited copies: floors 0.5, 0.6, 0.7 give 99.3, 99.1, 97.3%, the same false reuse.
 */
export const LINE_FLOOR = 0.5

let lineTable = new Uint16Array(0)

/**
 * The line reading: lines kept as they were (a longest common subsequence of the normalised code
 * lines) count whole, lines changed in place half (each side's lines of a gap between kept lines,
 * paired where the gap is at most `MAX_EDIT_GAP` lines on both sides), as a Dice of the two line
 * counts. An edited copy keeps most lines and changes a few where they are; unrelated code of
 * the same shape keeps few, whatever its tokens. Small snippets need it most: in an import list
 * of eight one-token lines, an edit of two and a new line changed 60% of the tokens. Measured on
 * `bench/quality.ts`'s tune part: edited copies suggested 95.4% -> 99.3% (go 78.8 -> 96.3%),
 * false reuse on unrelated code the same (0.9%); gaps of 1 line: 98.4%, of 3: 99.4% and one more
 * copy of a saved snippet (by a line diff) suggested.
 */
export function lineReading(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length
  const m = b.length
  if (n < MIN_READ_LINES || m < MIN_READ_LINES) return 0
  const w = m + 1
  if (lineTable.length < (n + 1) * w) lineTable = new Uint16Array((n + 1) * w)
  const t = lineTable
  t.fill(0, 0, w)
  for (let i = 1; i <= n; i++) {
    const row = i * w
    t[row] = 0
    for (let j = 1; j <= m; j++)
      t[row + j] =
        a[i - 1] === b[j - 1]
          ? (t[row - w + j - 1] ?? 0) + 1
          : Math.max(t[row - w + j] ?? 0, t[row + j - 1] ?? 0)
  }
  let kept = 0
  let changed = 0
  let gapA = 0
  let gapB = 0
  const close = (): void => {
    if (Math.max(gapA, gapB) <= MAX_EDIT_GAP) changed += Math.min(gapA, gapB)
    gapA = 0
    gapB = 0
  }
  let i = n
  let j = m
  while (i > 0 && j > 0) {
    if (a[i - 1] === b[j - 1]) {
      close()
      kept++
      i--
      j--
    } else if ((t[(i - 1) * w + j] ?? 0) >= (t[i * w + j - 1] ?? 0)) {
      gapA++
      i--
    } else {
      gapB++
      j--
    }
  }
  gapA += i
  gapB += j
  close()
  if (kept < LINE_FLOOR * Math.max(n, m)) return 0
  return (2 * kept + changed) / (n + m)
}

/** Share of `a`'s lines found in `b` in the same order (a longest common subsequence). */
function keptShare(a: ArrayLike<number>, b: ArrayLike<number>): number {
  // Two rows, swapped line by line: it runs for every candidate of a small query.
  let row = new Uint16Array(b.length + 1)
  let next = new Uint16Array(b.length + 1)
  for (let i = 0; i < a.length; i++) {
    for (let j = 1; j <= b.length; j++)
      next[j] = a[i] === b[j - 1] ? (row[j - 1] ?? 0) + 1 : Math.max(row[j] ?? 0, next[j - 1] ?? 0)
    ;[row, next] = [next, row]
  }
  return a.length === 0 ? 0 : (row[b.length] ?? 0) / a.length
}

/** The sketch as if sampled 1 in `mod` (sampling keeps the stored values that are 0 mod m). */
function resample(s: Sketch, mod: number): Sketch {
  const keep = (v: number): boolean => v % mod === 0
  return { ...s, shape: s.shape.filter(keep), raw: s.raw.filter(keep) }
}

/** A partial copy must be at least this many non-blank lines to count by containment. */
export const MIN_PARTIAL_LINES = 5
/** …and hold at least this many shingles, so a few common statements don't look like a copy. */
export const MIN_PARTIAL_SHINGLES = 8
/** Containment counts slightly less than full similarity, so whole copies rank first. */
export const CONTAINMENT_WEIGHT = 0.9
/** Exponent on the name and literal agreement that a shape-only match must show. */
export const AGREEMENT_POWER = 3
/**
 * A structure match short of whole is raised to 1 + this × the square of the share of its name
 * pairs that do not vouch for the renaming (see `codeSimilarity`). `bench/false-reuse-tune.ts`,
 * c false reuse 3.5% -> 2.0%; a renamed-bound copy then edited (tune part): 383 -> 380 of 901
 * (4, linear: 377; 16, squared: 376 and 1.5%).
 */
export const SHORT_STRUCTURE_POWER = 8
/** Exponent on the renaming consistency of a structure match. */
export const CONSISTENCY_POWER = 2
/**
 * A list-like copy whose blinded structure and renaming agree this much with a saved one is that
 * list renamed (see `codeSimilarity`).
 */
export const WHOLE_LIST = 0.98
/** What a copy with every name renamed scores at most (one with none renamed: 0.99). */
export const RENAMED_FLOOR = 0.9
/** A copy that is not identical (normalised) scores at most this: only identical reads 100%. */
export const MAX_NEAR = 0.99

/**
 * The code's similarity, the better of two readings:
 * - literal: Jaccard of the literal shingles, or weighted containment for a big-enough part (an
 *   edited or partial copy keeps most names and literals as written);
 * - renamed: the structure with every name blinded (alignment and rename-invariant shingles),
 *   scaled by how consistently the names pair up (a bijection) and by literal agreement (a
 *   rename keeps every literal; unrelated code of the same shape has its own). How many names
 *   agree only moves a renamed copy between `RENAMED_FLOOR` and `MAX_NEAR`.
 */
function codeSimilarity(query: Sketch, o: Overlap, partialOk: boolean): number {
  // The token alignment of two lists of one frame aligns the frame (`import com.facebook.react.
  // bridge.` is ten tokens of each eleven-token line): only their shingles and kept lines count.
  const whole = Math.max(o.jaccard, o.frameOnly && o.listLike ? 0 : o.alignment, o.lines)
  const part = o.containment * CONTAINMENT_WEIGHT
  const literal = partialOk ? Math.max(whole, part) : whole
  const listOk = query.literals.length >= MIN_LIST_LITERALS
  const names = RENAMED_FLOOR + (MAX_NEAR - RENAMED_FLOOR) * o.identContainment
  if (o.listLike && !listOk) {
    // A list's shape says little; a renaming that repeats itself (or keeps names) still does,
    // and so does a whole list renamed name by name: every keyword, mark and literal in place,
    // at the same length. Unrelated lists of one form mostly differ in their literals or length;
    // those with neither (two C vtables of sibling files) are taken for each other.
    // A list whose kept names are only its frame (`exports.`, `import java.util.`, a vtable's
    // type) is another list of that frame, not one renamed name by name, unless its renamed
    // names vouch for the renaming themselves (held-out js: babel's exports of `findRootConfig…`
    // read 0.99 against `assertBinary…`; `bench/false-reuse-tune.ts`: JDK import lists of other
    // packages read 0.91–0.95, java false reuse 4.9% -> 0.0%).
    const renamedList =
      o.structure *
      o.consistency ** CONSISTENCY_POWER *
      (o.frameOnly ? o.renamedEvidence : o.evidence)
    const wholeList = !o.frameOnly && o.structure >= WHOLE_LIST && o.consistency >= WHOLE_LIST
    const renamed = wholeList ? Math.max(renamedList, o.structure * names) : renamedList
    return Math.max(literal, renamed * o.literalContainment ** AGREEMENT_POWER)
  }
  let renamed: number
  if (o.structure > 0) {
    // The blinded alignment alone: the shingles also change where a word that is a keyword in
    // one language is renamed in another (held-out renamed-any 85.1% -> 88.4%, same false reuse).
    // A structure short of whole counts by how much the names vouch for the renaming: two enums
    // of one form and other lengths align all but their extra items, each name met once.
    const whole = o.structure ** (1 + SHORT_STRUCTURE_POWER * (1 - o.evidence) ** 2)
    renamed = whole * o.consistency ** CONSISTENCY_POWER * o.literalContainment ** AGREEMENT_POWER
  } else {
    // Too long to align: the rename-invariant shingles, where names or literals agree.
    const agreement = o.listLike
      ? o.literalContainment
      : Math.max(o.literalContainment, o.identContainment)
    renamed = o.shape * agreement ** AGREEMENT_POWER
  }
  return Math.max(literal, renamed * names)
}

/**
 * The similarity reported to users: the code's (see `codeSimilarity`) and the comments' (their
 * words as text), weighted by the share of comment words of the two snippets (the smaller: a
 * copy without its comments is still the code). A copy of comments alone is compared as text.
 */
export function similarityOf(query: Sketch, o: Overlap): number {
  // A part's comment words count too (three words as one shingle): a part of a well-commented
  // snippet may hold few code tokens (held-out partial 90.2% -> 92.8%).
  const words = query.notes.length
  const shingles = query.commentShare >= 1000 ? words : query.raw.length + Math.floor(words / 3)
  // …or, with fewer shingles (an import list, one token a line), every code line kept in order:
  // tune part of `bench/quality.ts`, partial go 88.8% -> 95.0%, c 97.4% -> 100%, false reuse on
  // unrelated code the same (0.7%); `bench/renamed-tune.ts` go 90.0% -> 95.3%.
  const partialOk =
    query.lines >= MIN_PARTIAL_LINES && (shingles >= MIN_PARTIAL_SHINGLES || o.partLines === 1)
  const notes = partialOk ? Math.max(o.notes, o.notesContainment * CONTAINMENT_WEIGHT) : o.notes
  if (query.commentShare >= 1000) return Math.min(MAX_NEAR, notes)
  const share = Math.min(query.commentShare, o.storedCommentShare) / 1000
  // A part whose code alone is too small to be one (a doc comment and the `];` `}` after it)
  // is inside a snippet only where its comment words are too, by the query's own share of them:
  // its one or two code shingles put it at 0.90 inside unrelated code that ends the same way (10
  // of the connector bench's misses at 100,000 assets were such false matches outranking).
  const codePart = query.raw.length >= MIN_PARTIAL_SHINGLES
  const code = codeSimilarity(query, o, partialOk && codePart)
  const whole = (1 - share) * code + share * notes
  if (!partialOk || codePart) return Math.min(MAX_NEAR, whole)
  const own = query.commentShare / 1000
  const part = CONTAINMENT_WEIGHT * ((1 - own) * o.containment + own * o.notesContainment)
  return Math.min(MAX_NEAR, Math.max(whole, part))
}
/**
 * Ranking key: the similarity, then (for ties between look-alikes, e.g. generated code that
 * shares a shape) the share of the query's names found in the candidate, then the tighter fit.
 */
export function rankOf(similarity: number, o: Overlap): number {
  return similarity + 0.04 * o.identContainment + 0.01 * o.jaccard
}
