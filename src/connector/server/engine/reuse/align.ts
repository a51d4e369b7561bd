/**
 * Sequences longer than this are not aligned: their shingle sets are robust to a few edits, and
 * aligning them mostly raised unrelated look-alikes (`bench/quality.ts`: false reuse at 0.8 is
 * 2.0% with 400, 1.3% with 128, for the same edited copies found).
 */
export const MAX_ALIGN_TOKENS = 128
/**
 * The renaming check (`rename.ts`) aligns blinded sequences up to this length: past 128 tokens
 * only the shape shingles judged a renamed copy, and they break where a word that is a keyword
 * in one language is renamed in another (`new`, `var`, `default`).
 */
export const MAX_RENAME_TOKENS = 320
/**
 * Only common runs of at least this many tokens count: chance matches of `) ;` do not. Measured
 * on `bench/quality.ts` (aligning up to 400 tokens) at equal false reuse (2%): 2 → 94%, 3 → 93%, 4 → 90%, 6 → 86% of edited
 * copies suggested.
 */
export const MIN_RUN = 3

const WORD = 32
/** The bit rows of the last alignment, `(n + 1) × words` (see `alignRuns`), grown as needed. */
let rows = new Int32Array(0)
/** Match masks of `b`'s distinct tokens, `words` each. */
let masks = new Int32Array(0)
/** Index in `masks` of each token value of `b` plus one (0: not in `b`); reset after each call. */
const maskOf = new Uint16Array(1 << 16)

function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555)
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

/**
 * Calls `onRun(i, j, length)` (sequences of at most `max` tokens) for each common run of at
 * least `MIN_RUN` tokens (`a[i..]` equal to `b[j..]`) along a longest common subsequence of `a`
 * and `b`, last run first: an edited copy aligns in a few long runs around its edits, unrelated
 * code shares scattered punctuation.
 *
 * The table of LCS lengths is kept as one bit row per token of `a` (bit `j` clear where the
 * length grows at `b[j]`, the bit-parallel LCS of Allison and Dix in Hyyrö's form), 32 cells a
 * machine word: the walk back reads the same lengths as from the full table, so it takes the
 * same path (up on ties). As 16-bit cells, this table was 39% of the slowest matches' time.
 */
export function alignRuns(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  onRun: (i: number, j: number, length: number) => void,
  max = MAX_ALIGN_TOKENS,
): void {
  const n = a.length
  const m = b.length
  if (n === 0 || m === 0 || n > max || m > max) return
  const words = Math.ceil(m / WORD)
  if (rows.length < (n + 1) * words) rows = new Int32Array((n + 1) * words)
  if (masks.length < m * words) masks = new Int32Array(m * words)
  let distinct = 0
  for (let j = 0; j < m; j++) {
    const token = b[j] ?? 0
    let k = maskOf[token] ?? 0
    if (k === 0) {
      k = ++distinct
      maskOf[token] = k
      masks.fill(0, (k - 1) * words, k * words)
    }
    const at = (k - 1) * words + (j >>> 5)
    masks[at] = (masks[at] ?? 0) | (1 << (j & 31))
  }
  rows.fill(-1, 0, words)
  for (let i = 1; i <= n; i++) {
    const row = i * words
    const up = row - words
    const k = maskOf[a[i - 1] ?? 0] ?? 0
    if (k === 0) {
      rows.copyWithin(row, up, row)
      continue
    }
    const mask = (k - 1) * words
    let carry = 0
    for (let w = 0; w < words; w++) {
      const v = rows[up + w] ?? 0
      const u = v & (masks[mask + w] ?? 0)
      const sum = (v >>> 0) + (u >>> 0) + carry
      carry = sum > 0xffffffff ? 1 : 0
      rows[row + w] = sum | (v & ~u)
    }
  }
  for (let j = 0; j < m; j++) maskOf[b[j] ?? 0] = 0
  /** LCS length of `a[..i]` and `b[..j]`: the clear bits below `j` in row `i`. */
  const lengthAt = (i: number, j: number): number => {
    const row = i * words
    let set = 0
    const full = j >>> 5
    for (let w = 0; w < full; w++) set += bitCount(rows[row + w] ?? 0)
    if (j & 31) set += bitCount((rows[row + full] ?? 0) & ((1 << (j & 31)) - 1))
    return j - set
  }
  let run = 0
  let i = n
  let j = m
  let here = lengthAt(n, m)
  while (i > 0 && j > 0) {
    if (a[i - 1] === b[j - 1]) {
      run++
      i--
      j--
      here--
      continue
    }
    if (run >= MIN_RUN) onRun(i, j, run)
    run = 0
    const left = here - ((((rows[i * words + ((j - 1) >>> 5)] ?? 0) >>> ((j - 1) & 31)) & 1) ^ 1)
    // Here is the better of up and left: when left falls short, up is here.
    if (left < here || lengthAt(i - 1, j) === here) i--
    else {
      j--
      here = left
    }
  }
  if (run >= MIN_RUN) onRun(i, j, run)
}

/** Weight (`weights[i]` for `a[i]`) of the tokens of `a` covered by `alignRuns`. */
export function alignedWeight(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  weights: ArrayLike<number>,
): number {
  let aligned = 0
  alignRuns(a, b, (i, _j, length) => {
    for (let k = i; k < i + length; k++) aligned += weights[k] ?? 0
  })
  return aligned
}
