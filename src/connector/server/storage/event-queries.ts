import type { SeedSource } from './contracts'
import { getRow, type Statements } from './sql'

/** Remembers a snippet seen by /intention or /suggestion (by its exact hash). */
export function recordSeed(
  sql: Statements,
  applicationId: string,
  exactHash: string,
  source: SeedSource,
  now: Date,
): void {
  sql('INSERT INTO seeds (application_id, exact_hash, source, created_at) VALUES (?, ?, ?, ?)').run(
    applicationId,
    exactHash,
    source,
    now.toISOString(),
  )
}

/** How many seeds with this hash were recorded. */
export function countSeeds(sql: Statements, exactHash: string): number {
  return (
    getRow<{ n: number }>(sql('SELECT count(*) AS n FROM seeds WHERE exact_hash = ?'), exactHash)
      ?.n ?? 0
  )
}

/** Stores one tracking event with its application and time. */
export function recordTrackEvent(
  sql: Statements,
  applicationId: string,
  kind: string,
  payload: unknown,
  now: Date,
): void {
  sql(
    'INSERT INTO track_events (application_id, kind, payload, created_at) VALUES (?, ?, ?, ?)',
  ).run(applicationId, kind, JSON.stringify(payload ?? null), now.toISOString())
}
