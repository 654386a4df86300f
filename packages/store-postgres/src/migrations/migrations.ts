/** One step of the schema's history. Steps are append-only: a released step is never edited. */
export interface Migration {
  /** Position in the history; applied in ascending order and recorded in `schema_migrations`. */
  version: number;
  name: string;
  /** The statements, given the already-quoted schema. */
  sql(schema: string): string;
}

const events: Migration = {
  version: 1,
  name: 'events',
  sql: (s) => `
    CREATE TABLE ${s}.events (
      id             text    PRIMARY KEY,
      provider       text    NOT NULL,
      event_id       text    NOT NULL,
      type           text    NOT NULL,
      received_at    bigint  NOT NULL,
      occurred_at    bigint,
      payload        text    NOT NULL,
      correlation_id text,
      status         text    NOT NULL CHECK (status IN ('queued', 'processing', 'applied', 'discarded', 'dead')),
      attempts       integer NOT NULL DEFAULT 0,
      reason         text,
      updated_at     bigint  NOT NULL,
      -- When the event may next be claimed: 0 (at once) when new or replayed, later for a retry, the lease end while processing.
      visible_at     bigint  NOT NULL,
      -- Fences the current claim: only the worker holding this token may settle the event.
      lease_token    text,
      lease_owner    text,
      CONSTRAINT events_dedupe UNIQUE (provider, event_id)
    );
    -- The claim walks only waiting events in receipt order, never the finished history.
    CREATE INDEX events_waiting ON ${s}.events (received_at, id) WHERE status IN ('queued', 'processing');
    CREATE INDEX events_dead ON ${s}.events (received_at, id) WHERE status = 'dead';
  `,
};

const integrity: Migration = {
  version: 2,
  name: 'integrity',
  sql: (s) => `
    CREATE TABLE ${s}.idempotency_keys (
      scope            text   NOT NULL,
      key              text   NOT NULL,
      fingerprint      text   NOT NULL,
      first_claimed_at bigint NOT NULL,
      claimed_at       bigint NOT NULL,
      -- JSON text rather than jsonb: a replay must return the outcome exactly as stored.
      outcome          text,
      PRIMARY KEY (scope, key)
    );
    CREATE INDEX idempotency_keys_expiry ON ${s}.idempotency_keys (first_claimed_at);

    CREATE TABLE ${s}.records (
      provider    text    NOT NULL,
      record_type text    NOT NULL,
      record_id   text    NOT NULL,
      status      text    NOT NULL,
      updated_at  bigint  NOT NULL,
      version     integer NOT NULL,
      PRIMARY KEY (provider, record_type, record_id)
    );

    CREATE TABLE ${s}.audit_log (
      seq             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at              bigint NOT NULL,
      actor           text   NOT NULL,
      action          text   NOT NULL,
      provider        text   NOT NULL,
      record_type     text,
      record_id       text,
      event_id        text,
      payload_version text,
      attempts        integer,
      outcome         text   NOT NULL,
      correlation_id  text,
      detail          text
    );
    -- Every read is "the latest entries, optionally for one provider, record or event".
    CREATE INDEX audit_log_at ON ${s}.audit_log (at, seq);
    CREATE INDEX audit_log_provider ON ${s}.audit_log (provider, at, seq);
    CREATE INDEX audit_log_record ON ${s}.audit_log (record_id, at, seq) WHERE record_id IS NOT NULL;
    CREATE INDEX audit_log_event ON ${s}.audit_log (event_id, at, seq) WHERE event_id IS NOT NULL;
  `,
};

const recordSnapshots: Migration = {
  version: 3,
  name: 'record snapshots',
  sql: (s) => `
    -- Nullable, so instances still on version 2 keep writing during a rolling deploy.
    ALTER TABLE ${s}.records ADD COLUMN snapshot text;
    -- listRecords: one provider's records of one type within an updated_at window.
    CREATE INDEX records_updated ON ${s}.records (provider, record_type, updated_at);
  `,
};

const appliedEvents: Migration = {
  version: 4,
  name: 'applied events and retention',
  sql: (s) => `
    -- The events whose changes were written: applying each one once and all-or-nothing.
    CREATE TABLE ${s}.applied_events (
      provider   text   NOT NULL,
      event_id   text   NOT NULL,
      queue_id   text   NOT NULL,
      applied_at bigint NOT NULL,
      PRIMARY KEY (provider, event_id)
    );
    -- Retention prunes by age.
    CREATE INDEX applied_events_at ON ${s}.applied_events (applied_at);
    -- Retention forgets settled events by age.
    CREATE INDEX events_settled ON ${s}.events (received_at) WHERE status IN ('applied', 'discarded');
  `,
};

const traceContext: Migration = {
  version: 5,
  name: 'event trace context',
  sql: (s) => `
    -- The W3C trace context each event arrived with, so its worker continues that trace.
    -- Nullable, so older rows and instances still on version 4 keep working.
    ALTER TABLE ${s}.events ADD COLUMN traceparent text;
    ALTER TABLE ${s}.events ADD COLUMN tracestate text;
  `,
};

/** The schema's whole history, oldest first. */
export const MIGRATIONS: readonly Migration[] = [events, integrity, recordSnapshots, appliedEvents, traceContext];
