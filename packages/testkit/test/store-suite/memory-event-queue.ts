import { randomUUID } from 'node:crypto';
import { EVENT_LIST_LIMIT, eventMatches, handlerOutcome, newestFirst, nextEventState, resolveConsumeOptions, StartWindow } from '@interlock/core';
import type { Clock, ConsumeOptions, Consumer, DeadEventFilter, EventFilter, EventHandler, EventOutcome, EventQueue, EventStatus, InboundEvent, StoredEvent } from '@interlock/core';

interface Row extends StoredEvent {
  visibleAt: number;
  owner: string | undefined;
}

/** The storage two queue instances share, as two processes share one database. */
export class MemoryQueueStorage {
  readonly rows = new Map<string, Row>();
  readonly keys = new Set<string>();
  /** Set by the broken variants the suite must catch. */
  faults: { forgetDedupe?: boolean; unfencedCompletion?: boolean; pruneDead?: boolean; listOldestFirst?: boolean; correctAnyStatus?: boolean } = {};
}

const STATUSES: readonly EventStatus[] = ['queued', 'processing', 'applied', 'discarded', 'dead'];

/** A reference EventQueue in memory: the simplest engine that passes the parity suite. */
export class MemoryEventQueue implements EventQueue {
  private readonly consumers = new Set<Consumer>();

  constructor(
    readonly storage: MemoryQueueStorage,
    private readonly clock: Clock,
    private readonly pollMs = 50,
  ) {}

  accept(event: InboundEvent): Promise<'accepted' | 'duplicate'> {
    const key = JSON.stringify([event.provider, event.eventId]);
    if (this.storage.keys.has(key) && !this.storage.faults.forgetDedupe) return Promise.resolve('duplicate');
    this.storage.keys.add(key);
    const now = this.clock.now();
    this.storage.rows.set(event.id, { ...event, status: 'queued', attempts: 0, updatedAt: now, visibleAt: now, owner: undefined });
    return Promise.resolve('accepted');
  }

  get(id: string): Promise<StoredEvent | undefined> {
    const row = this.storage.rows.get(id);
    return Promise.resolve(row ? publicView(row) : undefined);
  }

  counts(): Promise<Readonly<Record<EventStatus, number>>> {
    const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<EventStatus, number>;
    for (const row of this.storage.rows.values()) counts[row.status]++;
    return Promise.resolve(counts);
  }

  listDead(filter: DeadEventFilter = {}): Promise<readonly StoredEvent[]> {
    const dead = [...this.storage.rows.values()].filter((r) => r.status === 'dead' && (filter.provider === undefined || r.provider === filter.provider));
    return Promise.resolve(dead.slice(0, filter.limit ?? dead.length).map(publicView));
  }

  list(filter: EventFilter = {}): Promise<readonly StoredEvent[]> {
    const rows = [...this.storage.rows.values()].map(publicView).filter((event) => eventMatches(event, filter));
    rows.sort(this.storage.faults.listOldestFirst ? (a, b) => newestFirst(b, a) : newestFirst);
    return Promise.resolve(rows.slice(0, filter.limit ?? EVENT_LIST_LIMIT));
  }

  correct(id: string, payload: string): Promise<boolean> {
    const row = this.storage.rows.get(id);
    if (!row || (row.status !== 'dead' && !this.storage.faults.correctAnyStatus)) return Promise.resolve(false);
    Object.assign(row, { payload, updatedAt: this.clock.now() });
    return Promise.resolve(true);
  }

  replay(id: string): Promise<boolean> {
    const row = this.storage.rows.get(id);
    if (row?.status !== 'dead') return Promise.resolve(false);
    Object.assign(row, { status: 'queued', attempts: 0, reason: undefined, visibleAt: this.clock.now(), updatedAt: this.clock.now() });
    return Promise.resolve(true);
  }

  reject(id: string, reason: string): Promise<boolean> {
    const row = this.storage.rows.get(id);
    if (row?.status !== 'dead') return Promise.resolve(false);
    Object.assign(row, { status: 'discarded', reason: `rejected: ${reason}`, updatedAt: this.clock.now() });
    return Promise.resolve(true);
  }

  prune(before: number): Promise<number> {
    const forgettable = new Set<EventStatus>(this.storage.faults.pruneDead ? ['applied', 'discarded', 'dead'] : ['applied', 'discarded']);
    let forgotten = 0;
    for (const [id, row] of this.storage.rows) {
      if (!forgettable.has(row.status) || row.receivedAt >= before) continue;
      this.storage.rows.delete(id);
      this.storage.keys.delete(JSON.stringify([row.provider, row.eventId]));
      forgotten++;
    }
    return Promise.resolve(forgotten);
  }

  consume(handler: EventHandler, options: ConsumeOptions = {}): Consumer {
    const owner = randomUUID();
    const { concurrency, leaseMs, maxAttempts, startRate } = resolveConsumeOptions(options);
    const abort = new AbortController();
    const inFlight = new Set<Promise<void>>();
    const window = startRate && new StartWindow(startRate);

    const claim = (): Row | undefined => {
      const now = this.clock.now();
      for (const row of this.storage.rows.values()) {
        if ((row.status === 'queued' || row.status === 'processing') && row.visibleAt <= now) {
          Object.assign(row, { status: 'processing', attempts: row.attempts + 1, visibleAt: now + leaseMs, owner, updatedAt: now });
          return row;
        }
      }
      return undefined;
    };
    const settle = (row: Row, outcome: EventOutcome): void => {
      if (!this.storage.faults.unfencedCompletion && (row.status !== 'processing' || row.owner !== owner)) return;
      const now = this.clock.now();
      const { status, reason, visibleAt } = nextEventState(outcome, row.attempts, maxAttempts, now);
      Object.assign(row, { status, reason, visibleAt, owner: undefined, updatedAt: now });
    };
    const run = async (row: Row): Promise<void> => {
      settle(row, await handlerOutcome(handler, publicView(row)));
    };

    const loop = async (): Promise<void> => {
      while (!abort.signal.aborted) {
        if (inFlight.size >= concurrency) {
          await Promise.race([...inFlight]);
          continue;
        }
        const now = this.clock.now();
        if (window && window.available(now) <= 0) {
          await this.clock.sleep(window.nextFreeAt(now) - now, abort.signal).catch(() => undefined);
          continue;
        }
        const row = claim();
        if (!row) {
          await this.clock.sleep(this.pollMs, abort.signal).catch(() => undefined);
          continue;
        }
        window?.record(this.clock.now());
        const task = run(row).finally(() => inFlight.delete(task));
        inFlight.add(task);
      }
    };
    const looping = loop();
    const consumer: Consumer = {
      stop: async () => {
        abort.abort();
        await looping;
        await Promise.all([...inFlight]);
        this.consumers.delete(consumer);
      },
    };
    this.consumers.add(consumer);
    return consumer;
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.stop()));
  }
}

function publicView(row: Row): StoredEvent {
  const event: StoredEvent & Partial<Pick<Row, 'visibleAt' | 'owner'>> = { ...row };
  delete event.visibleAt;
  delete event.owner;
  return event;
}
