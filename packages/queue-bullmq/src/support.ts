import { EVENT_LIST_LIMIT, eventMatches, newestFirst, type EventFilter, type EventStatus, type StoredEvent } from '@interlock/core';
import type { JobState } from 'bullmq';
import type { DeadLetterContext } from './dead-letters.js';
import { statusOf, toJobData, toStoredEvent, type EventJob } from './event-record.js';
import { dedupeIdFor, jobIdFor } from './job-ids.js';

/** Jobs read per round trip while listing. */
const PAGE = 200;

/** The BullMQ states that hold events of each of our statuses. */
const STATES: Readonly<Record<EventStatus, readonly (JobState | 'wait' | 'paused')[]>> = {
  queued: ['wait', 'paused', 'delayed', 'prioritized', 'waiting-children'],
  processing: ['active'],
  applied: ['completed'],
  discarded: ['completed'],
  dead: ['failed'],
};

/** The one event a (provider, event id) pair names, through the deduplication key BullMQ keeps for it. */
async function byDedupeKey(context: DeadLetterContext, provider: string, eventId: string): Promise<EventJob[]> {
  const jobId = await context.client.get(`${context.queue.toKey('de')}:${dedupeIdFor(provider, eventId)}`);
  const job = jobId === null ? undefined : ((await context.queue.getJob(jobId)) as EventJob | undefined);
  return job?.data ? [job] : [];
}

/**
 * Events matching `filter`, newest received first. Redis keeps no index by receipt time across
 * states, so the states the filter's status names (every state without one) are read a page at a
 * time and only the newest `limit` matches are kept; a provider and event id together are one
 * lookup through the deduplication key.
 */
export async function listEvents(context: DeadLetterContext, filter: EventFilter = {}): Promise<StoredEvent[]> {
  const limit = filter.limit ?? EVENT_LIST_LIMIT;
  let kept: StoredEvent[] = [];
  const keep = (event: StoredEvent): void => {
    if (!eventMatches(event, filter)) return;
    kept.push(event);
    if (kept.length >= 2 * limit) kept = kept.sort(newestFirst).slice(0, limit);
  };
  if (filter.provider !== undefined && filter.eventId !== undefined) {
    for (const job of await byDedupeKey(context, filter.provider, filter.eventId)) {
      const status = statusOf(await job.getState(), job.returnvalue);
      if (status) keep(toStoredEvent(job, status));
    }
    return kept.sort(newestFirst).slice(0, limit);
  }
  const types = new Set(filter.status === undefined ? Object.values(STATES).flat() : STATES[filter.status]);
  for (const type of types) {
    for (let start = 0; ; start += PAGE) {
      const jobs = (await context.queue.getJobs([type], start, start + PAGE - 1, true)) as EventJob[];
      for (const job of jobs) {
        // A job may have moved on or been removed between the range read and the hash read.
        if (!job?.data) continue;
        const status = statusOf(type === 'wait' || type === 'paused' ? 'waiting' : type, job.returnvalue);
        if (status) keep(toStoredEvent(job, status));
      }
      if (jobs.length < PAGE) break;
    }
  }
  return kept.sort(newestFirst).slice(0, limit);
}

/**
 * Replaces a dead event's payload in its job's data, in one script that first checks the job is
 * still in the failed set, so a replay or reject that won the race is never undone.
 */
export async function correctDead(context: DeadLetterContext, id: string, payload: string): Promise<boolean> {
  const jobId = jobIdFor(id);
  const job = (await context.queue.getJob(jobId)) as EventJob | undefined;
  if (!job?.data) return false;
  const data = JSON.stringify({ ...toJobData(job.data), payload });
  const { queue } = context;
  const replaced: unknown = await context.client.runCommand('interlockCorrectDead', [queue.toKey('failed'), queue.toKey(jobId), jobId, data]);
  return replaced === 1;
}
