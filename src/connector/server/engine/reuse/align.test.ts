import { describe, expect, it } from 'vitest'
import { seededRandom } from '../test-support/variants'
import { alignRuns, MAX_RENAME_TOKENS, MIN_RUN } from './align'
import { blind } from './rename'
import { sketchOf } from './sketch'
import { normalizeSnippet } from '../normalize'

/**
 * The alignment as the full table of LCS lengths walks it (up on ties), written plainly: what
 * the bit rows of `alignRuns` must reproduce run for run, since the scores are tuned on its path.
 */
function tableRuns(a: number[], b: number[], max: number): number[][] {
  const out: number[][] = []
  const n = a.length
  const m = b.length
  if (n === 0 || m === 0 || n > max || m > max) return out
  const t = new Array<number>((n + 1) * (m + 1)).fill(0)
  const at = (i: number, j: number): number => t[i * (m + 1) + j] ?? 0
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++)
      t[i * (m + 1) + j] =
        a[i - 1] === b[j - 1] ? at(i - 1, j - 1) + 1 : Math.max(at(i - 1, j), at(i, j - 1))
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
    if (run >= MIN_RUN) out.push([i, j, run])
    run = 0
    if (at(i - 1, j) >= at(i, j - 1)) i--
    else j--
  }
  if (run >= MIN_RUN) out.push([i, j, run])
  return out
}

function runs(a: ArrayLike<number>, b: ArrayLike<number>, max: number): number[][] {
  const out: number[][] = []
  alignRuns(a, b, (i, j, length) => out.push([i, j, length]), max)
  return out
}

/** `base` with a few tokens replaced, dropped and inserted (an edited copy). */
function edited(base: number[], alphabet: number, random: () => number): number[] {
  const out: number[] = []
  for (const token of base) {
    const r = random()
    if (r < 0.05) continue
    if (r < 0.1) out.push(Math.floor(random() * alphabet))
    else out.push(token)
    if (random() < 0.05) out.push(Math.floor(random() * alphabet))
  }
  return out
}

describe('alignRuns', () => {
  it('walks the same runs as the full table, at every length around the word size', () => {
    const random = seededRandom(11)
    const lengths = [1, 2, 3, 31, 32, 33, 63, 64, 65, 96, 127, 128, 129, 200, 319, 320]
    for (const alphabet of [2, 4, 30, 60_000]) {
      for (const n of lengths) {
        const m = lengths[Math.floor(random() * lengths.length)] ?? 1
        const a = Array.from({ length: n }, () => Math.floor(random() * alphabet))
        const b = Array.from({ length: m }, () => Math.floor(random() * alphabet))
        expect(runs(a, b, MAX_RENAME_TOKENS)).toEqual(tableRuns(a, b, MAX_RENAME_TOKENS))
        const copy = edited(a, alphabet, random).slice(0, MAX_RENAME_TOKENS)
        const got = runs(a, copy, MAX_RENAME_TOKENS)
        expect(got).toEqual(tableRuns(a, copy, MAX_RENAME_TOKENS))
        if (alphabet > 2 && n >= 31) expect(got.length).toBeGreaterThan(0)
      }
    }
  })

  it('walks the same runs as the full table on the blinded tokens of real code', () => {
    const code = (name: string, extra: string) =>
      normalizeSnippet(
        `export function ${name}(items, limit) {\n  const out = []\n  for (const item of items) {\n` +
          `    if (out.length >= limit) break\n${extra}    out.push(item.${name})\n  }\n  return out\n}\n`,
      )
    const pairs = [
      [code('firstNames', ''), code('lastNames', '    if (!item) continue\n')],
      [
        code('take', '    // keep it\n'),
        code('pick', '    console.log(item)\n    console.log(out)\n'),
      ],
    ]
    for (const [x, y] of pairs) {
      const p = sketchOf(x ?? '')
      const q = sketchOf(y ?? '')
      const a = blind(p.tokens, p.kinds)
      const b = blind(q.tokens, q.kinds)
      const got = runs(a, b, MAX_RENAME_TOKENS)
      expect(got.length).toBeGreaterThan(0)
      expect(got).toEqual(tableRuns([...a], [...b], MAX_RENAME_TOKENS))
    }
  })

  it('aligns nothing past the length limit, and is not disturbed by a call that was', () => {
    const a = Array.from({ length: 40 }, (_, i) => i % 7)
    const long = Array.from({ length: 41 }, (_, i) => i % 7)
    expect(runs(a, long, 40)).toEqual([])
    expect(runs(a, a, 40)).toEqual([[0, 0, 40]])
  })
})
