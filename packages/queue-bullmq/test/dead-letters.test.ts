import type { EventQueue, InboundEvent } from '@interlock/core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { eventually, makeEvent, openTestQueues, type TestQueues } from './harness.js';
import { describeWithRedis } from './redis-service.js';

/** Accepts `events` and lets a consumer kill every one of them. */
async function killAll(queue: EventQueue, events: InboundEvent[]): Promise<void> {
  for (const event of events) await queue.accept(event);
  const consumer = queue.consume(async (event) => ({ status: 'dead', reason: `bad ${event.eventId}` }));
  await eventually(async () => expect((await queue.counts()).dead).toBe(events.length));
  await consumer.stop();
}

describeWithRedis('dead letters', () => {
  let queues: TestQueues;
  beforeEach(async () => {
    queues = await openTestQueues();
  });
  afterEach(async () => {
    await queues.cleanup();
  });

  it('lists dead events longest dead first, by provider and up to a limit', async () => {
    const events = [makeEvent({ provider: 'acme' }), makeEvent({ provider: 'globex' }), makeEvent({ provider: 'acme' }), makeEvent({ provider: 'acme' })];
    await killAll(queues.queue, events);
    const all = await queues.queue.listDead();
    expect(all.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(all[0]).toMatchObject({ ...events[0], status: 'dead', attempts: 1, reason: `bad ${events[0]?.eventId}` });
    expect((await queues.queue.listDead({ provider: 'acme' })).map((e) => e.id)).toEqual([events[0], events[2], events[3]].map((e) => e?.id));
    expect((await queues.queue.listDead({ provider: 'acme', limit: 2 })).map((e) => e.id)).toEqual([events[0], events[2]].map((e) => e?.id));
    expect(await queues.queue.listDead({ provider: 'initech' })).toEqual([]);
  });

  it('replays a dead event with its attempts reset, once', async () => {
    const event = makeEvent();
    await killAll(queues.queue, [event]);
    await expect(queues.queue.replay(event.id)).resolves.toBe(true);
    await expect(queues.queue.replay(event.id)).resolves.toBe(false);
    const queued = await queues.queue.get(event.id);
    expect(queued).toMatchObject({ status: 'queued', attempts: 0 });
    expect(queued?.reason).toBeUndefined();
    const consumer = queues.queue.consume(async () => ({ status: 'applied' }));
    await eventually(async () => expect(await queues.queue.get(event.id)).toMatchObject({ status: 'applied', attempts: 1 }));
    await consumer.stop();
    expect(await queues.queue.listDead()).toEqual([]);
  });

  it('refuses to replay or reject what is not dead', async () => {
    const queued = makeEvent();
    await queues.queue.accept(queued);
    await expect(queues.queue.replay(queued.id)).resolves.toBe(false);
    await expect(queues.queue.reject(queued.id, 'nope')).resolves.toBe(false);
    await expect(queues.queue.replay('no-such-event')).resolves.toBe(false);
    await expect(queues.queue.reject('no-such-event', 'nope')).resolves.toBe(false);
    expect((await queues.queue.get(queued.id))?.status).toBe('queued');
  });

  it("rejects a dead event for good: kept as discarded 'rejected: …', still refusing its duplicates", async () => {
    const event = makeEvent();
    await killAll(queues.queue, [event]);
    await expect(queues.queue.reject(event.id, 'refunded by hand')).resolves.toBe(true);
    await expect(queues.queue.reject(event.id, 'again')).resolves.toBe(false);
    await expect(queues.queue.replay(event.id)).resolves.toBe(false);
    expect(await queues.queue.get(event.id)).toMatchObject({ status: 'discarded', reason: 'rejected: refunded by hand', attempts: 1 });
    expect(await queues.queue.counts()).toEqual({ queued: 0, processing: 0, applied: 0, discarded: 1, dead: 0 });
    expect(await queues.queue.listDead()).toEqual([]);
    await expect(queues.queue.accept({ ...makeEvent(), eventId: event.eventId })).resolves.toBe('duplicate');
  });

  it('a dead event that is replayed and then applied stops counting as discarded or dead', async () => {
    const event = makeEvent();
    await killAll(queues.queue, [event]);
    await queues.queue.replay(event.id);
    const consumer = queues.queue.consume(async () => ({ status: 'applied' }));
    await eventually(async () => expect(await queues.queue.counts()).toEqual({ queued: 0, processing: 0, applied: 1, discarded: 0, dead: 0 }));
    await consumer.stop();
  });
});
