import type { EventOutcome, StoredEvent } from '@interlock/core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { eventually, handedOutAt, makeEvent, openTestQueues, type TestQueues } from './harness.js';
import { describeWithRedis } from './redis-service.js';

describeWithRedis('consume', () => {
  let queues: TestQueues;
  beforeEach(async () => {
    queues = await openTestQueues();
  });
  afterEach(async () => {
    await queues.cleanup();
  });

  it('retries a transient failure with backoff, then applies it, counting each delivery', async () => {
    const event = makeEvent();
    await queues.queue.accept(event);
    const seen: StoredEvent[] = [];
    const consumer = queues.queue.consume(async (delivered): Promise<EventOutcome> => {
      seen.push(delivered);
      return delivered.attempts < 3 ? { status: 'retry', reason: `busy ${delivered.attempts}` } : { status: 'applied' };
    });
    await eventually(async () => expect((await queues.queue.get(event.id))?.status).toBe('applied'));
    await consumer.stop();
    expect(seen.map((e) => [e.status, e.attempts])).toEqual([
      ['processing', 1],
      ['processing', 2],
      ['processing', 3],
    ]);
    // The second delivery still shows why the first one failed.
    expect(seen[1]?.reason).toBe('busy 1');
    const stored = await queues.queue.get(event.id);
    expect(stored).toMatchObject({ status: 'applied', attempts: 3 });
    expect(stored?.reason).toBeUndefined();
  });

  it('dead-letters an event that keeps failing after maxAttempts, with the last reason', async () => {
    const event = makeEvent();
    await queues.queue.accept(event);
    let deliveries = 0;
    const consumer = queues.queue.consume(async () => ({ status: 'retry', reason: `timeout #${++deliveries}` }), { maxAttempts: 3 });
    await eventually(async () => expect((await queues.queue.get(event.id))?.status).toBe('dead'));
    await consumer.stop();
    expect(deliveries).toBe(3);
    expect(await queues.queue.get(event.id)).toMatchObject({ status: 'dead', attempts: 3, reason: 'timeout #3' });
  });

  it("sends a 'dead' outcome straight to the dead letters, and treats a throwing handler as transient", async () => {
    const dead = makeEvent();
    const throwing = makeEvent();
    await queues.queue.accept(dead);
    await queues.queue.accept(throwing);
    const consumer = queues.queue.consume(async (event): Promise<EventOutcome> => {
      if (event.id === dead.id) return { status: 'dead', reason: 'no interpreter' };
      if (event.attempts === 1) throw new Error('socket hang up');
      return { status: 'applied' };
    });
    await eventually(async () => expect(await queues.queue.counts()).toMatchObject({ applied: 1, dead: 1 }));
    await consumer.stop();
    expect(await queues.queue.get(dead.id)).toMatchObject({ status: 'dead', attempts: 1, reason: 'no interpreter' });
    expect(await queues.queue.get(throwing.id)).toMatchObject({ status: 'applied', attempts: 2 });
  });

  it("waits the handler's retryInMs, showing the event as queued meanwhile", async () => {
    const event = makeEvent();
    await queues.queue.accept(event);
    const starts: number[] = [];
    const consumer = queues.queue.consume(async () => {
      starts.push(Date.now());
      return starts.length === 1 ? { status: 'retry', reason: 'locked', retryInMs: 600 } : { status: 'applied' };
    });
    await eventually(() => expect(starts).toHaveLength(1));
    await eventually(async () => expect(await queues.queue.get(event.id)).toMatchObject({ status: 'queued', reason: 'locked' }));
    await eventually(async () => expect((await queues.queue.get(event.id))?.status).toBe('applied'));
    await consumer.stop();
    expect((starts[1] ?? 0) - (starts[0] ?? 0)).toBeGreaterThanOrEqual(550);
  });

  it('starts at most ratePerSecond events per second', async () => {
    for (let i = 0; i < 6; i++) await queues.queue.accept(makeEvent());
    let started = 0;
    const consumer = queues.queue.consume(
      async () => {
        started++;
        return { status: 'applied' };
      },
      { concurrency: 4, ratePerSecond: 4 },
    );
    await eventually(() => expect(started).toBe(6), 5_000);
    await consumer.stop();
    // When the limiter let each one start, not when its handler got round to running (a busy
    // machine delays that by any amount, which would make the window look shorter than it is).
    const [first = 0, ...rest] = await handedOutAt(queues);
    // The limiter's window opens as Redis runs the first hand-out and admits four; the fifth is
    // handed out once it expired, a second later on Redis's clock. BullMQ stamps a hand-out before
    // its command leaves for Redis, so the fifth's stamp may precede the window's end by that
    // command's trip to Redis, never by more: that trip is the whole slack.
    const windowMs = 1_000;
    const tripMs = 100;
    expect(rest.filter((at) => at < first + windowMs - tripMs)).toHaveLength(3);
    expect((rest[3] ?? 0) - first).toBeGreaterThanOrEqual(windowMs - tripMs);
  });

  it('hands an event out again after its lease when its worker dies mid-way', async () => {
    const event = makeEvent();
    await queues.queue.accept(event);
    let firstStarted = false;
    // The first worker takes the event and never finishes: close() abandons it like a crash.
    queues.queue.consume(async () => {
      firstStarted = true;
      return new Promise<EventOutcome>(() => undefined);
    }, { leaseMs: 600 });
    await eventually(() => expect(firstStarted).toBe(true));
    expect((await queues.queue.get(event.id))?.status).toBe('processing');
    await queues.queue.close();

    const second = await queues.reopen();
    const seen: StoredEvent[] = [];
    const consumer = second.consume(async (delivered) => {
      seen.push(delivered);
      return { status: 'applied' };
    }, { leaseMs: 600 });
    await eventually(async () => expect((await second.get(event.id))?.status).toBe('applied'), 5_000);
    await consumer.stop();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.attempts).toBe(2);
  });

  it('dead-letters a poison event whose handler never returns after maxAttempts leases', async () => {
    const event = makeEvent();
    await queues.queue.accept(event);
    let deliveries = 0;
    // Never settles, and holds its slot: concurrency leaves room for the later deliveries. The
    // cleanup's close() abandons the worker, as a crash would.
    queues.queue.consume(async () => {
      deliveries++;
      return new Promise<EventOutcome>(() => undefined);
    }, { leaseMs: 300, maxAttempts: 2, concurrency: 3 });
    await eventually(async () => expect((await queues.queue.get(event.id))?.status).toBe('dead'), 5_000);
    expect(deliveries).toBe(2);
    expect((await queues.queue.get(event.id))?.reason).toMatch(/stalled/);
  });

  it('stop() finishes the events in hand; close() does not wait for a stuck one, even during a stop()', async () => {
    const quick = makeEvent();
    const stuck = makeEvent();
    await queues.queue.accept(quick);
    await queues.queue.accept(stuck);
    let releaseQuick: (() => void) | undefined;
    const consumer = queues.queue.consume(
      async (event): Promise<EventOutcome> => {
        if (event.id === stuck.id) return new Promise<EventOutcome>(() => undefined);
        await new Promise<void>((resolve) => (releaseQuick = resolve));
        return { status: 'applied' };
      },
      { concurrency: 2, leaseMs: 5_000 },
    );
    await eventually(async () => expect((await queues.queue.counts()).processing).toBe(2));
    let stopped = false;
    void consumer.stop().then(() => (stopped = true));
    releaseQuick?.();
    await eventually(async () => expect((await queues.queue.get(quick.id))?.status).toBe('applied'));
    expect(stopped).toBe(false);
    await queues.queue.close();
    const other = await queues.reopen();
    expect((await other.get(stuck.id))?.status).toBe('processing');
  });
});
