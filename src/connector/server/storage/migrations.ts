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
  // 3: delete means gone. Search deletes overwrite their index entries (FTS5 secure-delete), and
  // assets deleted before deletes were real (rows kept with deleted_at) are removed for good; the
  // store then rebuilds the search index and vacuums the file once (see open-store.ts).
  `
  INSERT INTO assets_fts (assets_fts, rank) VALUES ('secure-delete', 1);
  DELETE FROM asset_tags WHERE asset_id IN (SELECT id FROM assets WHERE deleted_at IS NOT NULL);
  DELETE FROM asset_sensitives
    WHERE asset_id IN (SELECT id FROM assets WHERE deleted_at IS NOT NULL);
  DELETE FROM assets WHERE deleted_at IS NOT NULL;
  INSERT INTO assets_fts (assets_fts) VALUES ('rebuild');
  INSERT INTO meta (key, value) VALUES ('vacuum_pending', '1')
    ON CONFLICT (key) DO UPDATE SET value = '1';
  `,
  // 4: team library (src/connector/server/team): which snippets are in it, who saved them and where,
  // each shared field's last writer, and the outbox of changes still to push. No foreign key to
  // assets: a link outlives its asset, so a deletion can still be pushed as a tombstone. Written to
  // run again harmlessly (a store rolled back to an older user_version re-applies it).
  `
  CREATE TABLE IF NOT EXISTS team_links (
    asset_id TEXT PRIMARY KEY,
    team_id TEXT NOT NULL UNIQUE,
    origin TEXT NOT NULL CHECK (origin IN ('own', 'pulled')),
    state TEXT NOT NULL CHECK (state IN ('shared', 'unshared', 'gone', 'hidden')),
    library_id TEXT NOT NULL,
    library_name TEXT NOT NULL,
    owner TEXT NOT NULL,
    owner_name TEXT NOT NULL,
    name_at TEXT NOT NULL,
    name_by TEXT NOT NULL,
    tags_at TEXT NOT NULL,
    tags_by TEXT NOT NULL,
    language_at TEXT NOT NULL,
    language_by TEXT NOT NULL,
    refused TEXT
  ) STRICT;
  CREATE TABLE IF NOT EXISTS team_outbox (
    id INTEGER PRIMARY KEY,
    asset_id TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX IF NOT EXISTS team_outbox_asset ON team_outbox (asset_id);
  `,
  // 5: Pieces integrations: tags as entities of their own (one id per text, kept in step with
  // asset_tags by a trigger, so every save path names tags the same way) and the ids of deleted
  // assets (ids only, no content), so a read of one answers 410 Gone as the SDK documents.
  `
  CREATE TABLE IF NOT EXISTS tags (
    id TEXT PRIMARY KEY,
    text TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;
  INSERT OR IGNORE INTO tags (id, text, created_at, updated_at)
    SELECT min(id), text, min(created_at), min(created_at) FROM asset_tags GROUP BY text;
  CREATE TRIGGER IF NOT EXISTS tags_follow_asset_tags AFTER INSERT ON asset_tags BEGIN
    INSERT OR IGNORE INTO tags (id, text, created_at, updated_at)
      VALUES (NEW.id, NEW.text, NEW.created_at, NEW.created_at);
  END;
  CREATE TABLE IF NOT EXISTS asset_tombstones (id TEXT PRIMARY KEY, deleted_at TEXT NOT NULL) STRICT;
  INSERT OR IGNORE INTO asset_tombstones (id, deleted_at)
    SELECT id, deleted_at FROM assets WHERE deleted_at IS NOT NULL;
  CREATE TRIGGER IF NOT EXISTS assets_tombstone_when_marked AFTER UPDATE OF deleted_at ON assets
    WHEN NEW.deleted_at IS NOT NULL BEGIN
    INSERT OR IGNORE INTO asset_tombstones (id, deleted_at) VALUES (NEW.id, NEW.deleted_at);
  END;
  CREATE TRIGGER IF NOT EXISTS assets_tombstone_when_deleted AFTER DELETE ON assets BEGIN
    INSERT OR IGNORE INTO asset_tombstones (id, deleted_at)
      VALUES (OLD.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  END;
  `,
  // 6: dismissals: a reuse the user turned down for a copy (by its exact hash) and asset is not
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
  // 7: the team status counts the snippets the scanner kept back; without an index that count
  // read every team link, ~0.1 s at 1,000,000 pulled snippets, on each status request (a CPU
  // profile of a 1,000,000-snippet first pull: 124 of its 560 s). Only refused rows are indexed.
  `
  CREATE INDEX IF NOT EXISTS team_links_refused ON team_links (refused) WHERE refused IS NOT NULL;
  `,
]
