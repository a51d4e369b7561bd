import type { SeedSource, TrackEventRecord } from './contracts'
import { allRows, getRow, type Statements } from './sql'

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

/** Stored events, oldest first. */
export function listTrackEvents(
  sql: Statements,
  options: { since?: Date; applicationId?: string; limit?: number } = {},
): TrackEventRecord[] {
  const rows = allRows<{
    id: number
    application_id: string
    kind: string
    payload: string
    created_at: string
  }>(
    sql(
      `SELECT * FROM track_events
       WHERE created_at >= ? AND (? IS NULL OR application_id = ?)
       ORDER BY id LIMIT ?`,
    ),
    options.since?.toISOString() ?? '',
    options.applicationId ?? null,
    options.applicationId ?? null,
    options.limit ?? -1,
  )
  return rows.map((r) => ({
    id: r.id,
    applicationId: r.application_id,
    kind: r.kind,
    payload: JSON.parse(r.payload),
    createdAt: r.created_at,
  }))
}

/** Event counts by kind since a time. */
export function countTrackEventsByKind(sql: Statements, since?: Date): Record<string, number> {
  const rows = allRows<{ kind: string; n: number }>(
    sql('SELECT kind, count(*) AS n FROM track_events WHERE created_at >= ? GROUP BY kind'),
    since?.toISOString() ?? '',
  )
  return Object.fromEntries(rows.map((r) => [r.kind, r.n]))
}
