import type { ConnectorStore } from '../contracts'
import { allRows, type Statements } from '../sql'

// What tests read back from a store beyond what routes need (never part of ConnectorStore, so it
// does not ship in the app): stored tracking events and every fingerprint at once.

/** A stored tracking event. */
export interface TrackEventRecord {
  id: number
  applicationId: string
  /** `<member>` or `<member>.<identifier>`, e.g. `asset.asset_created`, or `empty`. */
  kind: string
  payload: unknown
  createdAt: string
}

/** Stored events, oldest first, optionally since a time and for one application. */
export function listTrackEvents(
  store: ConnectorStore,
  options: { since?: Date; applicationId?: string; limit?: number } = {},
): TrackEventRecord[] {
  return store.transaction((sql) => listTrackEventRows(sql, options))
}

/** Event counts by kind since a time (all time when omitted). */
export function countTrackEventsByKind(
  store: ConnectorStore,
  since?: Date,
): Record<string, number> {
  return store.transaction((sql) => countByKind(sql, since))
}

/** Every live asset's fingerprint, as the store hands them to the engine at start. */
export function listFingerprints(store: ConnectorStore) {
  return [...store.iterateFingerprints()]
}

/** Stored events, oldest first. */
function listTrackEventRows(
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
function countByKind(sql: Statements, since?: Date): Record<string, number> {
  const rows = allRows<{ kind: string; n: number }>(
    sql('SELECT kind, count(*) AS n FROM track_events WHERE created_at >= ? GROUP BY kind'),
    since?.toISOString() ?? '',
  )
  return Object.fromEntries(rows.map((r) => [r.kind, r.n]))
}
