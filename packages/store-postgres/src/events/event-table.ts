import { randomUUID } from 'node:crypto';
import {
  EVENT_LIST_LIMIT,
  storedEventFromRow,
  type DeadEventFilter,
  type EventFilter,
  type EventRow,
  type EventSettlement,
  type EventStatus,
  type InboundEvent,
  type StoredEvent,
} from '@interlock/core';
import type { Pool } from 'pg';
import { millis } from '../sql-values.js';
import { EVENT_COLUMNS, eventColumnsOf } from './event-row.js';
import { deleteInBatches } from '../delete-in-batches.js';

/** An event handed to one worker, with the token that proves the claim is still its own. */
export interface ClaimedEvent {
  event: StoredEvent;
  leaseToken: string;
}

/** An event to insert, with the time its row is stamped with. */
export interface NewEvent {
  event: InboundEvent;
  now: number;
}

/** Any fixed total order does for lock ordering; code-unit order is the cheapest. */
function byDedupeKey(a: NewEvent, b: NewEvent): number {
  const x = a.event;
  const y = b.event;
  if (x.provider !== y.provider) return x.provider < y.provider ? -1 : 1;
  if (x.eventId !== y.eventId) return x.eventId < y.eventId ? -1 : 1;
  return 0;
}

/** What one claim asks for. */
export interface ClaimRequest {
  limit: number;
  now: number;
  leaseMs: number;
  /** An event whose lease ran out this many times is dead-lettered instead of handed out again. */
  maxAttempts: number;
  workerId: string;
}

const STATUSES: readonly EventStatus[] = ['queued', 'processing', 'applied', 'discarded', 'dead'];

/** Default page of {@link EventTable.listDead}: enough for a console, small enough to render. */
const DEAD_LIST_LIMIT = 100;

/** Every statement on `<schema>.events`; the queue and its consumers hold no SQL of their own. */
export class EventTable {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.table = `${schema}.events`;
  }

  /**
   * Inserts a batch of new events in one statement (one round trip, one commit) and returns the
   * ids of the ones stored; the others were duplicates. The unique (provider, event_id) constraint
   * is the dedupe, and the commit is the durability. A new event is visible from time 0, so an
   * instance whose clock lags the accepting one's still sees it at once.
   *
   * Rows go in sorted by (provider, event_id), and a stable sort keeps copies of one event in the
   * order given, so that `ORDER BY position`:
   * - makes the first copy in the batch the one stored: a later copy meets the earlier one's key
   *   and DO NOTHING skips it, as it would a row committed before;
   * - makes every batch take its keys in one order, so two batches inserting the same events at
   *   once (a redelivery to two instances) wait on each other but never deadlock.
   */
  async insertMany(events: readonly NewEvent[]): Promise<ReadonlySet<string>> {
    const rows = [...events].sort(byDedupeKey);
    const column = <T>(read: (row: NewEvent) => T): T[] => rows.map(read);
    const result = await this.pool.query<{ id: string }>(
      `INSERT INTO ${this.table}
         (id, provider, event_id, type, received_at, occurred_at, payload, correlation_id, traceparent, tracestate, status, attempts, updated_at, visible_at)
       SELECT id, provider, event_id, type, received_at, occurred_at, payload, correlation_id, traceparent, tracestate, 'queued', 0, updated_at, 0
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::text[], $8::text[], $9::text[], $10::text[], $11::bigint[])
         WITH ORDINALITY AS batch (id, provider, event_id, type, received_at, occurred_at, payload, correlation_id, traceparent, tracestate, updated_at, position)
       ORDER BY position
       ON CONFLICT (provider, event_id) DO NOTHING
       RETURNING id`,
      [
        column(({ event }) => event.id),
        column(({ event }) => event.provider),
        column(({ event }) => event.eventId),
        column(({ event }) => event.type),
        column(({ event }) => event.receivedAt),
        column(({ event }) => event.occurredAt ?? null),
        column(({ event }) => event.payload),
        column(({ event }) => event.correlationId ?? null),
        column(({ event }) => event.traceContext?.traceparent ?? null),
        column(({ event }) => event.traceContext?.tracestate ?? null),
        column(({ now }) => now),
      ],
    );
    return new Set(result.rows.map((row) => row.id));
  }

  /**
   * Takes up to `limit` waiting events, oldest first. SKIP LOCKED lets every hub instance run
   * this at once without two of them taking the same row or waiting on each other. A claimed
   * event stays `processing` and invisible until `now + leaseMs`; if its worker never settles
   * it, the next claim after that takes it again, unless it has used up its attempts.
   */
  async claim(request: ClaimRequest): Promise<ClaimedEvent[]> {
    const leaseToken = randomUUID();
    // In an UPDATE every SET expression sees the row as it was, so `expired` tests the old state.
    const expired = `e.status = 'processing' AND e.attempts >= $3`;
    const result = await this.pool.query<EventRow>(
      `WITH picked AS (
         SELECT id FROM ${this.table}
         WHERE status IN ('queued', 'processing') AND visible_at <= $1
         ORDER BY received_at, id
         LIMIT $2
         FOR UPDATE SKIP LOCKED
       )
       UPDATE ${this.table} AS e SET
         status      = CASE WHEN ${expired} THEN 'dead' ELSE 'processing' END,
         reason      = CASE WHEN ${expired} THEN 'lease expired on attempt ' || e.attempts ELSE e.reason END,
         attempts    = CASE WHEN ${expired} THEN e.attempts ELSE e.attempts + 1 END,
         visible_at  = $1 + $4::bigint,
         lease_token = CASE WHEN ${expired} THEN NULL ELSE $5::text END,
         lease_owner = CASE WHEN ${expired} THEN NULL ELSE $6::text END,
         updated_at  = $1
       FROM picked
       WHERE e.id = picked.id
       RETURNING ${eventColumnsOf('e')}`,
      [request.now, request.limit, request.maxAttempts, request.leaseMs, leaseToken, request.workerId],
    );
    return result.rows
      .map(storedEventFromRow)
      .filter((event) => event.status === 'processing')
      .sort((a, b) => a.receivedAt - b.receivedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((event) => ({ event, leaseToken }));
  }

  /**
   * Records a handler's outcome, but only while the claim is still this worker's: once its
   * lease ran out and another worker took the event, the late result is dropped (false).
   */
  async settle(id: string, leaseToken: string, settlement: EventSettlement, now: number): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE ${this.table}
       SET status = $3, reason = $4, visible_at = $5, updated_at = $6, lease_token = NULL, lease_owner = NULL
       WHERE id = $1 AND lease_token = $2 AND status = 'processing'`,
      [id, leaseToken, settlement.status, settlement.reason ?? null, settlement.visibleAt, now],
    );
    return result.rowCount === 1;
  }

  /** When the earliest waiting event becomes claimable, so an idle consumer sleeps no longer than that. */
  async nextVisibleAt(): Promise<number | undefined> {
    const result = await this.pool.query<{ next: string | null }>(
      `SELECT min(visible_at) AS next FROM ${this.table} WHERE status IN ('queued', 'processing')`,
    );
    const next = result.rows[0]?.next;
    return next === null || next === undefined ? undefined : millis(next);
  }

  async get(id: string): Promise<StoredEvent | undefined> {
    const result = await this.pool.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM ${this.table} WHERE id = $1`, [id]);
    const row = result.rows[0];
    return row ? storedEventFromRow(row) : undefined;
  }

  async counts(): Promise<Readonly<Record<EventStatus, number>>> {
    const result = await this.pool.query<{ status: EventStatus; n: number }>(
      `SELECT status, count(*)::integer AS n FROM ${this.table} GROUP BY status`,
    );
    const counts = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<EventStatus, number>;
    for (const row of result.rows) counts[row.status] = row.n;
    return counts;
  }

  /** Dead events, oldest first. */
  async listDead(filter: DeadEventFilter = {}): Promise<StoredEvent[]> {
    const result = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.table}
       WHERE status = 'dead' AND ($1::text IS NULL OR provider = $1)
       ORDER BY received_at, id
       LIMIT $2`,
      [filter.provider ?? null, filter.limit ?? DEAD_LIST_LIMIT],
    );
    return result.rows.map(storedEventFromRow);
  }

  /** Events of any status matching the filter, newest first; see EventQueue.list. */
  async list(filter: EventFilter = {}): Promise<StoredEvent[]> {
    const result = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.table}
       WHERE ($1::text IS NULL OR provider = $1)
         AND ($2::text IS NULL OR status = $2)
         AND ($3::text IS NULL OR event_id = $3)
         AND ($4::text IS NULL OR starts_with(reason, $4))
         AND ($5::bigint IS NULL OR received_at >= $5)
         AND ($6::bigint IS NULL OR received_at < $6)
         AND ($7::bigint IS NULL OR (received_at, id) < ($7, $8::text))
       ORDER BY received_at DESC, id DESC
       LIMIT $9`,
      [
        filter.provider ?? null,
        filter.status ?? null,
        filter.eventId ?? null,
        filter.reasonPrefix ?? null,
        filter.receivedFrom ?? null,
        filter.receivedTo ?? null,
        filter.after?.receivedAt ?? null,
        filter.after?.id ?? null,
        filter.limit ?? EVENT_LIST_LIMIT,
      ],
    );
    return result.rows.map(storedEventFromRow);
  }

  /** A dead event's payload replaced; false when it is not dead. */
  async correct(id: string, payload: string, now: number): Promise<boolean> {
    const result = await this.pool.query(`UPDATE ${this.table} SET payload = $2, updated_at = $3 WHERE id = $1 AND status = 'dead'`, [id, payload, now]);
    return result.rowCount === 1;
  }

  /** Dead back to queued, claimable at once (by every instance, whatever its clock), with a fresh count of attempts. */
  async replay(id: string, now: number): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE ${this.table}
       SET status = 'queued', attempts = 0, reason = NULL, visible_at = 0, updated_at = $2
       WHERE id = $1 AND status = 'dead'`,
      [id, now],
    );
    return result.rowCount === 1;
  }

  /** Settled events received before `before`, in batches; see EventQueue.prune. */
  prune(before: number): Promise<number> {
    return deleteInBatches(
      this.pool,
      `DELETE FROM ${this.table} WHERE id IN (
         SELECT id FROM ${this.table} WHERE status IN ('applied', 'discarded') AND received_at < $1 LIMIT $2)`,
      before,
    );
  }

  /** Dead to discarded for good, keeping the row for audit. */
  async reject(id: string, reason: string, now: number): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE ${this.table}
       SET status = 'discarded', reason = $2, updated_at = $3
       WHERE id = $1 AND status = 'dead'`,
      [id, `rejected: ${reason}`, now],
    );
    return result.rowCount === 1;
  }
}
