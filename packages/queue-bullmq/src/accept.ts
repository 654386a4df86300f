import type { InboundEvent } from '@interlock/core';
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

/**
 * Records (provider, eventId) and queues the event in one Redis transaction, resolving once
 * Redis has executed it.
 *
 * Why a MULTI around BullMQ's add rather than `queue.add` alone: the add script answers with a
 * job id whether it stored a new job or found a duplicate (by job id or by deduplication id), so
 * its answer cannot tell 'accepted' from 'duplicate' when the same event is accepted twice with
 * the same id. An EXISTS of the job and dedupe keys queued in the same MULTI sees exactly the
 * state the add sees (no other client's command runs between them), so "neither existed" means
 * this call stored the job. Nothing is written outside BullMQ's own script, so a crash at
 * any point leaves either the whole event queued and remembered, or nothing.
 */
export async function acceptEvent(queue: Queue, client: RedisClient, event: InboundEvent, settings: AcceptSettings): Promise<'accepted' | 'duplicate'> {
  const jobId = jobIdFor(event.id);
  const dedupeId = dedupeIdFor(event.provider, event.eventId);
  const job = new Job<EventJobData, EventJobResult | null>(queue, `${event.provider}/${event.type}`, toJobData(event), jobOptions(jobId, dedupeId, settings), jobId);
  // The key BullMQ's add script derives from the deduplication id.
  const probeKeys = [queue.toKey(jobId), `${queue.toKey('de')}:${dedupeId}`];
  const send = async (): Promise<[Error | null, unknown][]> => {
    const multi = client.multi();
    // A plain EXISTS (through runCommand, which calls any ioredis command by name): how many of
    // the two keys exist. Not a script, so it cannot fail with NOSCRIPT while the add succeeds.
    multi.runCommand('exists', probeKeys);
    // Queues BullMQ's add script on the transaction (it returns before anything is sent).
    await job.addJob(multi);
    const results = await multi.exec();
    if (!results) throw new Error('Redis discarded the accept transaction');
    return results;
  };
  let results = await send();
  // The add did not run (a flushed script cache), so nothing was written: reload, send again.
  if (results.some(([error]) => error?.message.includes('NOSCRIPT'))) {
    await reloadScripts(client);
    results = await send();
  }
  for (const [error] of results) if (error) throw error;
  return results[0]?.[1] === 0 ? 'accepted' : 'duplicate';
}
