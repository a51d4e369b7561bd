/**
 * Numbered schema migrations; `PRAGMA user_version` holds the number of the last one applied.
 * Append new entries, never edit applied ones.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: installation id, applications, assets with tags/sensitives/fingerprints, seeds, events, FTS.
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  CREATE TABLE applications (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    platform TEXT NOT NULL,
    version TEXT NOT NULL,
    privacy TEXT NOT NULL,
    capabilities TEXT,
    mechanism TEXT NOT NULL,
    automatic_unload INTEGER,
    enrichment TEXT,
    descriptor TEXT,
    onboarded INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (name, platform)
  ) STRICT;
  CREATE TABLE assets (
    id TEXT PRIMARY KEY,
    format_id TEXT NOT NULL UNIQUE,
    application_id TEXT NOT NULL REFERENCES applications(id),
    name TEXT NOT NULL,
    description TEXT,
    text TEXT NOT NULL,
    language TEXT NOT NULL,
    generic TEXT NOT NULL,
    mechanism TEXT NOT NULL,
    byte_size INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    reuse_count INTEGER NOT NULL DEFAULT 0,
    last_reused_at TEXT,
    exact_hash TEXT NOT NULL,
    fingerprint BLOB NOT NULL
  ) STRICT;
  CREATE INDEX assets_exact_hash ON assets (exact_hash);
  CREATE INDEX assets_created ON assets (created_at);
  CREATE TABLE asset_tags (
    id TEXT PRIMARY KEY,
    asset_id TEXT NOT NULL REFERENCES assets(id),
    text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (asset_id, text)
  ) STRICT;
  CREATE TABLE asset_sensitives (
    id TEXT PRIMARY KEY,
    asset_id TEXT NOT NULL REFERENCES assets(id),
    kind TEXT NOT NULL,
    category TEXT NOT NULL,
    severity TEXT NOT NULL,
    description TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX asset_sensitives_asset ON asset_sensitives (asset_id);
  CREATE TABLE seeds (
    id INTEGER PRIMARY KEY,
    application_id TEXT NOT NULL,
    exact_hash TEXT NOT NULL,
    source TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX seeds_exact_hash ON seeds (exact_hash);
  CREATE TABLE track_events (
    id INTEGER PRIMARY KEY,
    application_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX track_events_created ON track_events (created_at);
  CREATE VIRTUAL TABLE assets_fts USING fts5(
    asset_id UNINDEXED, name, description, tags, text, tokenize = 'unicode61'
  );
  `,
  // 2: each search row takes its asset's rowid, so a save, edit or delete reaches it by key. Found
  // by the 100,000-asset benchmark: asset_id is UNINDEXED in FTS5, so deleting by it scanned the
  // whole index on every save and saves slowed down linearly with the library.
  `
  DROP TABLE assets_fts;
  CREATE VIRTUAL TABLE assets_fts USING fts5(
    asset_id UNINDEXED, name, description, tags, text, tokenize = 'unicode61'
  );
  INSERT INTO assets_fts (rowid, asset_id, name, description, tags, text)
    SELECT a.rowid, a.id, a.name, coalesce(a.description, ''),
      coalesce((SELECT group_concat(t.text, ' ') FROM asset_tags t WHERE t.asset_id = a.id), ''),
      a.text
    FROM assets a WHERE a.deleted_at IS NULL;
  `,
  // Dismissals: a reuse the user turned down for a copy (by its exact hash) and asset is not
  // offered again for that pair; a save turned down (asset_id '') waits for repeated copies made
  // after it (seeds with a larger id than last_seed).
  `
  CREATE TABLE IF NOT EXISTS dismissals (
    exact_hash TEXT NOT NULL,
    asset_id TEXT NOT NULL,
    last_seed INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (exact_hash, asset_id)
  ) STRICT;
  `,
]
