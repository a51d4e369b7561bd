import type { ClientBase } from 'pg'

/** Every write to the team library takes this transaction lock, so sequence order is commit order. */
export const WRITE_LOCK = 7_215_015
/** The channel a push notifies once it commits; every connector listens on it. */
export const NOTIFY_CHANNEL = 'clipwise_team'
/** Members' group role: `GRANT clipwise_member TO alex` lets a login role use the library. */
export const MEMBER_ROLE = 'clipwise_member'

/**
 * The team database's numbered migrations; `clipwise_schema.version` holds the last applied.
 * Append new entries, never edit applied ones (teammates may run older Clipwise versions against
 * the same database: a newer schema is refused by older code, never guessed at).
 */
export const TEAM_MIGRATIONS: readonly string[] = [
  // 1: library identity, immutable content-addressed texts, snippets with last-writer-wins fields,
  // one sequence that orders every change (the pull cursor), tombstones.
  `
  CREATE TABLE clipwise_meta (key text PRIMARY KEY, value text NOT NULL);
  INSERT INTO clipwise_meta (key, value)
    VALUES ('library_id', md5(random()::text || clock_timestamp()::text)),
           ('name', current_database());
  CREATE SEQUENCE clipwise_seq;
  CREATE TABLE clipwise_contents (
    hash text PRIMARY KEY,
    text text NOT NULL,
    byte_size integer NOT NULL CHECK (byte_size = octet_length(text)),
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT current_user,
    -- The pusher's engine fingerprint of the text: a puller of the same engine format uses it
    -- (checking the exact hash against the text) instead of computing it again.
    exact_hash text,
    fingerprint bytea
  );
  CREATE TABLE clipwise_assets (
    id text PRIMARY KEY,
    seq bigint NOT NULL,
    owner text NOT NULL DEFAULT current_user,
    owner_name text NOT NULL,
    content text REFERENCES clipwise_contents (hash),
    created_at timestamptz NOT NULL,
    name text NOT NULL,
    name_at timestamptz NOT NULL,
    name_by text NOT NULL,
    tags text[] NOT NULL,
    tags_at timestamptz NOT NULL,
    tags_by text NOT NULL,
    language text NOT NULL,
    language_at timestamptz NOT NULL,
    language_by text NOT NULL,
    deleted_at timestamptz,
    deleted_by text,
    CHECK ((deleted_at IS NULL) = (content IS NOT NULL))
  );
  CREATE UNIQUE INDEX clipwise_assets_seq ON clipwise_assets (seq);
  CREATE INDEX clipwise_assets_content ON clipwise_assets (content);

  -- A content row never changes; the owner of a snippet is the role that pushed it first; a
  -- field's writer is the role that wrote it. Roles authenticate, so none of these can be forged.
  CREATE FUNCTION clipwise_contents_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'clipwise_contents rows are immutable';
  END $$;
  CREATE TRIGGER clipwise_contents_immutable BEFORE UPDATE ON clipwise_contents
    FOR EACH ROW EXECUTE FUNCTION clipwise_contents_immutable();
  CREATE FUNCTION clipwise_assets_writers() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      NEW.owner := current_user;
      NEW.name_by := current_user;
      NEW.tags_by := current_user;
      NEW.language_by := current_user;
      RETURN NEW;
    END IF;
    NEW.owner := OLD.owner;
    IF NEW.name_at IS DISTINCT FROM OLD.name_at THEN NEW.name_by := current_user; END IF;
    IF NEW.tags_at IS DISTINCT FROM OLD.tags_at THEN NEW.tags_by := current_user; END IF;
    IF NEW.language_at IS DISTINCT FROM OLD.language_at THEN
      NEW.language_by := current_user;
    END IF;
    IF NEW.deleted_at IS DISTINCT FROM OLD.deleted_at THEN
      IF OLD.owner <> current_user THEN
        RAISE EXCEPTION 'only % can delete or restore this snippet', OLD.owner;
      END IF;
      NEW.deleted_by := current_user;
    END IF;
    RETURN NEW;
  END $$;
  CREATE TRIGGER clipwise_assets_writers BEFORE INSERT OR UPDATE ON clipwise_assets
    FOR EACH ROW EXECUTE FUNCTION clipwise_assets_writers();

  DO $$
  BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'clipwise_member') THEN
      BEGIN
        CREATE ROLE clipwise_member NOLOGIN;
      EXCEPTION WHEN insufficient_privilege THEN
        RAISE NOTICE 'clipwise_member not created (no CREATEROLE); grant access to roles directly';
      END;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'clipwise_member') THEN
      GRANT SELECT ON clipwise_meta, clipwise_schema TO clipwise_member;
      GRANT SELECT, INSERT, DELETE ON clipwise_contents TO clipwise_member;
      GRANT SELECT, INSERT, UPDATE ON clipwise_assets TO clipwise_member;
      GRANT USAGE ON SEQUENCE clipwise_seq TO clipwise_member;
    END IF;
  END $$;
  `,
]

/** The team library's schema cannot be used by this Clipwise; `message` says what to do. */
export class TeamSchemaError extends Error {
  override readonly name = 'TeamSchemaError'
}

/**
 * Brings the team database's schema up to date, one migration per transaction under the write
 * lock (two connectors starting at once migrate once). A member role without CREATE rights can
 * use a current schema but not migrate one; a schema newer than this code is refused.
 */
export async function migrateTeamSchema(client: ClientBase): Promise<number> {
  const present = await client.query<{ present: boolean }>(
    "SELECT to_regclass('clipwise_schema') IS NOT NULL AS present",
  )
  if (!present.rows[0]?.present) {
    await client.query('BEGIN')
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK])
      await client.query('CREATE TABLE IF NOT EXISTS clipwise_schema (version integer NOT NULL)')
      await client.query(
        'INSERT INTO clipwise_schema (version) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM clipwise_schema)',
      )
      await client.query('COMMIT')
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw new TeamSchemaError(
        `Could not create the team library's tables (${(error as Error).message}); the first connection needs a role allowed to create tables in the database.`,
        { cause: error },
      )
    }
  }
  for (;;) {
    const version = await schemaVersion(client)
    if (version > TEAM_MIGRATIONS.length) {
      throw new TeamSchemaError(
        `The team library's schema is version ${version}, newer than this Clipwise knows (${TEAM_MIGRATIONS.length}); update Clipwise to sync with it.`,
      )
    }
    if (version === TEAM_MIGRATIONS.length) return version
    await client.query('BEGIN')
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK])
      // Another connector may have migrated while this one waited for the lock.
      if ((await schemaVersion(client)) === version) {
        await client.query(TEAM_MIGRATIONS[version] ?? '')
        await client.query('UPDATE clipwise_schema SET version = $1', [version + 1])
      }
      await client.query('COMMIT')
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw new TeamSchemaError(
        `Could not bring the team library's schema from version ${version} to ${version + 1} (${(error as Error).message}); a role allowed to change the database must connect once.`,
        { cause: error },
      )
    }
  }
}

async function schemaVersion(client: ClientBase): Promise<number> {
  const result = await client.query<{ version: number }>('SELECT version FROM clipwise_schema')
  return result.rows[0]?.version ?? 0
}
