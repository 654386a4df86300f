import { createProviderClient, isIntegrationError, kyTransport, MemoryRateLimitStore, systemClock, type RateLimitStore, type Transport } from '@interlock/core';
import { RedisRateLimitStore } from '@interlock/rate-limit-redis';
import { seededRandom } from '@interlock/testkit';
import Bottleneck from 'bottleneck';
import PQueue from 'p-queue';
import { isMessage, type ClientSettings, type FromClient, type ToClient } from './protocol.js';

// One process of the shared-allowance case: a provider client with `callers` concurrent callers,
// each calling one after another, through a transport that spends a varying time on each leg.
const settings = JSON.parse(process.argv[2] ?? '{}') as ClientSettings;
const send = (message: FromClient): void => {
  process.send?.(message);
};

function withLatency(inner: Transport, oneWayMs: () => number): Transport {
  return async (request) => {
    await systemClock.sleep(oneWayMs());
    const response = await inner(request);
    await systemClock.sleep(oneWayMs());
    return response;
  };
}

const REDIS = { host: '127.0.0.1', port: 6379 };

/** One call through a baseline: the transport paced by the library; anything but a 200 fails the call. */
type Paced = (call: () => Promise<number>) => Promise<number>;

async function baseline(): Promise<{ paced: Paced; close: () => Promise<void> }> {
  if (settings.limiter === 'p-queue') {
    // p-queue's rate limiting: at most intervalCap starts per interval (its README).
    const queue = new PQueue({ concurrency: settings.callers, intervalCap: settings.limit, interval: settings.windowMs });
    return { paced: (call) => queue.add(call, { throwOnTimeout: true }), close: () => Promise.resolve() };
  }
  // bottleneck's README: minTime spaces the starts; its Redis clustering shares them between processes.
  const limiter = new Bottleneck({ id: settings.prefix, datastore: 'ioredis', clientOptions: REDIS, minTime: settings.windowMs / settings.limit });
  await limiter.ready();
  return { paced: (call) => limiter.schedule(call), close: () => limiter.disconnect() };
}

async function runBaseline(transport: Transport, go: Promise<void>): Promise<void> {
  const { paced, close } = await baseline();
  const url = new URL('/items', settings.url);
  send({ type: 'ready' });
  await go;
  let succeeded = 0;
  const failures: Record<string, number> = {};
  await Promise.all(
    Array.from({ length: settings.callers }, async () => {
      for (let i = 0; i < settings.callsEach; i++) {
        const status = await paced(async () => (await transport({ method: 'GET', url, headers: new Headers(), signal: new AbortController().signal })).status);
        if (status === 200) succeeded++;
        else failures[`http_${status}`] = (failures[`http_${status}`] ?? 0) + 1;
      }
    }),
  );
  await close();
  send({ type: 'done', succeeded, failures });
  process.disconnect?.();
}

async function main(): Promise<void> {
  const go = new Promise<void>((resolve) => {
    process.on('message', (message: unknown) => {
      if (isMessage<ToClient>(message) && message.type === 'go') resolve();
    });
  });
  const random = seededRandom(settings.seed);
  const transport = withLatency(kyTransport(), () => settings.oneWayBaseMs + settings.oneWayJitterMs * random());
  if (settings.limiter !== 'interlock') return runBaseline(transport, go);
  const store: RateLimitStore & { close?: () => Promise<void> } =
    settings.store === 'redis' ? new RedisRateLimitStore({ redis: REDIS, prefix: settings.prefix }) : new MemoryRateLimitStore();
  const client = createProviderClient({
    provider: 'simulated',
    baseUrl: settings.url,
    endpoints: { listItems: { method: 'GET', path: '/items' } },
    accountRateLimits: [{ limit: settings.limit, windowMs: settings.windowMs }],
    rateLimitStore: store,
    transport,
    queue: { maxDepth: settings.callers * 2 },
  });
  // The store's connection is opened before the clock starts: one reservation on a key nobody uses.
  await store.reserve([{ key: 'warm-up', windows: [{ limit: 1, windowMs: 1 }] }], Date.now(), 0);
  send({ type: 'ready' });
  await go;
  let succeeded = 0;
  const failures: Record<string, number> = {};
  await Promise.all(
    Array.from({ length: settings.callers }, async () => {
      for (let i = 0; i < settings.callsEach; i++) {
        try {
          await client.request('listItems', { totalTimeoutMs: 120_000 });
          succeeded++;
        } catch (error) {
          const key = isIntegrationError(error) ? `${error.kind}/${error.reason ?? '-'}` : String(error);
          failures[key] = (failures[key] ?? 0) + 1;
        }
      }
    }),
  );
  await store.close?.();
  send({ type: 'done', succeeded, failures });
  process.disconnect?.();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
