import { TurnBatch, type InboundEvent } from '@interlock/core';
import type { EventTable, NewEvent } from './event-table.js';

interface Pending extends NewEvent {
  resolve: (result: 'accepted' | 'duplicate') => void;
  reject: (error: unknown) => void;
}

/** The part of the events table accepts go through; a seam for tests. */
export type InsertTarget = Pick<EventTable, 'insertMany'>;

/**
 * SQLSTATE classes that blame the rows rather than the connection or the server: data exceptions
 * (22: a NUL byte in a text, a number out of range), integrity constraint violations (23: an id
 * reused for another event) and program limits (54: a key too long for its index). A batch that
 * fails with one of these is retried one event at a time, so one bad event fails alone.
 */
const ROW_ERROR_CLASSES: ReadonlySet<string> = new Set(['22', '23', '54']);

function blamesRows(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && ROW_ERROR_CLASSES.has(code.slice(0, 2));
}

/**
 * Group commit for accepts: every accept of one turn of the event loop goes to PostgreSQL as ONE
 * statement, so a webhook burst pays one round trip and one WAL flush per batch instead of one
 * per event. Each accept settles only once the statement holding its row has committed (it runs
 * in autocommit, so the reply is the commit). Batches do not wait for each other: each takes a
 * pool connection of its own.
 *
 * The batches are core's {@link TurnBatch}: on `setImmediate`, or at once when `maxBatchSize`
 * accepts are waiting.
 *
 * When the statement fails, no accept in it is told 'accepted' (it stored nothing; or, if the
 * connection dropped after its commit, rows a redelivery will find as duplicates):
 * - for an error that blames the rows (see {@link ROW_ERROR_CLASSES}) the events are inserted
 *   again one by one, in arrival order, and only the ones PostgreSQL refuses fail. Failing the
 *   whole batch instead would answer 503 to every webhook that happened to share a turn with a
 *   bad one, and the bad one, redelivered, would do the same to the next batch it joins.
 * - any other error (connection lost, server shutting down) says nothing about the rows and would
 *   hit every one of them again: the whole batch fails at once, the hub answers 503 and the
 *   providers redeliver.
 */
export class GroupInsert {
  private readonly batches: TurnBatch<Pending>;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly table: InsertTarget,
    maxBatchSize: number,
    /** Called once per batch that stored at least one new event, so consumers here need not wait for their poll. */
    private readonly onAccepted: () => void,
  ) {
    this.batches = new TurnBatch(maxBatchSize, (batch) => {
      const sent = this.commit(batch).finally(() => this.inFlight.delete(sent));
      this.inFlight.add(sent);
    });
  }

  /** Inserts `event` with the next batch; resolves once that batch has committed. */
  add(event: InboundEvent, now: number): Promise<'accepted' | 'duplicate'> {
    return new Promise((resolve, reject) => {
      this.batches.add({ event, now, resolve, reject });
    });
  }

  /** Sends what is waiting now, in batches of at most `maxBatchSize`. */
  flush(): void {
    this.batches.flush();
  }

  /** Sends what is waiting and resolves once every batch has settled its accepts. */
  async close(): Promise<void> {
    this.flush();
    await Promise.all(this.inFlight);
  }

  /** Never rejects: every failure is handed to the accepts it concerns. */
  private async commit(batch: readonly Pending[]): Promise<void> {
    let inserted: ReadonlySet<string>;
    try {
      inserted = await this.table.insertMany(batch);
    } catch (error) {
      if (batch.length > 1 && blamesRows(error)) await this.oneByOne(batch);
      else for (const item of batch) item.reject(error);
      return;
    }
    if (inserted.size > 0) this.onAccepted();
    // Deleting as it goes: the same event accepted twice in one turn (same id) is accepted once.
    const fresh = new Set(inserted);
    for (const item of batch) item.resolve(fresh.delete(item.event.id) ? 'accepted' : 'duplicate');
  }

  /** In arrival order, so of two copies of one event the first is still the one accepted. */
  private async oneByOne(batch: readonly Pending[]): Promise<void> {
    let accepted = false;
    for (const item of batch) {
      try {
        const stored = (await this.table.insertMany([item])).has(item.event.id);
        accepted ||= stored;
        item.resolve(stored ? 'accepted' : 'duplicate');
      } catch (error) {
        item.reject(error);
      }
    }
    if (accepted) this.onAccepted();
  }
}
