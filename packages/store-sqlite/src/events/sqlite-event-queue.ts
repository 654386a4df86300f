import { randomUUID } from 'node:crypto';
import {
  EVENT_LIST_LIMIT,
  nextEventState,
  resolveConsumeOptions,
  storedEventFromRow,
  type Clock,
  type ConsumeOptions,
  type Consumer,
  type DeadEventFilter,
  type EventFilter,
  type EventHandler,
  type EventOutcome,
  type EventQueue,
  type EventStatus,
  type InboundEvent,
  type StoredEvent,
} from '@interlock/core';
import type { GroupCommit } from '../database/group-commit.js';
import { deleteInBatches } from '../database/delete-in-batches.js';
import { promised } from '../database/promised.js';
import { insertParams } from './event-row.js';
import type { EventStatements } from './event-statements.js';
import { PollingConsumer, type ClaimSource } from './polling-consumer.js';

const STATUSES: readonly EventStatus[] = ['queued', 'processing', 'applied', 'discarded', 'dead'];

/** What the queue needs from the store it lives in. */
export interface EventQueueParts {
  statements: EventStatements;
  writes: GroupCommit;
  clock: Clock;
  idlePollMs: number;
  /** Called once this facet is closed; resolves when the store has closed what it had to. */
  onClose: () => Promise<void>;
}

/** The EventQueue contract on SQLite: accepts through group commit, consumers poll with leases. */
export class SqliteEventQueue implements EventQueue, ClaimSource {
  private readonly consumers = new Set<PollingConsumer>();
  private closed = false;

  constructor(private readonly parts: EventQueueParts) {}

  /** Resolves after the COMMIT that holds the event (or found its duplicate) has returned. */
  async accept(event: InboundEvent): Promise<'accepted' | 'duplicate'> {
    const { statements, writes, clock } = this.parts;
    const params = insertParams(event, clock.now());
    // ON CONFLICT DO NOTHING changes no row for a duplicate, including one accepted earlier in
    // the same batch, since the batch's transaction sees its own inserts.
    const result = await writes.run(() => (statements.insert.run(params).changes === 1 ? 'accepted' : 'duplicate'));
    if (result === 'accepted') for (const consumer of this.consumers) consumer.wake();
    return result;
  }

  consume(handler: EventHandler, options: ConsumeOptions = {}): Consumer {
    if (this.closed) throw new Error('The SQLite event queue is closed');
    const { workerId, ...settings } = resolveConsumeOptions(options);
    const consumer = new PollingConsumer(
      this,
      handler,
      { ...settings, idlePollMs: this.parts.idlePollMs, owner: `${workerId}/${randomUUID().slice(0, 8)}` },
      this.parts.clock,
    );
    this.consumers.add(consumer);
    const stop = consumer.stop.bind(consumer);
    return {
      stop: async () => {
        await stop();
        this.consumers.delete(consumer);
      },
    };
  }

  /** See {@link ClaimSource.claim}; exhausted leases are dead-lettered in the same transaction. */
  claim(limit: number, owner: string, leaseMs: number, maxAttempts: number): Promise<StoredEvent[]> {
    const { statements, writes, clock } = this.parts;
    return writes.run(() => {
      const now = clock.now();
      statements.buryExhausted.run({ now, maxAttempts });
      const rows = statements.claim.all({ owner, leaseUntil: now + leaseMs, now, limit });
      // RETURNING comes back in no particular order; hand events out oldest first.
      rows.sort((a, b) => a.received_at - b.received_at || a.seq - b.seq);
      return rows.map(storedEventFromRow);
    });
  }

  /** See {@link ClaimSource.settle}. */
  async settle(event: StoredEvent, owner: string, outcome: EventOutcome, maxAttempts: number): Promise<void> {
    const { statements, writes, clock } = this.parts;
    await writes.run(() => {
      const now = clock.now();
      const next = nextEventState(outcome, event.attempts, maxAttempts, now);
      statements.settle.run({ id: event.id, owner, status: next.status, reason: next.reason ?? null, visibleAt: next.visibleAt, now });
    });
  }

  /** See {@link EventQueue.prune}: in batches, so accepts keep flowing while a backlog goes. */
  prune(before: number): Promise<number> {
    return deleteInBatches(this.parts.writes, this.parts.statements.prune, before);
  }

  get(id: string): Promise<StoredEvent | undefined> {
    return promised(() => {
      const row = this.parts.statements.get.get(id);
      return row ? storedEventFromRow(row) : undefined;
    });
  }

  counts(): Promise<Readonly<Record<EventStatus, number>>> {
    return promised(() => {
      const counts = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<EventStatus, number>;
      for (const { status, n } of this.parts.statements.counts.all()) counts[status as EventStatus] = n;
      return counts;
    });
  }

  /** Dead letters in arrival order. */
  listDead(filter: DeadEventFilter = {}): Promise<readonly StoredEvent[]> {
    const { statements } = this.parts;
    // LIMIT -1 is SQLite for "no limit".
    const limit = filter.limit ?? -1;
    const provider = filter.provider;
    return promised(() => (provider === undefined ? statements.listDead.all(limit) : statements.listDeadByProvider.all(provider, limit)).map(storedEventFromRow));
  }

  /** See {@link EventQueue.list}. */
  list(filter: EventFilter = {}): Promise<readonly StoredEvent[]> {
    const { statements } = this.parts;
    return promised(() =>
      statements.list
        .all({
          provider: filter.provider ?? null,
          status: filter.status ?? null,
          eventId: filter.eventId ?? null,
          reasonPrefix: filter.reasonPrefix ?? null,
          receivedFrom: filter.receivedFrom ?? null,
          receivedTo: filter.receivedTo ?? null,
          afterReceivedAt: filter.after?.receivedAt ?? null,
          afterId: filter.after?.id ?? null,
          limit: filter.limit ?? EVENT_LIST_LIMIT,
        })
        .map(storedEventFromRow),
    );
  }

  correct(id: string, payload: string): Promise<boolean> {
    const { statements, writes, clock } = this.parts;
    return writes.run(() => statements.correct.run({ id, payload, now: clock.now() }).changes === 1);
  }

  replay(id: string): Promise<boolean> {
    const { statements, writes, clock } = this.parts;
    return writes
      .run(() => statements.replay.run({ id, now: clock.now() }).changes === 1)
      .then((replayed) => {
        if (replayed) for (const consumer of this.consumers) consumer.wake();
        return replayed;
      });
  }

  reject(id: string, reason: string): Promise<boolean> {
    const { statements, writes, clock } = this.parts;
    return writes.run(() => statements.reject.run({ id, reason: `rejected: ${reason}`, now: clock.now() }).changes === 1);
  }

  /**
   * Stops every consumer from claiming, without waiting for handlers still running (a hung one
   * must not hang shutdown; its lease runs out as after a crash), and commits pending writes.
   */
  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    for (const consumer of this.consumers) consumer.halt();
    this.consumers.clear();
    this.parts.writes.flush();
    return this.parts.onClose();
  }
}
