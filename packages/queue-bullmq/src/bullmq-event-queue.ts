import type {
  ConsumeOptions,
  Consumer,
  DeadEventFilter,
  EventHandler,
  EventQueue,
  EventStatus,
  InboundEvent,
  StoredEvent,
} from '@interlock/core';
import { Queue, type RedisClient } from 'bullmq';
import { acceptEvent } from './accept.js';
import { resolveConsumeSettings } from './consume-settings.js';
import { startConsumer, type BullmqConsumer } from './consumer.js';
import { listDead, reject, replay, type DeadLetterContext } from './dead-letters.js';
import { statusOf, toStoredEvent, type EventJob, type EventJobData, type EventJobResult } from './event-record.js';
import { jobIdFor } from './job-ids.js';
import { resolveQueueSettings, type BullmqQueueOptions, type QueueSettings } from './options.js';
import { defineScripts } from './scripts.js';

/** The EventQueue contract on one BullMQ queue. */
class BullmqEventQueue implements EventQueue {
  private readonly queue: Queue<EventJobData, EventJobResult | null>;
  /** Beside BullMQ's keys; job ids never contain ':', so no job can collide with it. */
  private readonly discardedIndexKey: string;
  private readonly consumers = new Set<BullmqConsumer>();
  private scriptsReady: Promise<RedisClient> | undefined;
  private closing: Promise<void> | undefined;

  constructor(private readonly settings: QueueSettings) {
    this.queue = new Queue(settings.queueName, { connection: settings.queueConnection, prefix: settings.prefix });
    // An EventEmitter without an 'error' listener throws; connection trouble is reported instead.
    this.queue.on('error', (error) => settings.onError(error));
    this.discardedIndexKey = this.queue.toKey('interlock:discarded');
  }

  async accept(event: InboundEvent): Promise<'accepted' | 'duplicate'> {
    const client = await this.client();
    return acceptEvent(this.queue, client, event, { dedupeTtlMs: this.settings.dedupeTtlMs, now: this.settings.clock.now() });
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
        onError: this.settings.onError,
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

  async get(id: string): Promise<StoredEvent | undefined> {
    const jobId = jobIdFor(id);
    // State first: once a job is finished its hash already holds the outcome, so a job that moves
    // on between the two reads is shown in its earlier state, never with a status it lacks data for.
    const state = await this.queue.getJobState(jobId);
    const job = (await this.queue.getJob(jobId)) as EventJob | undefined;
    const status = statusOf(state, job?.returnvalue);
    return job?.data && status ? toStoredEvent(job, status) : undefined;
  }

  async counts(): Promise<Readonly<Record<EventStatus, number>>> {
    const client = await this.client();
    const queue = this.queue;
    const keys = ['wait', 'paused', 'delayed', 'prioritized', 'waiting-children', 'active', 'completed', 'failed'].map((type) => queue.toKey(type));
    const reply = (await client.runCommand('interlockCounts', [...keys, this.discardedIndexKey, queue.toKey('')])) as number[];
    const [queued = 0, processing = 0, completed = 0, discarded = 0, dead = 0] = reply;
    return { queued, processing, applied: completed - discarded, discarded, dead };
  }

  async listDead(filter?: DeadEventFilter): Promise<readonly StoredEvent[]> {
    return listDead(await this.deadLetters(), filter);
  }

  async replay(id: string): Promise<boolean> {
    return replay(await this.deadLetters(), id);
  }

  async reject(id: string, reason: string): Promise<boolean> {
    return reject(await this.deadLetters(), id, reason, this.settings.clock.now());
  }

  /**
   * Stops every consumer at once, without waiting for handlers in flight: their events are
   * handed out again after their lease, exactly as after a crash (call a consumer's stop() first
   * to drain). Then closes the queue; BullMQ closes the connections it opened from an endpoint
   * and leaves a caller's ioredis instance open.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      const consumers = [...this.consumers];
      this.consumers.clear();
      await Promise.all(consumers.map((consumer) => consumer.abandon()));
      await this.queue.close();
    })();
    return this.closing;
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
 * An EventQueue on Redis with BullMQ, for many workers on many machines: accept is one Redis
 * transaction (dedupe by provider and event id, and the job, together), consumers are BullMQ
 * workers (leases are job locks, retries BullMQ's backoff, dead letters its failed set).
 */
export function createBullmqEventQueue(options: BullmqQueueOptions = {}): EventQueue {
  return new BullmqEventQueue(resolveQueueSettings(options));
}
