import { createProviderClient, isIntegrationError, kyTransport, MemoryRateLimitStore, systemClock, type RateLimitStore, type Transport } from '@interlock/core';
import { RedisRateLimitStore } from '@interlock/rate-limit-redis';
import { seededRandom } from '@interlock/testkit';
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

async function main(): Promise<void> {
  const store: RateLimitStore & { close?: () => Promise<void> } =
    settings.store === 'redis' ? new RedisRateLimitStore({ redis: { host: '127.0.0.1', port: 6379 }, prefix: settings.prefix }) : new MemoryRateLimitStore();
  const random = seededRandom(settings.seed);
  const client = createProviderClient({
    provider: 'simulated',
    baseUrl: settings.url,
    endpoints: { listItems: { method: 'GET', path: '/items' } },
    accountRateLimits: [{ limit: settings.limit, windowMs: settings.windowMs }],
    rateLimitStore: store,
    transport: withLatency(kyTransport(), () => settings.oneWayBaseMs + settings.oneWayJitterMs * random()),
    queue: { maxDepth: settings.callers * 2 },
  });
  // The store's connection is opened before the clock starts: one reservation on a key nobody uses.
  await store.reserve([{ key: 'warm-up', windows: [{ limit: 1, windowMs: 1 }] }], Date.now(), 0);
  const go = new Promise<void>((resolve) => {
    process.on('message', (message: unknown) => {
      if (isMessage<ToClient>(message) && message.type === 'go') resolve();
    });
  });
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
