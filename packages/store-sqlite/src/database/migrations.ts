import type Database from 'better-sqlite3';

/** One step of the schema; steps run in `version` order, each once, in its own transaction. */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

/**
 * The schema's history, oldest first. Never edit a released step: add the next one. Each step's
 * SQL runs inside a transaction, so a half-applied step cannot be left behind.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'events queue, idempotency keys, record states, audit trail',
    sql: `
      CREATE TABLE events (
        seq            INTEGER PRIMARY KEY,
        id             TEXT    NOT NULL UNIQUE,
        provider       TEXT    NOT NULL,
        event_id       TEXT    NOT NULL,
        type           TEXT    NOT NULL,
        received_at    INTEGER NOT NULL,
        occurred_at    INTEGER,
        payload        TEXT    NOT NULL,
        correlation_id TEXT,
        status         TEXT    NOT NULL CHECK (status IN ('queued', 'processing', 'applied', 'discarded', 'dead')),
        attempts       INTEGER NOT NULL DEFAULT 0,
        reason         TEXT,
        visible_at     INTEGER NOT NULL,
        lease_owner    TEXT,
        updated_at     INTEGER NOT NULL,
        UNIQUE (provider, event_id)
      );
      -- Queued events in arrival order, and dead letters listed the same way.
      CREATE INDEX events_by_status_arrival ON events (status, received_at);
      -- Leases that ran out: the crash-recovery half of a claim.
      CREATE INDEX events_by_status_visibility ON events (status, visible_at);

      CREATE TABLE idempotency_keys (
        scope            TEXT    NOT NULL,
        key              TEXT    NOT NULL,
        fingerprint      TEXT    NOT NULL,
        first_claimed_at INTEGER NOT NULL,
        claimed_at       INTEGER NOT NULL,
        outcome          TEXT,
        PRIMARY KEY (scope, key)
      );
      CREATE INDEX idempotency_keys_by_first_claim ON idempotency_keys (first_claimed_at);

      CREATE TABLE record_states (
        provider    TEXT    NOT NULL,
        record_type TEXT    NOT NULL,
        record_id   TEXT    NOT NULL,
        status      TEXT    NOT NULL,
        updated_at  INTEGER NOT NULL,
        version     INTEGER NOT NULL,
        PRIMARY KEY (provider, record_type, record_id)
      ) WITHOUT ROWID;

      CREATE TABLE audit_trail (
        seq             INTEGER PRIMARY KEY,
        at              INTEGER NOT NULL,
        actor           TEXT    NOT NULL,
        action          TEXT    NOT NULL,
        provider        TEXT    NOT NULL,
        record_type     TEXT,
        record_id       TEXT,
        event_id        TEXT,
        payload_version TEXT,
        attempts        INTEGER,
        outcome         TEXT    NOT NULL,
        correlation_id  TEXT,
        detail          TEXT
      );
      CREATE INDEX audit_by_time ON audit_trail (at);
      CREATE INDEX audit_by_provider ON audit_trail (provider, at);
      CREATE INDEX audit_by_record ON audit_trail (record_id, at) WHERE record_id IS NOT NULL;
      CREATE INDEX audit_by_event ON audit_trail (event_id, at) WHERE event_id IS NOT NULL;
    `,
  },
  {
    version: 2,
    description: 'record snapshots, and record states listed by update time',
    sql: `
      ALTER TABLE record_states ADD COLUMN snapshot TEXT;
      -- listRecords: one provider's records of one type within an updated_at window.
      CREATE INDEX record_states_by_update ON record_states (provider, record_type, updated_at);
    `,
  },
  {
    version: 3,
    description: 'events whose changes were written, for applying each one once and all-or-nothing',
    sql: `
      CREATE TABLE applied_events (
        provider   TEXT    NOT NULL,
        event_id   TEXT    NOT NULL,
        queue_id   TEXT    NOT NULL,
        applied_at INTEGER NOT NULL,
        PRIMARY KEY (provider, event_id)
      ) WITHOUT ROWID;
      -- Retention prunes by age.
      CREATE INDEX applied_events_by_time ON applied_events (applied_at);
    `,
  },
  {
    version: 4,
    description: 'the W3C trace context each event arrived with, so its worker continues that trace',
    sql: `
      -- Nullable: events queued before this step, or without a trace, have none.
      ALTER TABLE events ADD COLUMN traceparent TEXT;
      ALTER TABLE events ADD COLUMN tracestate TEXT;
    `,
  },
  {
    version: 5,
    description: 'leases indexed alone, so accepting an event writes one index fewer',
    sql: `
      -- Only leased events are ever looked up by visibility (expired leases, poison pills): a
      -- partial index holds just those, and an accept, which writes a queued event, never touches it.
      DROP INDEX events_by_status_visibility;
      CREATE INDEX events_by_lease ON events (visible_at) WHERE status = 'processing';
    `,
  },
];

/** The schema version this code writes; a database at a later one was written by newer code. */
export const SCHEMA_VERSION = MIGRATIONS.reduce((latest, m) => Math.max(latest, m.version), 0);

/**
 * Applies every migration the database has not seen. BEGIN IMMEDIATE takes the write lock
 * before reading the version, so two processes opening a new file at once migrate it once.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const target = migrations.reduce((latest, m) => Math.max(latest, m.version), 0);
  const run = db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const row = db.prepare('SELECT max(version) AS version FROM schema_version').get() as { version: number | null };
    const current = row.version ?? 0;
    if (current > target) {
      throw new Error(`The database is at schema version ${current}, newer than this @interlock/store-sqlite knows (${target}); upgrade the package`);
    }
    const pending = [...migrations].filter((m) => m.version > current).sort((a, b) => a.version - b.version);
    for (const migration of pending) {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(migration.version);
    }
    return pending.length === 0 ? current : target;
  });
  return run.immediate();
}
