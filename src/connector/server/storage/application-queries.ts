import { randomUUID } from 'node:crypto'
import type { ApplicationRecord, ApplicationSeed } from './contracts'
import { getRow, type Statements } from './sql'

interface ApplicationRow {
  id: string
  name: string
  platform: string
  version: string
  privacy: string
  capabilities: string | null
  mechanism: string
  automatic_unload: number | null
  enrichment: string | null
  descriptor: string | null
  onboarded: number
  created_at: string
  updated_at: string
}

function toRecord(row: ApplicationRow): ApplicationRecord {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    platform: row.platform,
    privacy: row.privacy,
    ...(row.capabilities !== null && { capabilities: row.capabilities }),
    mechanism: row.mechanism,
    ...(row.automatic_unload !== null && { automaticUnload: row.automatic_unload === 1 }),
    ...(row.enrichment !== null && { enrichment: JSON.parse(row.enrichment) }),
    ...(row.descriptor !== null && { descriptor: row.descriptor }),
    onboarded: row.onboarded === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** Reads one application by id. */
export function getApplication(sql: Statements, id: string): ApplicationRecord | undefined {
  const row = getRow<ApplicationRow>(sql('SELECT * FROM applications WHERE id = ?'), id)
  return row && toRecord(row)
}

/**
 * Creates or re-attaches the application keyed by (name, platform). A new version of the same
 * integration keeps its id (and onboarding) and the stored version follows the latest connect;
 * optional settings are refreshed when the seed carries them.
 */
export function upsertApplication(
  sql: Statements,
  seed: ApplicationSeed,
  now: Date,
): ApplicationRecord {
  const at = now.toISOString()
  const enrichment = seed.enrichment === undefined ? null : JSON.stringify(seed.enrichment)
  const automaticUnload = seed.automaticUnload === undefined ? null : Number(seed.automaticUnload)
  sql(
    `INSERT INTO applications (id, name, platform, version, privacy, capabilities, mechanism,
       automatic_unload, enrichment, descriptor, onboarded, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 'MANUAL', ?, ?, ?, 0, ?, ?)
     ON CONFLICT (name, platform) DO UPDATE SET
       version = excluded.version,
       privacy = coalesce(?, privacy),
       capabilities = coalesce(excluded.capabilities, capabilities),
       automatic_unload = coalesce(excluded.automatic_unload, automatic_unload),
       enrichment = coalesce(excluded.enrichment, enrichment),
       descriptor = coalesce(excluded.descriptor, descriptor),
       updated_at = excluded.updated_at`,
  ).run(
    randomUUID(),
    seed.name,
    seed.platform,
    seed.version,
    seed.privacy ?? 'OPEN',
    seed.capabilities ?? null,
    automaticUnload,
    enrichment,
    seed.descriptor ?? null,
    at,
    at,
    seed.privacy ?? null,
  )
  const row = getRow<ApplicationRow>(
    sql('SELECT * FROM applications WHERE name = ? AND platform = ?'),
    seed.name,
    seed.platform,
  )
  if (!row) throw new Error('application row vanished after upsert')
  return toRecord(row)
}

/** Stores an application's onboarding flag. */
export function setOnboarded(sql: Statements, id: string, onboarded: boolean, now: Date): void {
  sql('UPDATE applications SET onboarded = ?, updated_at = ? WHERE id = ?').run(
    Number(onboarded),
    now.toISOString(),
    id,
  )
}
