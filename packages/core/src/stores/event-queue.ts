/**
 * The inbound event path's durable half: what the hub's webhook ingress writes before it answers
 * 200, and what its workers drain. One contract, several engines (SQLite, PostgreSQL, BullMQ).
 */

/** A verified webhook (or poll result) as received, before any processing. */
export interface InboundEvent {
  /** Our id, a sortable id made at receipt. */
  id: string;
  provider: string;
  /** The provider's own event id: the dedupe key together with `provider`. */
  eventId: string;
  /** The provider's event type, e.g. `payment_intent.succeeded`. */
  type: string;
  receivedAt: number;
  /** When the provider says the event happened; what the stale guard compares. */
  occurredAt?: number | undefined;
  /** The verified raw body, exactly as received. */
  payload: string;
  /** The id of the request that carried it, for the audit trail. */
  correlationId?: string | undefined;
  /** The trace the request that carried it belongs to, so the worker that applies it continues that trace. */
  traceContext?: TraceContext | undefined;
}

/** W3C Trace Context headers (`traceparent`, and `tracestate` when there is one), kept as received. */
export interface TraceContext {
  traceparent: string;
  tracestate?: string | undefined;
}

export type EventStatus = 'queued' | 'processing' | 'applied' | 'discarded' | 'dead';

/** An event with what has happened to it so far. */
export interface StoredEvent extends InboundEvent {
  status: EventStatus;
  attempts: number;
  /** Why it was discarded (`stale`, `backward_transition`) or why it died (the last error). */
  reason?: string | undefined;
  updatedAt: number;
}

/** What a handler decides about one event. */
export type EventOutcome =
  | { status: 'applied' }
  | { status: 'discarded'; reason: string }
  /** A transient failure: try again later (after `retryInMs`, or the queue's backoff: `eventRetryBackoff`). */
  | { status: 'retry'; reason: string; retryInMs?: number | undefined }
  /** A permanent failure: straight to the dead letters. */
  | { status: 'dead'; reason: string };

export type EventHandler = (event: StoredEvent) => Promise<EventOutcome>;

/** Every engine applies and checks these with `resolveConsumeOptions`: an invalid one is a RangeError. */
export interface ConsumeOptions {
  /** Events handled at once by this consumer. Default 1. */
  concurrency?: number | undefined;
  /** At most this many events start per second (the hub's controlled drain rate). Default unlimited. */
  ratePerSecond?: number | undefined;
  /** Attempts before an event that keeps failing transiently is dead-lettered. Default 5. */
  maxAttempts?: number | undefined;
  /** How long a claimed event stays invisible before another worker may take it (crash recovery). Default 30 s. */
  leaseMs?: number | undefined;
  /** Name of this worker, recorded in the audit trail. Default `worker`. */
  workerId?: string | undefined;
}

export interface Consumer {
  /** Stops taking new events and resolves when the ones in hand are finished. */
  stop(): Promise<void>;
}

export interface DeadEventFilter {
  provider?: string | undefined;
  limit?: number | undefined;
}

/** How many events {@link EventQueue.list} returns when the filter names no limit. */
export const EVENT_LIST_LIMIT = 50;

/** Where a page of {@link EventQueue.list} continues: the last event of the previous page. */
export interface EventCursor {
  receivedAt: number;
  id: string;
}

/** Which events {@link EventQueue.list} returns; every field narrows, none is required. */
export interface EventFilter {
  provider?: string | undefined;
  status?: EventStatus | undefined;
  /** The provider's event id (with `provider`, at most one event). */
  eventId?: string | undefined;
  /** Events whose reason starts with this: an error kind (`unavailable`) or a whole reason. */
  reasonPrefix?: string | undefined;
  /** Inclusive lower bound on `receivedAt`, epoch milliseconds. */
  receivedFrom?: number | undefined;
  /** Exclusive upper bound on `receivedAt`, epoch milliseconds. */
  receivedTo?: number | undefined;
  /** At most this many events (default {@link EVENT_LIST_LIMIT}). */
  limit?: number | undefined;
  /** Only events after this one in the list's order (older, or as old with a smaller id): the next page. */
  after?: EventCursor | undefined;
}

/** Whether `event` passes `filter` (all but `limit`): what every engine's `list` selects, for engines that filter in memory. */
export function eventMatches(event: StoredEvent, filter: EventFilter): boolean {
  const { after } = filter;
  return (
    (filter.provider === undefined || event.provider === filter.provider) &&
    (filter.status === undefined || event.status === filter.status) &&
    (filter.eventId === undefined || event.eventId === filter.eventId) &&
    (filter.reasonPrefix === undefined || (event.reason !== undefined && event.reason.startsWith(filter.reasonPrefix))) &&
    (filter.receivedFrom === undefined || event.receivedAt >= filter.receivedFrom) &&
    (filter.receivedTo === undefined || event.receivedAt < filter.receivedTo) &&
    (after === undefined || event.receivedAt < after.receivedAt || (event.receivedAt === after.receivedAt && event.id < after.id))
  );
}

/** The order of {@link EventQueue.list}: newest received first, then the larger id first. */
export function newestFirst(a: StoredEvent, b: StoredEvent): number {
  return b.receivedAt - a.receivedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * Durable accept-then-queue with dedupe. `accept` resolves only once the event is durable
 * (on disk, or acknowledged by PostgreSQL/Redis), so the 200 that follows it never loses an event.
 */
export interface EventQueue {
  /** Records (provider, eventId) and queues the event, atomically; a second accept of the same pair is a `duplicate` and queues nothing. */
  accept(event: InboundEvent): Promise<'accepted' | 'duplicate'>;
  /** Hands queued events to `handler`; an event whose worker dies mid-way is handed out again after its lease. */
  consume(handler: EventHandler, options?: ConsumeOptions): Consumer;
  get(id: string): Promise<StoredEvent | undefined>;
  counts(): Promise<Readonly<Record<EventStatus, number>>>;
  listDead(filter?: DeadEventFilter): Promise<readonly StoredEvent[]>;
  /**
   * Events of any status matching `filter`, newest received first (then by id, descending), at
   * most `limit`; pass the last one back as `after` for the next page. For support: the console
   * and the CLI's `events list` and `events show --provider`.
   */
  list(filter?: EventFilter): Promise<readonly StoredEvent[]>;
  /** Puts a dead event back in the queue with its attempts reset. False when it is not dead. */
  replay(id: string): Promise<boolean>;
  /**
   * Replaces a dead event's payload with a corrected one (the caller audits who and why); it stays
   * dead until replayed, and is then handled with the new payload. False when it is not dead.
   */
  correct(id: string, payload: string): Promise<boolean>;
  /** Gives up on a dead event for good (kept for audit as `discarded`, reason `rejected: …`). */
  reject(id: string, reason: string): Promise<boolean>;
  /**
   * Forgets settled events (applied or discarded) received before `before`: their payload and
   * their dedupe record, so the queue stops growing. Queued, processing and dead events stay.
   * Resolves with how many were forgotten. An engine that expires them itself (BullMQ, after the
   * dedupe TTL it was opened with) forgets nothing here and resolves with 0.
   */
  prune(before: number): Promise<number>;
  close(): Promise<void>;
}
