import { TurnBatch, type InboundEvent } from '@interlock/core';
import { Job, type JobsOptions, type Queue, type RedisClient } from 'bullmq';
import { toJobData, type EventJobData, type EventJobResult } from './event-record.js';
import { dedupeIdFor, jobIdFor } from './job-ids.js';
import { reloadScripts } from './scripts.js';

/** What every event job is added with. */
export interface AcceptSettings {
  /** How long (provider, eventId) is remembered, and how long a finished job is kept. */
  dedupeTtlMs: number;
  /** Stamped on the job as the time it was accepted. */
  now: number;
}

/**
 * Attempts are the consumer's call (`maxAttempts` is a consume option, and a handler may ask for
 * its own delay), so BullMQ is told "practically never give up" and the consumer dead-letters an
 * event itself with an UnrecoverableError.
 */
const UNLIMITED_ATTEMPTS = 1_000_000_000;

/** The backoff type the consumer's worker answers with its own strategy. */
export const INTERLOCK_BACKOFF = 'interlock';

/**
 * The most accepts sent in one transaction. A burst larger than this is sent as several
 * transactions in the same turn, so one transaction never holds Redis (single-threaded) for long.
 */
export const MAX_ACCEPT_BATCH = 256;

function jobOptions(jobId: string, dedupeId: string, settings: AcceptSettings): JobsOptions {
  const keepSeconds = Math.ceil(settings.dedupeTtlMs / 1000);
  return {
    jobId,
    timestamp: settings.now,
    // BullMQ's own deduplication: its add script sets this key (with the TTL) in the same atomic
    // step that stores the job, and keeps it past the job's completion until the TTL runs out.
    deduplication: { id: dedupeId, ttl: settings.dedupeTtlMs },
    attempts: UNLIMITED_ATTEMPTS,
    backoff: { type: INTERLOCK_BACKOFF },
    // Finished jobs answer get() and show what happened; kept as long as the dedupe window.
    removeOnComplete: { age: keepSeconds },
    // Dead letters wait for a person (replay or reject), however long that takes.
    removeOnFail: false,
  };
}

/** One accept waiting for its batch to be sent and answered. */
interface PendingAccept {
  event: InboundEvent;
  settings: AcceptSettings;
  /** True once the caller was answered with a timeout: the event must not be stored any more. */
  expired: () => boolean;
  resolve: (answer: 'accepted' | 'duplicate') => void;
  reject: (error: unknown) => void;
}

/** A pending accept whose job is built, and the keys whose existence says whether it is new. */
interface PreparedAccept {
  pending: PendingAccept;
  job: Job<EventJobData, EventJobResult | null>;
  probeKeys: string[];
}

function prepare(queue: Queue, pending: PendingAccept): PreparedAccept {
  const { event, settings } = pending;
  const jobId = jobIdFor(event.id);
  const dedupeId = dedupeIdFor(event.provider, event.eventId);
  const job = new Job<EventJobData, EventJobResult | null>(queue, `${event.provider}/${event.type}`, toJobData(event), jobOptions(jobId, dedupeId, settings), jobId);
  // The key BullMQ's add script derives from the deduplication id.
  return { pending, job, probeKeys: [queue.toKey(jobId), `${queue.toKey('de')}:${dedupeId}`] };
}

/**
 * Sends the batch as one transaction: for each accept in arrival order, an EXISTS of its job and
 * dedupe keys, then BullMQ's add script. Resolves with the transaction's results, two per accept.
 */
async function sendBatch(client: RedisClient, batch: readonly PreparedAccept[]): Promise<[Error | null, unknown][]> {
  const multi = client.multi();
  const adds: Promise<unknown>[] = [];
  for (const { job, probeKeys } of batch) {
    // A plain EXISTS (through runCommand, which calls any ioredis command by name): how many of
    // the two keys exist. Not a script, so it cannot fail with NOSCRIPT while the add succeeds.
    multi.runCommand('exists', probeKeys);
    // Queues BullMQ's add script on the transaction before its first await, so right after its
    // EXISTS; nothing is sent yet. The test of two copies in one batch fails should that change.
    adds.push(job.addJob(multi));
  }
  // Sent in the same synchronous step as it was built, so batches reach Redis in the order they were flushed.
  const [results] = await Promise.all([multi.exec(), Promise.all(adds)]);
  if (!results) throw new Error('Redis discarded the accept transaction');
  // Read two per accept below: any other count means the answers cannot be matched to callers.
  if (results.length !== 2 * batch.length) throw new Error(`Redis answered ${results.length} results for ${2 * batch.length} commands`);
  return results;
}

/**
 * Records (provider, eventId) and queues each event of a batch in one Redis transaction, and
 * answers every caller once Redis has executed it.
 *
 * Why a MULTI around BullMQ's add rather than `queue.add` alone: the add script answers with a
 * job id whether it stored a new job or found a duplicate (by job id or by deduplication id), so
 * its answer cannot tell 'accepted' from 'duplicate' when the same event is accepted twice with
 * the same id. An EXISTS of the job and dedupe keys queued just before each add, in the same
 * MULTI, sees exactly the state that add sees: the adds before it in the batch (so of two copies
 * in one batch the first wins) and nothing of any other client. Nothing is written outside
 * BullMQ's own script, so a crash at any point leaves each event either queued and remembered,
 * or not there at all.
 */
async function acceptBatch(queue: Queue, client: RedisClient, pending: readonly PendingAccept[], retried = false): Promise<void> {
  const batch: PreparedAccept[] = [];
  for (const entry of pending) {
    try {
      batch.push(prepare(queue, entry));
    } catch (error) {
      // An event BullMQ refuses fails alone; the others of its batch go on.
      entry.reject(error);
    }
  }
  if (batch.length === 0) return;
  let results: [Error | null, unknown][];
  try {
    results = await sendBatch(client, batch);
  } catch (error) {
    // Nothing is known of the transaction (never sent, discarded, or its answer lost): no caller is told 'accepted'.
    for (const { pending } of batch) pending.reject(error);
    return;
  }
  const again: PendingAccept[] = [];
  batch.forEach(({ pending }, index) => {
    const [probeError, existing] = results[2 * index] as [Error | null, unknown];
    const [addError] = results[2 * index + 1] as [Error | null, unknown];
    // The add did not run (a flushed script cache), so nothing was written: sent again below.
    if (!retried && addError?.message.includes('NOSCRIPT')) again.push(pending);
    else if (probeError ?? addError) pending.reject(probeError ?? addError);
    else pending.resolve(existing === 0 ? 'accepted' : 'duplicate');
  });
  if (again.length === 0) return;
  try {
    await reloadScripts(client);
  } catch (error) {
    for (const pending of again) pending.reject(error);
    return;
  }
  await acceptBatch(queue, client, again, true);
}

/**
 * Gathers the accepts of one event-loop turn and sends them as one transaction (see
 * {@link acceptBatch}) when the turn is over, or at once when {@link MAX_ACCEPT_BATCH} are
 * waiting: one round trip, and one transaction's overhead, for a whole burst of webhooks.
 * Batches go out on the queue's one connection in order, so Redis runs them in arrival order.
 */
export class AcceptBatcher {
  private readonly batches: TurnBatch<PendingAccept>;
  private client: RedisClient | undefined;

  constructor(private readonly queue: Queue) {
    this.batches = new TurnBatch(MAX_ACCEPT_BATCH, (waiting) => this.send(waiting));
  }

  /** Queues `event` for the current batch; resolves once Redis has executed the batch. */
  accept(client: RedisClient, event: InboundEvent, settings: AcceptSettings, expired: () => boolean): Promise<'accepted' | 'duplicate'> {
    return new Promise((resolve, reject) => {
      this.client = client;
      this.batches.add({ event, settings, expired, resolve, reject });
    });
  }

  /** Sends whatever is waiting now (close() calls it so no accept is left behind). */
  flush(): void {
    this.batches.flush();
  }

  private send(waiting: readonly PendingAccept[]): void {
    const client = this.client;
    const live: PendingAccept[] = [];
    for (const entry of waiting) {
      // Answered 503 already: storing it now would acknowledge nothing and surprise the retry.
      if (entry.expired()) entry.reject(new Error('accept abandoned after its timeout'));
      else live.push(entry);
    }
    if (client === undefined || live.length === 0) return;
    // acceptBatch answers every caller itself, whatever happens; nothing is left to await here.
    void acceptBatch(this.queue, client, live);
  }
}
