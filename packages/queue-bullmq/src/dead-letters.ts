import type { DeadEventFilter, StoredEvent } from '@interlock/core';
import type { Queue, RedisClient } from 'bullmq';
import { toStoredEvent, type EventJob, type EventJobData, type EventJobResult } from './event-record.js';
import { jobIdFor } from './job-ids.js';

/** Default page of listDead: enough for a console, small enough to render (as the SQL stores). */
const DEAD_LIST_LIMIT = 100;
/** Failed jobs read per round trip while filtering by provider. */
const PAGE = 200;

/** The queue a dead-letter operation works on, with what it needs besides BullMQ's API. */
export interface DeadLetterContext {
  queue: Queue<EventJobData, EventJobResult | null>;
  client: RedisClient;
  /** Where discarded jobs are noted for counts(). */
  discardedIndexKey: string;
}

/**
 * Dead events, longest dead first: BullMQ's failed set is ordered by the time each job failed,
 * so a page costs one range read instead of loading every dead letter to sort it by receipt.
 */
export async function listDead(context: DeadLetterContext, filter: DeadEventFilter = {}): Promise<StoredEvent[]> {
  const limit = filter.limit ?? DEAD_LIST_LIMIT;
  const found: StoredEvent[] = [];
  for (let start = 0; found.length < limit; start += PAGE) {
    const jobs = (await context.queue.getJobs(['failed'], start, start + PAGE - 1, true)) as EventJob[];
    for (const job of jobs) {
      // A job may have been replayed or removed between the range read and the hash read.
      if (!job?.data || (filter.provider !== undefined && job.data.provider !== filter.provider)) continue;
      found.push(toStoredEvent(job, 'dead'));
      if (found.length === limit) break;
    }
    if (jobs.length < PAGE) break;
  }
  return found;
}

/**
 * Puts a dead event back in the queue with its attempts reset (BullMQ's retry, which checks in
 * Redis that the job is still failed). False when it is not dead: never was, already replayed or
 * rejected, or gone.
 */
export async function replay(context: DeadLetterContext, id: string): Promise<boolean> {
  const job = (await context.queue.getJob(jobIdFor(id))) as EventJob | undefined;
  if (!job || (await job.getState()) !== 'failed') return false;
  try {
    await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
  } catch (error) {
    // Another replay or a reject won the race: the job is no longer dead, so this one did nothing.
    if ((await job.getState()) !== 'failed') return false;
    throw error;
  }
  // BullMQ keeps the stall count across a retry; a replayed event starts with a clean slate.
  if (job.id !== undefined) await context.client.hdel(context.queue.toKey(job.id), 'stc');
  return true;
}

/**
 * Gives up on a dead event for good: it moves to completed as `discarded`, reason
 * `rejected: …`, so it stays for audit (and its dedupe key stays, refusing a late duplicate).
 */
export async function reject(context: DeadLetterContext, id: string, reason: string, now: number): Promise<boolean> {
  const jobId = jobIdFor(id);
  const result: EventJobResult = { status: 'discarded', reason: `rejected: ${reason}` };
  const { queue } = context;
  const moved: unknown = await context.client.runCommand('interlockRejectDead', [
    queue.toKey('failed'),
    queue.toKey('completed'),
    queue.toKey(jobId),
    context.discardedIndexKey,
    jobId,
    now,
    JSON.stringify(result),
  ]);
  return moved === 1;
}
