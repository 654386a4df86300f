import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { isIntegrationError, type EventQueue } from '@interlock/core';
import { afterEach, describe, expect, it } from 'vitest';
import { checkRedisPersistence, createBullmqEventQueue, type RedisState } from '../src/index.js';
import { eventually, makeEvent, removeQueue } from './harness.js';
import { describeWithRedis, REDIS_ENDPOINT } from './redis-service.js';

/** A TCP server on 127.0.0.1 answering each command it receives with `answer(command)` (nothing when undefined). */
async function fakeServer(answer: (received: string) => string | undefined = () => undefined, port = 0): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      // Pipelined commands arrive together: each array header starts one.
      for (const command of chunk.toString('utf8').split(/(?=\*\d+\r\n\$)/)) {
        const reply = answer(command);
        if (reply !== undefined) socket.write(reply);
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as { port: number }).port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function refusingPort(): Promise<number> {
  const server = await fakeServer();
  await server.close();
  return server.port;
}

const opened: EventQueue[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((queue) => queue.close()));
});

function queueAt(port: number, changes: [RedisState, string][], errors: unknown[], prefix = 'ilk-test-down'): EventQueue {
  const queue = createBullmqEventQueue({
    connection: { host: '127.0.0.1', port },
    prefix,
    queueName: 'events',
    timeoutMs: 200,
    onConnectionChange: (state, detail) => changes.push([state, detail]),
    onError: (error) => errors.push(error),
  });
  opened.push(queue);
  return queue;
}

async function unavailableWithin(run: () => Promise<unknown>, boundMs: number): Promise<void> {
  const started = performance.now();
  const error = await run().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(isIntegrationError(error) && [error.kind, error.reason]).toEqual(['unavailable', 'redis_timeout']);
  expect(performance.now() - started).toBeLessThan(boundMs);
}

describe('Redis unreachable', () => {
  for (const [name, start] of [
    ['refusing connections', async () => ({ port: await refusingPort(), close: () => Promise.resolve() })],
    ['accepting and never answering', () => fakeServer()],
  ] as const) {
    it(`fails each call as unavailable within timeoutMs (${name}) and reports down once`, { timeout: 10_000 }, async () => {
      const server = await start();
      try {
        const changes: [RedisState, string][] = [];
        const errors: unknown[] = [];
        const queue = queueAt(server.port, changes, errors);
        for (let i = 0; i < 3; i++) {
          // 200 ms configured; the bound leaves room for a busy machine, far below ioredis's reconnect cycle.
          await unavailableWithin(() => queue.accept(makeEvent()), 1_000);
          await unavailableWithin(() => queue.counts(), 1_000);
        }
        expect(changes.map(([state]) => state)).toEqual(['down']);
        expect(errors).toEqual([]);
      } finally {
        await server.close();
      }
    });
  }
});

describeWithRedis('Redis back after an outage', () => {
  it('reports up once it answers again, and accepts', { timeout: 20_000 }, async () => {
    const port = await refusingPort();
    const changes: [RedisState, string][] = [];
    const prefix = `ilk-test-back-${Date.now()}`;
    const queue = queueAt(port, changes, [], prefix);
    await unavailableWithin(() => queue.accept(makeEvent()), 1_000);
    // Redis "comes back": a proxy to the real one opens on the port the queue keeps trying.
    const proxy = createServer((client) => {
      const upstream = createConnection(REDIS_ENDPOINT);
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
    try {
      await eventually(() => expect(changes.map(([state]) => state)).toEqual(['down', 'up']), 15_000);
      await expect(queue.accept(makeEvent())).resolves.toBe('accepted');
    } finally {
      await queue.close();
      proxy.close();
      await removeQueue(prefix, 'events');
    }
  });

  it('reads the persistence of the machine Redis', async () => {
    expect(['aof', 'rdb', 'none']).toContain((await checkRedisPersistence({ connection: { ...REDIS_ENDPOINT } })).kind);
  });
});

describe('checkRedisPersistence', () => {
  const bulk = (text: string): string => `$${Buffer.byteLength(text)}\r\n${text}\r\n`;
  /** What ioredis sends on connecting (CLIENT SETINFO, INFO for its ready check), answered as Redis would; undefined for anything else. */
  const handshake = (received: string): string | undefined => (/setinfo/i.test(received) ? '+OK\r\n' : /info/i.test(received) ? bulk('loading:0') : undefined);
  const configReply = (values: Record<string, string>) => (received: string) => {
    const greeting = handshake(received);
    if (greeting !== undefined) return greeting;
    const name = Object.keys(values).find((key) => received.includes(key));
    return name === undefined ? '-ERR unexpected\r\n' : `*2\r\n${bulk(name)}${bulk(values[name] as string)}`;
  };

  it('says none when appendonly is off and nothing is saved, rdb with snapshots only, aof with appendonly', async () => {
    for (const [values, kind] of [
      [{ appendonly: 'no', save: '' }, 'none'],
      [{ appendonly: 'no', save: '3600 1 300 100' }, 'rdb'],
      [{ appendonly: 'yes', save: '' }, 'aof'],
    ] as const) {
      const server = await fakeServer(configReply(values));
      try {
        expect((await checkRedisPersistence({ connection: { host: '127.0.0.1', port: server.port }, timeoutMs: 500 })).kind).toBe(kind);
      } finally {
        await server.close();
      }
    }
  });

  it('says unknown, and why, when CONFIG is not permitted or Redis does not answer', async () => {
    const forbidden = await fakeServer((received) => (handshake(received) ?? "-NOPERM this user has no permissions to run the 'config' command\r\n"));
    try {
      expect(await checkRedisPersistence({ connection: { host: '127.0.0.1', port: forbidden.port }, timeoutMs: 500 })).toEqual({ kind: 'unknown', reason: 'CONFIG is not permitted' });
    } finally {
      await forbidden.close();
    }
    expect(await checkRedisPersistence({ connection: { host: '127.0.0.1', port: await refusingPort() }, timeoutMs: 200 })).toMatchObject({ kind: 'unknown' });
  });
});
