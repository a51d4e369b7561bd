import { getRow, allRows, type Statements } from './sql'

/**
 * Remembers that the user turned down a suggestion for a copy (by its exact hash): the reuse of
 * `assetId`, or saving it (`assetId` undefined). A save dismissal remembers the last seed recorded
 * so far, so only copies made after it count as the user copying the text again.
 */
export function recordDismissal(
  sql: Statements,
  exactHash: string,
  assetId: string | undefined,
  now: Date,
): void {
  const last = getRow<{ id: number | null }>(sql('SELECT max(id) AS id FROM seeds'))?.id ?? 0
  sql(
    `INSERT INTO dismissals (exact_hash, asset_id, last_seed, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (exact_hash, asset_id) DO UPDATE SET last_seed = excluded.last_seed,
       created_at = excluded.created_at`,
  ).run(exactHash, assetId ?? '', last, now.toISOString())
}

/** Assets whose reuse the user dismissed for this copy. */
export function dismissedReuse(sql: Statements, exactHash: string): Set<string> {
  const rows = allRows<{ asset_id: string }>(
    sql("SELECT asset_id FROM dismissals WHERE exact_hash = ? AND asset_id <> ''"),
    exactHash,
  )
  return new Set(rows.map((r) => r.asset_id))
}

/**
 * Copies of this text suggested since the user dismissed saving it, or undefined when saving it
 * was never dismissed.
 */
export function copiesSinceSaveDismissed(sql: Statements, exactHash: string): number | undefined {
  const row = getRow<{ last_seed: number }>(
    sql("SELECT last_seed FROM dismissals WHERE exact_hash = ? AND asset_id = ''"),
    exactHash,
  )
  if (!row) return undefined
  return (
    getRow<{ n: number }>(
      sql(
        "SELECT count(*) AS n FROM seeds WHERE exact_hash = ? AND source = 'suggestion' AND id > ?",
      ),
      exactHash,
      row.last_seed,
    )?.n ?? 0
  )
}
