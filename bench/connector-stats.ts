// Latency statistics and table printing for the connector benchmark.

/** The value at quantile q (0..1) of sorted samples, nearest-rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return sorted[rank] ?? Number.NaN
}

export interface LatencySummary {
  count: number
  median: number
  p99: number
}

/** Median and p99 of latency samples in milliseconds. */
export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b)
  return { count: sorted.length, median: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) }
}

/** Prints rows as an aligned text table. */
export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const row of rows) console.log(line(row))
}

/** Similarities this close count as a tie when deciding whether a match was missed. */
export const TIE = 0.01

/**
 * Whether a brute-force match counts as found by an answer: returned, or the answer already holds
 * as many matches at least as similar (within `TIE`) as the brute-force top has. Sliding windows
 * of one file and renamed look-alikes make families of near-equal snippets: the user saw an
 * equally good one.
 */
export function foundIn(
  answer: readonly { assetId: string; similarity: number }[],
  match: { assetId: string; similarity: number },
  topLength: number,
): boolean {
  if (answer.some((a) => a.assetId === match.assetId)) return true
  return answer.filter((a) => a.similarity >= match.similarity - TIE).length >= topLength
}
