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

let table = new Uint16Array(0)

/**
 * Calls `onRun(i, j, length)` (sequences of at most `max` tokens) for each common run of at least `MIN_RUN` tokens (`a[i..]` equal to
 * `b[j..]`) along a longest common subsequence of `a` and `b`, last run first: an edited copy
 * aligns in a few long runs around its edits, unrelated code shares scattered punctuation.
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
  const w = m + 1
  if (table.length < (n + 1) * w) table = new Uint16Array((n + 1) * w)
  table.fill(0, 0, w)
  for (let i = 1; i <= n; i++) {
    const row = i * w
    const up = row - w
    const x = a[i - 1]
    table[row] = 0
    for (let j = 1; j <= m; j++) {
      table[row + j] =
        x === b[j - 1]
          ? (table[up + j - 1] ?? 0) + 1
          : Math.max(table[up + j] ?? 0, table[row + j - 1] ?? 0)
    }
  }
  let run = 0
  let i = n
  let j = m
  while (i > 0 && j > 0) {
    if (a[i - 1] === b[j - 1]) {
      run++
      i--
      j--
      continue
    }
    if (run >= MIN_RUN) onRun(i, j, run)
    run = 0
    if ((table[(i - 1) * w + j] ?? 0) >= (table[i * w + j - 1] ?? 0)) i--
    else j--
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
