import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { EventQueue, InboundEvent } from '@interlock/core';
import { Redis } from 'ioredis';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { MAX_ACCEPT_BATCH } from '../src/accept.js';
import { dedupeIdFor } from '../src/index.js';
import { eventually, makeEvent, openTestQueues, type TestQueues } from './harness.js';
import { describeWithRedis, REDIS_ENDPOINT } from './redis-service.js';

/** One command Redis ran, as MONITOR reports it: its arguments and the client that sent it. */
interface Seen {
  args: string[];
  source: string;
}

/** Watches every command Redis runs (MONITOR), from any client. */
async function watchRedis(): Promise<{ seen: Seen[]; stop(): void }> {
  const redis = new Redis({ ...REDIS_ENDPOINT });
  const monitor = await redis.monitor();
  const seen: Seen[] = [];
  monitor.on('monitor', (_time: string, args: string[], source: string) => seen.push({ args, source }));
  return {
    seen,
    stop() {
      monitor.disconnect();
      redis.disconnect();
    },
  };
}

/**
 * The EXISTS probes a client sent under `prefix`, one per accept that reached Redis. MONITOR also
 * shows the commands scripts run (BullMQ's add script checks the job key too), from source `lua`.
 */
function probesOf(seen: readonly Seen[], prefix: string): Seen[] {
  return seen.filter(({ args, source }) => source !== 'lua' && args[0]?.toLowerCase() === 'exists' && args[1]?.startsWith(`${prefix}:`));
}

/**
 * The transactions (EXEC) sent by the connections that probed keys under `prefix`: other test
 * files share this Redis, so only the clients of this test's own queue are counted.
 */
function transactionsOf(seen: readonly Seen[], prefix: string): number {
  const ours = new Set(probesOf(seen, prefix).map(({ source }) => source));
  return seen.filter(({ args, source }) => ours.has(source) && args[0]?.toLowerCase() === 'exec').length;
}

/** The same provider event as `event`, delivered again (a new id of ours, as a retried webhook gets). */
function copyOf(event: InboundEvent): InboundEvent {
  return { ...makeEvent(), provider: event.provider, eventId: event.eventId };
}

/** Lets the turn end, so the accepts made so far are sent (setImmediate callbacks run in order). */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

describeWithRedis('accepts batched per event-loop turn', () => {
  let queues: TestQueues;
  beforeEach(async () => {
    queues = await openTestQueues();
  });
  afterEach(async () => {
    await queues.cleanup();
  });

  it("sends one turn's accepts as one transaction, and a burst above the batch size as a few", async () => {
    // Connected and scripts loaded first, so only the accepts below are counted.
    await queues.queue.accept(makeEvent());
    const redis = await watchRedis();
    try {
      const burst = 40;
      const answers = await Promise.all(Array.from({ length: burst }, () => queues.queue.accept(makeEvent())));
      expect(answers).toEqual(Array.from({ length: burst }, () => 'accepted'));
      await eventually(() => expect(probesOf(redis.seen, queues.prefix)).toHaveLength(burst));
      expect(transactionsOf(redis.seen, queues.prefix)).toBe(1);

      redis.seen.length = 0;
      const large = MAX_ACCEPT_BATCH + 44;
      await Promise.all(Array.from({ length: large }, () => queues.queue.accept(makeEvent())));
      await eventually(() => expect(probesOf(redis.seen, queues.prefix)).toHaveLength(large));
      expect(transactionsOf(redis.seen, queues.prefix)).toBe(2);
    } finally {
      redis.stop();
    }
    expect((await queues.queue.counts()).queued).toBe(1 + 40 + MAX_ACCEPT_BATCH + 44);
  });

  it('answers two copies of one event in the same batch: the first to arrive is accepted', async () => {
    const first = makeEvent();
    const again = copyOf(first);
    const other = makeEvent();
    const answers = await Promise.all([queues.queue.accept(first), queues.queue.accept(again), queues.queue.accept(first), queues.queue.accept(other)]);
    expect(answers).toEqual(['accepted', 'duplicate', 'duplicate', 'accepted']);
    expect((await queues.queue.get(first.id))?.eventId).toBe(first.eventId);
    expect(await queues.queue.get(again.id)).toBeUndefined();
    expect((await queues.queue.counts()).queued).toBe(2);
  });

  it('answers a copy of an event from an earlier batch as a duplicate, answered or still in flight', async () => {
    const answered = makeEvent();
    await expect(queues.queue.accept(answered)).resolves.toBe('accepted');
    const inFlight = makeEvent();
    const firstBatch = queues.queue.accept(inFlight);
    await nextTurn();
    const secondBatch = Promise.all([queues.queue.accept(copyOf(answered)), queues.queue.accept(copyOf(inFlight)), queues.queue.accept(answered)]);
    await expect(firstBatch).resolves.toBe('accepted');
    await expect(secondBatch).resolves.toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect((await queues.queue.counts()).queued).toBe(2);
  });

  it('answers each accept of a batch correctly after Redis forgot the scripts', async () => {
    await queues.queue.accept(makeEvent());
    const admin = new Redis({ ...REDIS_ENDPOINT });
    try {
      await admin.script('FLUSH');
    } finally {
      admin.disconnect();
    }
    const first = makeEvent();
    await expect(Promise.all([queues.queue.accept(first), queues.queue.accept(copyOf(first)), queues.queue.accept(makeEvent())])).resolves.toEqual(['accepted', 'duplicate', 'accepted']);
    expect((await queues.queue.counts()).queued).toBe(3);
  });

  it('answers every accept still waiting when the queue closes, and stores those it answers accepted', async () => {
    await queues.queue.accept(makeEvent());
    const events = Array.from({ length: 20 }, () => makeEvent());
    const answers = events.map((event) => queues.queue.accept(event));
    // The accepts reach the batch (the connection is ready) and close() comes before the turn ends:
    // without close() sending them, none would be answered 'accepted'.
    await Promise.resolve();
    await queues.queue.close();
    const settled = await Promise.allSettled(answers);
    const redis = new Redis({ ...REDIS_ENDPOINT });
    try {
      for (const [index, outcome] of settled.entries()) {
        if (outcome.status === 'fulfilled') expect(await redis.exists(`${queues.prefix}:${queues.queueName}:${events[index]?.id ?? ''}`)).toBe(1);
      }
    } finally {
      redis.disconnect();
    }
    expect(settled.filter(({ status }) => status === 'fulfilled').length).toBeGreaterThan(0);
  });
});

/** A TCP proxy to the real Redis that, while `cutting` is set, drops any connection about to send EXEC (unsent). */
async function cuttingProxy(): Promise<{ port: number; cutting: boolean; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const proxy = {
    port: 0,
    cutting: false,
    close: () => Promise.resolve(),
  };
  const server: Server = createServer((client) => {
    const upstream = createConnection(REDIS_ENDPOINT);
    sockets.add(client).add(upstream);
    const cut = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('data', (chunk: Buffer) => {
      if (proxy.cutting && /\r\nexec\r\n/i.test(chunk.toString('latin1'))) cut();
      else upstream.write(chunk);
    });
    upstream.pipe(client);
    client.on('error', cut);
    upstream.on('error', cut);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.port = (server.address() as { port: number }).port;
  proxy.close = () =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return proxy;
}

describeWithRedis('a batch that fails', () => {
  let queues: TestQueues;
  let proxy: Awaited<ReturnType<typeof cuttingProxy>>;
  let queue: EventQueue;
  beforeEach(async () => {
    proxy = await cuttingProxy();
    queues = await openTestQueues({ connection: { host: '127.0.0.1', port: proxy.port }, timeoutMs: 1_000, onConnectionChange: () => undefined });
    queue = queues.queue;
  });
  afterEach(async () => {
    await queue.close();
    await proxy.close();
    await queues.cleanup();
  });

  it("tells no caller 'accepted' when the connection drops before Redis has the transaction", { timeout: 10_000 }, async () => {
    await expect(queue.accept(makeEvent())).resolves.toBe('accepted');
    proxy.cutting = true;
    const events = Array.from({ length: 5 }, () => makeEvent());
    const settled = await Promise.allSettled(events.map((event) => queue.accept(event)));
    expect(settled.map(({ status }) => status)).toEqual(events.map(() => 'rejected'));
    const redis = new Redis({ ...REDIS_ENDPOINT });
    const base = `${queues.prefix}:${queues.queueName}`;
    try {
      for (const event of events) expect(await redis.exists(`${base}:${event.id}`)).toBe(0);
      // Redis reachable again. ioredis sends again the commands it never had an answer for, so a
      // transaction whose callers were already answered with an error may yet be stored; whatever
      // happened, each event is stored whole (job and dedupe key) once it is acknowledged.
      proxy.cutting = false;
      await eventually(async () => expect(await queue.accept(makeEvent())).toBe('accepted'), 5_000);
      const answers = await Promise.all(events.map((event) => queue.accept(event)));
      expect(answers.every((answer) => answer === 'accepted' || answer === 'duplicate')).toBe(true);
      for (const event of events) {
        expect(await redis.exists(`${base}:${event.id}`)).toBe(1);
        expect(await redis.get(`${base}:de:${dedupeIdFor(event.provider, event.eventId)}`)).toBe(event.id);
      }
    } finally {
      redis.disconnect();
    }
  });
});
