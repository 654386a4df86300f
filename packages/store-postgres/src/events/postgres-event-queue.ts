import {
  resolveConsumeOptions,
  type Consumer,
  type ConsumeOptions,
  type DeadEventFilter,
  type EventFilter,
  type EventHandler,
  type EventQueue,
  type EventStatus,
  type InboundEvent,
  type StoredEvent,
} from '@interlock/core';
import { ClaimLoop, type QueueSettings } from './claim-loop.js';
import type { EventTable } from './event-table.js';
import { GroupInsert } from './group-insert.js';

/**
 * The {@link EventQueue} contract on PostgreSQL. Every instance of the hub may accept and consume
 * on the same schema: dedupe is the table's unique key, and consumers share the work through
 * `FOR UPDATE SKIP LOCKED` claims with leases.
 */
export class PostgresEventQueue implements EventQueue {
  private readonly consumers = new Set<ClaimLoop>();
  private readonly inserts: GroupInsert;
  private closed = false;

  constructor(
    private readonly table: EventTable,
    private readonly settings: QueueSettings,
    /** Accepts sent to PostgreSQL in one statement at most. */
    maxBatchSize: number,
    private readonly releasePool: () => Promise<void>,
  ) {
    this.inserts = new GroupInsert(table, maxBatchSize, () => this.wakeConsumers());
  }

  /** Joins the accepts of this turn of the event loop in one statement; see {@link GroupInsert}. */
  accept(event: InboundEvent): Promise<'accepted' | 'duplicate'> {
    if (this.closed) return Promise.reject(closedError());
    return this.inserts.add(event, this.settings.clock.now());
  }

  consume(handler: EventHandler, options: ConsumeOptions = {}): Consumer {
    if (this.closed) throw closedError();
    const loop = new ClaimLoop(this.table, handler, { ...resolveConsumeOptions(options), ...this.settings });
    this.consumers.add(loop);
    return {
      stop: async () => {
        await loop.stop();
        this.consumers.delete(loop);
      },
    };
  }

  get(id: string): Promise<StoredEvent | undefined> {
    return this.table.get(id);
  }

  counts(): Promise<Readonly<Record<EventStatus, number>>> {
    return this.table.counts();
  }

  listDead(filter?: DeadEventFilter): Promise<readonly StoredEvent[]> {
    return this.table.listDead(filter);
  }

  list(filter?: EventFilter): Promise<readonly StoredEvent[]> {
    return this.table.list(filter);
  }

  correct(id: string, payload: string): Promise<boolean> {
    return this.table.correct(id, payload, this.settings.clock.now());
  }

  async replay(id: string): Promise<boolean> {
    const replayed = await this.table.replay(id, this.settings.clock.now());
    if (replayed) this.wakeConsumers();
    return replayed;
  }

  reject(id: string, reason: string): Promise<boolean> {
    return this.table.reject(id, reason, this.settings.clock.now());
  }

  prune(before: number): Promise<number> {
    return this.table.prune(before);
  }

  /**
   * Refuses further accepts, commits the ones waiting (each settles as usual), stops every
   * consumer from claiming and lets go of the connection pool. Handlers still running are not
   * waited for (call `Consumer.stop()` first for a graceful drain): their events stay claimed
   * until the lease runs out and another worker takes them.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([this.inserts.close(), ...[...this.consumers].map((loop) => loop.abandon())]);
    this.consumers.clear();
    await this.releasePool();
  }

  private wakeConsumers(): void {
    for (const loop of this.consumers) loop.wake();
  }
}

function closedError(): Error {
  return new Error('The PostgreSQL event queue is closed');
}
