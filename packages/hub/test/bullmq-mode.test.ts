import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, silentLog, startHub, type Hub, type HubConfigInput, type LogFields } from '../src/index.js';
import { REDIS_SERVICE, requireServices } from '@interlock/testkit';
import { DESCRIPTORS, ENV, signedPost, TOY, TOY_CONNECTOR } from './support.js';
import { ToyProvider } from './toy/toy-provider.js';

/** A port where a server accepts connections and never answers: Redis hung, not refused. */
async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: Redis down, connection refused. */
async function refusingPort(): Promise<number> {
  const server = await silentServer();
  await server.close();
  return server.port;
}

async function hubOn(queue: HubConfigInput['queue'], lines: string[], workers = false): Promise<{ hub: Hub; cleanup(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'interlock-hub-bullmq-'));
  const toy = await ToyProvider.start();
  const config = loadConfig(undefined, {
    port: 0,
    store: { kind: 'sqlite', path: join(dir, 'hub.db') },
    queue,
    polling: { enabled: false },
    reconciliation: { enabled: false },
    providers: [{ name: TOY, connector: TOY_CONNECTOR, options: { baseUrl: toy.url } }],
  });
  const log = { ...silentLog, warn: (message: string, fields?: LogFields) => lines.push(`${message} ${JSON.stringify(fields)}`) };
  const hub = await startHub({ config, env: { ...process.env, ...ENV }, descriptors: DESCRIPTORS, startWorkers: workers, log });
  return {
    hub,
    cleanup: async () => {
      await hub.close();
      await toy.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const event = () => {
  const at = new Date().toISOString();
  return { id: `evt_${randomUUID()}`, type: 'ticket.open', at, ticket: { id: `T_${randomUUID()}`, status: 'open', updated_at: at, fee: 1 } };
};

describe('BullMQ mode with Redis unreachable', () => {
  for (const [name, redis] of [
    ['refused', async () => ({ port: await refusingPort(), close: () => Promise.resolve() })],
    ['accepting and never answering', silentServer],
  ] as const) {
    it(`answers webhooks and /health with 503 within the bound (${name}), and says so in one line`, { timeout: 20_000 }, async () => {
      const server = await redis();
      const lines: string[] = [];
      const { hub, cleanup } = await hubOn({ kind: 'bullmq', host: '127.0.0.1', port: server.port, timeoutMs: 200 }, lines);
      try {
        for (let i = 0; i < 3; i++) {
          const started = performance.now();
          await expect(signedPost(`${hub.url}/webhooks/${TOY}`, event())).resolves.toEqual({ status: 503, body: '{"error":"temporarily unavailable"}' });
          const health = await fetch(`${hub.url}/health`);
          expect([health.status, await health.json()]).toEqual([503, { status: 'unavailable', queue: 'down', workers: 'stopped' }]);
          // Two calls of 200 ms each, with room for a busy machine; not ioredis's reconnect cycle.
          expect(performance.now() - started).toBeLessThan(1_500);
        }
        expect(lines.filter((line) => line.startsWith('queue engine down'))).toHaveLength(1);
        expect(lines.filter((line) => line.startsWith('Redis persistence could not be checked'))).toHaveLength(1);
        expect(lines.some((line) => /\n\s+at /.test(line))).toBe(false);
      } finally {
        await cleanup();
        await server.close();
      }
    });
  }
});

const redisUp = await requireServices('the hub on BullMQ', [REDIS_SERVICE]);

describe.skipIf(!redisUp)('BullMQ mode on the machine Redis', () => {
  it('keeps two hubs with two prefixes on one Redis apart', { timeout: 30_000 }, async () => {
    const run = randomUUID().slice(0, 8);
    const lines: string[] = [];
    const first = await hubOn({ kind: 'bullmq', host: '127.0.0.1', port: 6379, prefix: `hubtest-a-${run}` }, lines);
    const second = await hubOn({ kind: 'bullmq', host: '127.0.0.1', port: 6379, prefix: `hubtest-b-${run}` }, lines);
    try {
      const shared = event();
      // The same event at both: each hub's queue takes it once; neither sees the other's.
      await expect(signedPost(`${first.hub.url}/webhooks/${TOY}`, shared)).resolves.toMatchObject({ status: 200, body: '{"status":"accepted"}' });
      await expect(signedPost(`${second.hub.url}/webhooks/${TOY}`, shared)).resolves.toMatchObject({ status: 200, body: '{"status":"accepted"}' });
      await expect(signedPost(`${first.hub.url}/webhooks/${TOY}`, event())).resolves.toMatchObject({ status: 200 });
      expect(await first.hub.queue.counts()).toMatchObject({ queued: 2 });
      expect(await second.hub.queue.counts()).toMatchObject({ queued: 1 });
      const health = (await (await fetch(`${first.hub.url}/health`)).json()) as { status: string; queue: string };
      expect(health).toMatchObject({ status: 'ok', queue: 'up' });
    } finally {
      await first.hub.queue.close();
      await second.hub.queue.close();
      await first.cleanup();
      await second.cleanup();
      await removeKeys(`hubtest-a-${run}`, `hubtest-b-${run}`);
    }
  });
});

/** One command in Redis's wire format, answered or not; the hub has no Redis client of its own. */
function redisCommand(...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port: 6379 });
    let reply = '';
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString('utf8');
      if (reply.endsWith('\r\n')) socket.end();
    });
    socket.on('close', () => resolve(reply));
    socket.on('error', reject);
    socket.write(`*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join('')}`);
  });
}

/** Deletes every key under the prefixes, so the machine's Redis keeps nothing of this run. */
async function removeKeys(...prefixes: string[]): Promise<void> {
  const script = "for _, key in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', key) end return 0";
  for (const prefix of prefixes) await redisCommand('EVAL', script, '0', `${prefix}:*`);
}
