import { Redis } from 'ioredis';
import { afterEach, expect, it } from 'vitest';
import { createBullmqEventQueue } from '../src/index.js';
import { eventually, makeEvent, removeQueue } from './harness.js';
import { describeWithRedis, REDIS_ENDPOINT } from './redis-service.js';

describeWithRedis('connections', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it("uses a caller's ioredis instance and leaves it open on close()", async () => {
    // BullMQ workers block on their connection, so an instance for them needs maxRetriesPerRequest: null.
    const redis = new Redis({ ...REDIS_ENDPOINT, maxRetriesPerRequest: null });
    const prefix = `ilk-test-own-${Date.now()}`;
    cleanups.push(async () => {
      await removeQueue(prefix, 'events');
      redis.disconnect();
    });
    const queue = createBullmqEventQueue({ connection: redis, prefix, queueName: 'events', onError: () => undefined });
    const event = makeEvent();
    await expect(queue.accept(event)).resolves.toBe('accepted');
    const consumer = queue.consume(async () => ({ status: 'applied' }));
    await eventually(async () => expect((await queue.get(event.id))?.status).toBe('applied'));
    await consumer.stop();
    await queue.close();
    await queue.close();
    expect(await redis.ping()).toBe('PONG');
  });

  it('closes the connections it opened itself, consumers included', async () => {
    const prefix = `ilk-test-end-${Date.now()}`;
    cleanups.push(() => removeQueue(prefix, 'events'));
    const queue = createBullmqEventQueue({ connection: { ...REDIS_ENDPOINT }, prefix, queueName: 'events', onError: () => undefined });
    await queue.accept(makeEvent());
    queue.consume(async () => ({ status: 'applied' }));
    const clients = async (): Promise<number> => {
      const admin = new Redis({ ...REDIS_ENDPOINT });
      try {
        const list = (await admin.client('LIST')) as string;
        // BullMQ names its connections after the prefix (`<prefix>:<queue name in base64>…`).
        return list.split('\n').filter((line) => line.includes(` name=${prefix}:`)).length;
      } finally {
        admin.disconnect();
      }
    };
    await eventually(async () => expect((await queue.counts()).applied).toBe(1));
    expect(await clients()).toBeGreaterThan(0);
    await queue.close();
    expect(() => queue.consume(async () => ({ status: 'applied' }))).toThrow(/closed/);
    await eventually(async () => expect(await clients()).toBe(0));
  });
});
