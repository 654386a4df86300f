import { Redis } from 'ioredis';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { dedupeIdFor } from '../src/index.js';
import { eventually, makeEvent, openTestQueues, type TestQueues } from './harness.js';
import { describeWithRedis, REDIS_ENDPOINT } from './redis-service.js';

describeWithRedis('accept', () => {
  let queues: TestQueues;
  beforeEach(async () => {
    queues = await openTestQueues();
  });
  afterEach(async () => {
    await queues.cleanup();
  });

  it("answers 'duplicate' for the very same event accepted twice (same id too)", async () => {
    const event = makeEvent();
    await expect(queues.queue.accept(event)).resolves.toBe('accepted');
    await expect(queues.queue.accept(event)).resolves.toBe('duplicate');
    expect((await queues.queue.counts()).queued).toBe(1);
  });

  it('lets exactly one of many concurrent accepts of one pair through, across instances', async () => {
    const other = await queues.reopen();
    const original = makeEvent();
    const attempts = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? queues.queue : other).accept({ ...makeEvent(), provider: original.provider, eventId: original.eventId }));
    const answers = await Promise.all(attempts);
    expect(answers.filter((answer) => answer === 'accepted')).toHaveLength(1);
    expect((await queues.queue.counts()).queued).toBe(1);
  });

  it('is in Redis when it resolves: a separate client sees the job and the dedupe key', async () => {
    const event = makeEvent();
    await queues.queue.accept(event);
    const redis = new Redis({ ...REDIS_ENDPOINT });
    try {
      const base = `${queues.prefix}:${queues.queueName}`;
      expect(JSON.parse((await redis.hget(`${base}:${event.id}`, 'data')) ?? 'null')).toMatchObject({ id: event.id, eventId: event.eventId });
      expect(await redis.get(`${base}:de:${dedupeIdFor(event.provider, event.eventId)}`)).toBe(event.id);
      expect(await redis.lrange(`${base}:wait`, 0, -1)).toContain(event.id);
    } finally {
      redis.disconnect();
    }
  });

  it("takes ids BullMQ would refuse (':' and integers) and keeps them apart", async () => {
    const odd = ['acme:evt:1', '42', '%I42', '%3A', ':'];
    for (const id of odd) await expect(queues.queue.accept(makeEvent({ id }))).resolves.toBe('accepted');
    for (const id of odd) expect((await queues.queue.get(id))?.id).toBe(id);
  });

  it('keeps provider and event id apart in the dedupe key', async () => {
    await expect(queues.queue.accept(makeEvent({ provider: 'a:b', eventId: 'c' }))).resolves.toBe('accepted');
    await expect(queues.queue.accept(makeEvent({ provider: 'a', eventId: 'b:c' }))).resolves.toBe('accepted');
  });

  it('still refuses a duplicate after the first was processed, and forgets after the dedupe window', async () => {
    await queues.cleanup();
    queues = await openTestQueues({ dedupeTtlMs: 1_500 });
    const event = makeEvent();
    await queues.queue.accept(event);
    const consumer = queues.queue.consume(async () => ({ status: 'applied' }));
    await eventually(async () => expect((await queues.queue.get(event.id))?.status).toBe('applied'));
    await consumer.stop();
    await expect(queues.queue.accept({ ...makeEvent(), eventId: event.eventId })).resolves.toBe('duplicate');
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    await expect(queues.queue.accept({ ...makeEvent(), eventId: event.eventId })).resolves.toBe('accepted');
  });

  it('recovers when Redis has forgotten the scripts (SCRIPT FLUSH on a live connection)', async () => {
    await queues.queue.accept(makeEvent());
    const admin = new Redis({ ...REDIS_ENDPOINT });
    try {
      await admin.script('FLUSH');
    } finally {
      admin.disconnect();
    }
    const event = makeEvent();
    await expect(queues.queue.accept(event)).resolves.toBe('accepted');
    await expect(queues.queue.accept(event)).resolves.toBe('duplicate');
    expect((await queues.queue.counts()).queued).toBe(2);
  });

  it('fails, rather than hangs, when it is closed', async () => {
    await queues.queue.close();
    await expect(queues.queue.accept(makeEvent())).rejects.toThrow(/closed/);
  });
});
