import { randomUUID } from 'node:crypto';
import { sortableId, systemClock, type EventQueue, type InboundEvent } from '@interlock/core';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createBullmqEventQueue, type BullmqQueueOptions } from '../src/index.js';
import { REDIS_ENDPOINT } from './redis-service.js';

/** Queues over one fresh queue name and key prefix, removed from Redis by cleanup(). */
export interface TestQueues {
  queue: EventQueue;
  /** Another instance on the same Redis queue, as a second process or machine would open it. */
  reopen(overrides?: BullmqQueueOptions): Promise<EventQueue>;
  prefix: string;
  queueName: string;
  /** Errors the queues reported through onError. */
  errors: unknown[];
  cleanup(): Promise<void>;
}

/**
 * Test settings: BullMQ runs on real time, so retries wait a few milliseconds rather than
 * seconds. Each call gets its own prefix, so tests never see each other's keys.
 */
export async function openTestQueues(overrides: BullmqQueueOptions = {}): Promise<TestQueues> {
  const prefix = `ilk-test-${randomUUID().slice(0, 8)}`;
  const queueName = 'events';
  const errors: unknown[] = [];
  const opened: EventQueue[] = [];
  const open = (more: BullmqQueueOptions = {}): EventQueue => {
    const queue = createBullmqEventQueue({
      connection: { ...REDIS_ENDPOINT },
      prefix,
      queueName,
      clock: systemClock,
      retryBackoff: { baseMs: 10, capMs: 50, jitter: 'none' },
      // These tests are about what Redis stores, not about Redis being away: a machine busy with
      // other suites may take longer than the 2 s default to answer 1,000 concurrent accepts.
      timeoutMs: 30_000,
      onError: (error) => errors.push(error),
      ...overrides,
      ...more,
    });
    opened.push(queue);
    return queue;
  };
  return {
    queue: open(),
    reopen: async (more) => open(more),
    prefix,
    queueName,
    errors,
    async cleanup() {
      await Promise.all(opened.map((queue) => queue.close()));
      await removeQueue(prefix, queueName);
    },
  };
}

/** Obliterates the BullMQ queue, then deletes whatever else lives under the prefix. */
export async function removeQueue(prefix: string, queueName: string): Promise<void> {
  const bull = new Queue(queueName, { connection: { ...REDIS_ENDPOINT }, prefix });
  try {
    await bull.obliterate({ force: true });
  } finally {
    await bull.close();
  }
  const redis = new Redis({ ...REDIS_ENDPOINT, lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * When BullMQ handed each job of the queue out (its `processedOn`, stamped as the worker asks Redis
 * for the job, the request the limiter admits or refuses), oldest first.
 */
export async function handedOutAt(queues: Pick<TestQueues, 'prefix' | 'queueName'>): Promise<number[]> {
  const bull = new Queue(queues.queueName, { connection: { ...REDIS_ENDPOINT }, prefix: queues.prefix });
  try {
    const jobs = await bull.getJobs(['completed', 'active', 'failed', 'delayed', 'wait']);
    return jobs.map((job) => job.processedOn).filter((at): at is number => at !== undefined).sort((a, b) => a - b);
  } finally {
    await bull.close();
  }
}

/** Polls `check` until it stops throwing, rethrowing its last error after `withinMs` of real time. */
export async function eventually(check: () => void | Promise<void>, withinMs = 5_000): Promise<void> {
  const end = Date.now() + withinMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() >= end) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let sequence = 0;

/** A fresh inbound event (new id, new provider event id) unless `overrides` say otherwise. */
export function makeEvent(overrides: Partial<InboundEvent> = {}): InboundEvent {
  sequence++;
  const receivedAt = Date.now();
  const eventId = `evt_${randomUUID().slice(0, 8)}_${sequence}`;
  return {
    id: sortableId(receivedAt),
    provider: 'acme',
    eventId,
    type: 'payment.updated',
    receivedAt,
    payload: JSON.stringify({ id: eventId, amount: 1250, currency: 'EUR' }),
    ...overrides,
  };
}
