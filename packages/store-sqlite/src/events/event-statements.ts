import type { Connection, Statement } from '../database/connection.js';
import type { EventRow } from './event-row.js';

// Each branch names its index. Without statistics SQLite would pick whichever index starts with
// `status` and sort what it found: every queued row to find the oldest (6 ms a claim at 45,000
// queued, one claim per freed worker slot), every leased row to find the expired ones. Read in
// arrival order, the queued branch stops after `limit` due rows, skipping only the events waiting
// out a retry delay; the lease branch reads only leases that ran out.
export const CLAIM_SQL = `
  UPDATE events
  SET status = 'processing', attempts = attempts + 1, lease_owner = @owner, visible_at = @leaseUntil, updated_at = @now
  WHERE seq IN (
    SELECT seq FROM (
      SELECT seq, received_at FROM (
        SELECT seq, received_at FROM events INDEXED BY events_by_lease
        WHERE status = 'processing' AND visible_at <= @now ORDER BY visible_at LIMIT @limit)
      UNION ALL
      SELECT seq, received_at FROM (
        SELECT seq, received_at FROM events INDEXED BY events_by_status_arrival
        WHERE status = 'queued' AND visible_at <= @now ORDER BY received_at, seq LIMIT @limit)
      ORDER BY received_at, seq LIMIT @limit))
  RETURNING *`;

/** The parameters of {@link EventStatements.list}: every filter field, null when absent. */
export interface ListParams {
  provider: string | null;
  status: string | null;
  eventId: string | null;
  reasonPrefix: string | null;
  receivedFrom: number | null;
  receivedTo: number | null;
  afterReceivedAt: number | null;
  afterId: string | null;
  limit: number;
}

/**
 * The prepared statements of the event queue, prepared once per connection: preparing is
 * a parse and plan that would otherwise cost more than the insert itself.
 */
export class EventStatements {
  readonly insert: Statement<unknown[]>;
  readonly get: Statement<[string], EventRow>;
  readonly counts: Statement<[], { status: string; n: number }>;
  /** Poison pills: events whose worker died on every attempt go to the dead letters, not out again. */
  readonly buryExhausted: Statement<{ now: number; maxAttempts: number }>;
  /**
   * Takes up to `limit` events: leases that ran out (their worker died) and queued events that
   * are due, oldest arrival first. Each branch reads only `limit` rows through its index, so a
   * backlog of a million costs the same as one of ten.
   */
  readonly claim: Statement<{ owner: string; leaseUntil: number; now: number; limit: number }, EventRow>;
  /** Records a handler's outcome, only while the lease it was claimed under is still held. */
  readonly settle: Statement<{ id: string; owner: string; status: string; reason: string | null; visibleAt: number; now: number }>;
  readonly listDead: Statement<[number], EventRow>;
  readonly listDeadByProvider: Statement<[string, number], EventRow>;
  readonly replay: Statement<{ id: string; now: number }>;
  readonly reject: Statement<{ id: string; reason: string; now: number }>;
  /** Events of any status matching the filter, newest first: `EventQueue.list`. */
  readonly list: Statement<ListParams, EventRow>;
  readonly correct: Statement<{ id: string; payload: string; now: number }>;
  /** Up to `limit` settled events received before the cutoff: retention. */
  readonly prune: Statement<[number, number]>;

  constructor(db: Connection) {
    this.insert = db.prepare<unknown[]>(
      `INSERT INTO events (id, provider, event_id, type, received_at, occurred_at, payload, correlation_id, traceparent, tracestate, status, attempts, visible_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?)
       ON CONFLICT (provider, event_id) DO NOTHING`,
    );
    this.get = db.prepare<[string], EventRow>('SELECT * FROM events WHERE id = ?');
    this.counts = db.prepare<[], { status: string; n: number }>('SELECT status, count(*) AS n FROM events GROUP BY status');
    this.buryExhausted = db.prepare<{ now: number; maxAttempts: number }>(
      `UPDATE events INDEXED BY events_by_lease SET status = 'dead', lease_owner = NULL, updated_at = @now,
         reason = 'lease expired with no outcome after ' || attempts || ' attempts (worker lost)'
       WHERE status = 'processing' AND visible_at <= @now AND attempts >= @maxAttempts`,
    );
    this.claim = db.prepare<{ owner: string; leaseUntil: number; now: number; limit: number }, EventRow>(CLAIM_SQL);
    this.settle = db.prepare<{ id: string; owner: string; status: string; reason: string | null; visibleAt: number; now: number }>(
      `UPDATE events SET status = @status, reason = @reason, visible_at = @visibleAt, lease_owner = NULL, updated_at = @now
       WHERE id = @id AND status = 'processing' AND lease_owner = @owner`,
    );
    this.listDead = db.prepare<[number], EventRow>("SELECT * FROM events WHERE status = 'dead' ORDER BY received_at, seq LIMIT ?");
    this.listDeadByProvider = db.prepare<[string, number], EventRow>(
      "SELECT * FROM events WHERE status = 'dead' AND provider = ? ORDER BY received_at, seq LIMIT ?",
    );
    this.replay = db.prepare<{ id: string; now: number }>(
      `UPDATE events SET status = 'queued', attempts = 0, reason = NULL, visible_at = @now, lease_owner = NULL, updated_at = @now
       WHERE id = @id AND status = 'dead'`,
    );
    this.reject = db.prepare<{ id: string; reason: string; now: number }>(
      "UPDATE events SET status = 'discarded', reason = @reason, updated_at = @now WHERE id = @id AND status = 'dead'",
    );
    // One statement for every filter: an absent field is NULL and matches everything.
    this.list = db.prepare<ListParams, EventRow>(
      `SELECT * FROM events
       WHERE (@provider IS NULL OR provider = @provider)
         AND (@status IS NULL OR status = @status)
         AND (@eventId IS NULL OR event_id = @eventId)
         AND (@reasonPrefix IS NULL OR substr(reason, 1, length(@reasonPrefix)) = @reasonPrefix)
         AND (@receivedFrom IS NULL OR received_at >= @receivedFrom)
         AND (@receivedTo IS NULL OR received_at < @receivedTo)
         AND (@afterReceivedAt IS NULL OR received_at < @afterReceivedAt OR (received_at = @afterReceivedAt AND id < @afterId))
       ORDER BY received_at DESC, id DESC
       LIMIT @limit`,
    );
    this.correct = db.prepare<{ id: string; payload: string; now: number }>(
      "UPDATE events SET payload = @payload, updated_at = @now WHERE id = @id AND status = 'dead'",
    );
    this.prune = db.prepare<[number, number]>(
      `DELETE FROM events WHERE seq IN (
         SELECT seq FROM events WHERE status IN ('applied', 'discarded') AND received_at < ? LIMIT ?)`,
    );
  }
}
