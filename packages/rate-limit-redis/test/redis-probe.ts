import { Redis } from 'ioredis';

/**
 * Where the tests find Redis, and the one look for it per run. vitest.config.ts calls
 * {@link probeRedis} and hands the answer to every test file through `provide`; what a missing
 * Redis means is decided in test/redis-service.ts. (The config runs outside the test workers,
 * where the vitest test API cannot be imported, hence two files.)
 */
export const REDIS_ENDPOINT = { host: '127.0.0.1', port: 6379 } as const;

declare module 'vitest' {
  export interface ProvidedContext {
    redisAvailable: boolean;
  }
}

/** One PING with a short timeout and no reconnecting, so a missing server answers in a moment. */
export async function probeRedis(): Promise<boolean> {
  const probe = new Redis({ ...REDIS_ENDPOINT, lazyConnect: true, connectTimeout: 1_000, maxRetriesPerRequest: 1, retryStrategy: () => null });
  // A refused connection is the answer here, not an error to report.
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

/** True when the Redis tests are skipped rather than run: no Redis, and not in CI (where they must run). */
export function skipRedisTests(available: boolean, ci: string | undefined = process.env.CI): boolean {
  return !available && !ci;
}
