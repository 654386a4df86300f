import type {
  ConsumeOptions,
  Consumer,
  DeadEventFilter,
  EventFilter,
  EventHandler,
  EventQueue,
  EventStatus,
  InboundEvent,
  StoredEvent,
} from '@interlock/core';
import { Queue, type RedisClient } from 'bullmq';
import { AcceptBatcher } from './accept.js';
import { resolveConsumeSettings } from './consume-settings.js';
import { startConsumer, type BullmqConsumer } from './consumer.js';
import { listDead, reject, replay, type DeadLetterContext } from './dead-letters.js';
import { correctDead, listEvents } from './support.js';
import { statusOf, toStoredEvent, type EventJob, type EventJobData, type EventJobResult } from './event-record.js';
import { jobIdFor } from './job-ids.js';
import { resolveQueueSettings, type BullmqQueueOptions, type QueueSettings } from './options.js';
import { RedisHealth, withinTime } from './redis-health.js';
import { defineScripts } from './scripts.js';

/** The EventQueue contract on one BullMQ queue. */
class BullmqEventQueue implements EventQueue {
  private readonly queue: Queue<EventJobData, EventJobResult | null>;
  /** Beside BullMQ's keys; job ids never contain ':', so no job can collide with it. */
  private readonly discardedIndexKey: string;
  private readonly consumers = new Set<BullmqConsumer>();
  private scriptsReady: Promise<RedisClient> | undefined;
  private closing: Promise<void> | undefined;
  private readonly health: RedisHealth;
  private readonly accepts: AcceptBatcher;

  constructor(private readonly settings: QueueSettings) {
    this.health = new RedisHealth(settings.onConnectionChange, settings.onError);
    this.queue = new Queue(settings.queueName, { connection: settings.queueConnection, prefix: settings.prefix });
    // An EventEmitter without an 'error' listener throws; connection trouble is reported instead,
    // once per change of state rather than once per reconnect attempt.
    this.queue.on('error', (error) => this.health.report(error));
    this.discardedIndexKey = this.queue.toKey('interlock:discarded');
    this.accepts = new AcceptBatcher(this.queue);
  }

  accept(event: InboundEvent): Promise<'accepted' | 'duplicate'> {
    return this.bounded('accept', async (expired) => {
      const client = await this.client();
      // Answered 503 already: storing it now would acknowledge nothing and surprise the retry.
      if (expired()) throw new Error('accept abandoned after its timeout');
      return this.accepts.accept(client, event, { dedupeTtlMs: this.settings.dedupeTtlMs, now: this.settings.clock.now() }, expired);
    });
  }

  consume(handler: EventHandler, options: ConsumeOptions = {}): Consumer {
    this.assertOpen();
    const consumer = startConsumer(
      {
        queueName: this.settings.queueName,
        prefix: this.settings.prefix,
        connection: this.settings.workerConnection,
        clock: this.settings.clock,
        noteDiscarded: (jobId) => this.noteDiscarded(jobId),
        onError: (error) => this.health.report(error),
      },
      handler,
      resolveConsumeSettings(options, this.settings.retryBackoff),
    );
    this.consumers.add(consumer);
    return {
      stop: async () => {
        await consumer.stop();
        this.consumers.delete(consumer);
      },
    };
  }

  get(id: string): Promise<StoredEvent | undefined> {
    return this.bounded('get', async () => {
      const jobId = jobIdFor(id);
      // State first: once a job is finished its hash already holds the outcome, so a job that moves
      // on between the two reads is shown in its earlier state, never with a status it lacks data for.
      const state = await this.queue.getJobState(jobId);
      const job = (await this.queue.getJob(jobId)) as EventJob | undefined;
      const status = statusOf(state, job?.returnvalue);
      return job?.data && status ? toStoredEvent(job, status) : undefined;
    });
  }

  counts(): Promise<Readonly<Record<EventStatus, number>>> {
    return this.bounded('counts', async () => {
      const client = await this.client();
      const queue = this.queue;
      const keys = ['wait', 'paused', 'delayed', 'prioritized', 'waiting-children', 'active', 'completed', 'failed'].map((type) => queue.toKey(type));
      const reply = (await client.runCommand('interlockCounts', [...keys, this.discardedIndexKey, queue.toKey('')])) as number[];
      const [queued = 0, processing = 0, completed = 0, discarded = 0, dead = 0] = reply;
      return { queued, processing, applied: completed - discarded, discarded, dead };
    });
  }

  listDead(filter?: DeadEventFilter): Promise<readonly StoredEvent[]> {
    return this.bounded('listDead', async () => listDead(await this.deadLetters(), filter));
  }

  list(filter?: EventFilter): Promise<readonly StoredEvent[]> {
    return this.bounded('list', async () => listEvents(await this.deadLetters(), filter));
  }

  correct(id: string, payload: string): Promise<boolean> {
    return this.bounded('correct', async () => correctDead(await this.deadLetters(), id, payload));
  }

  replay(id: string): Promise<boolean> {
    return this.bounded('replay', async () => replay(await this.deadLetters(), id));
  }

  /**
   * Forgets nothing: every finished job and dedupe key already expires in Redis after `dedupeTtlMs`
   * (set when it was accepted), which is how long this engine remembers events.
   */
  prune(): Promise<number> {
    return Promise.resolve(0);
  }

  reject(id: string, reason: string): Promise<boolean> {
    return this.bounded('reject', async () => reject(await this.deadLetters(), id, reason, this.settings.clock.now()));
  }

  /**
   * Sends the accepts waiting for the end of this turn, so they are answered (the connection is
   * closed with QUIT, after their replies) rather than left waiting. Stops every consumer at
   * once, without waiting for handlers in flight: their events are handed out again after their
   * lease, exactly as after a crash (call a consumer's stop() first to drain). Then closes the
   * queue; BullMQ closes the connections it opened from an endpoint and leaves a caller's ioredis
   * instance open.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.accepts.flush();
      const consumers = [...this.consumers];
      this.consumers.clear();
      await Promise.all(consumers.map((consumer) => consumer.abandon()));
      await this.queue.close();
    })();
    return this.closing;
  }

  /** One call within the timeout; a connection failure or a timeout marks Redis down, an answer up. */
  private async bounded<T>(operation: string, run: (expired: () => boolean) => Promise<T>): Promise<T> {
    this.assertOpen();
    try {
      const result = await withinTime(operation, this.settings.timeoutMs, run);
      this.health.reachable();
      return result;
    } catch (error) {
      this.health.failed(error);
      throw error;
    }
  }

  private assertOpen(): void {
    if (this.closing) throw new Error('The BullMQ event queue is closed');
  }

  /** The queue's Redis client with this adapter's scripts defined on it (once). */
  private client(): Promise<RedisClient> {
    this.assertOpen();
    this.scriptsReady ??= this.queue.client.then(
      (client) => {
        defineScripts(client);
        // Connected, or reconnected after an outage: said once, even when no call is waiting.
        this.health.reachable();
        client.on('ready', () => this.health.reachable());
        return client;
      },
      (error: unknown) => {
        // Not cached: the next call tries the connection again.
        this.scriptsReady = undefined;
        throw error;
      },
    );
    return this.scriptsReady;
  }

  private async deadLetters(): Promise<DeadLetterContext> {
    return { queue: this.queue, client: await this.client(), discardedIndexKey: this.discardedIndexKey };
  }

  private async noteDiscarded(jobId: string): Promise<void> {
    const client = await this.client();
    const now = this.settings.clock.now();
    // Index entries outlive their completed job by a full window before they are trimmed here.
    await client.runCommand('interlockNoteDiscarded', [this.discardedIndexKey, jobId, now, now - 2 * this.settings.dedupeTtlMs]);
  }
}

/**
 * An EventQueue on Redis with BullMQ, for many workers on many machines: the accepts of one
 * event-loop turn are one Redis transaction (for each, dedupe by provider and event id, and the
 * job, together), consumers are BullMQ
 * workers (leases are job locks, retries BullMQ's backoff, dead letters its failed set).
 */
export function createBullmqEventQueue(options: BullmqQueueOptions = {}): EventQueue {
  return new BullmqEventQueue(resolveQueueSettings(options));
}
