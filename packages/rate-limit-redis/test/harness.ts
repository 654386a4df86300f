import { randomUUID } from 'node:crypto';
import type { RateLimitStoreHarness } from '@interlock/testkit/vitest';
import { Redis } from 'ioredis';
import { RedisRateLimitStore, type RedisRateLimitStoreOptions } from '../src/index.js';
import { REDIS_ENDPOINT } from './redis-service.js';

/** Keys left under `prefix`, found with SCAN as an operator would. */
export async function keysUnder(redis: Redis, prefix: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    found.push(...keys);
    cursor = next;
  } while (cursor !== '0');
  return found;
}

/** Stores over one fresh key prefix (each test its own), removed from Redis by cleanup(). */
export async function openTestStores(options: Partial<RedisRateLimitStoreOptions> = {}): Promise<RateLimitStoreHarness & { prefix: string; admin: Redis }> {
  const prefix = `ilk-rl-test-${randomUUID().slice(0, 8)}`;
  const admin = new Redis({ ...REDIS_ENDPOINT });
  const opened: RedisRateLimitStore[] = [];
  const open = (): RedisRateLimitStore => {
    const store = new RedisRateLimitStore({ redis: { ...REDIS_ENDPOINT }, prefix, ...options });
    opened.push(store);
    return store;
  };
  return {
    store: open(),
    reopen: () => Promise.resolve(open()),
    prefix,
    admin,
    async cleanup() {
      await Promise.all(opened.map((store) => store.close()));
      const keys = await keysUnder(admin, prefix);
      if (keys.length > 0) await admin.del(...keys);
      admin.disconnect();
    },
  };
}
