import { beforeAll, describe, inject } from 'vitest';
import { REDIS_ENDPOINT, skipRedisTests } from './redis-probe.js';

/**
 * The service policy of this package's tests: they run against a real Redis at 127.0.0.1:6379,
 * looked for once per run (vitest.config.ts, with test/redis-probe.ts). In CI (`CI` set) a
 * missing Redis fails every Redis test loudly in its beforeAll; on a developer's machine those
 * tests are skipped, with one line saying so.
 */
export { REDIS_ENDPOINT };

/** `describe` for tests that need Redis: skipped without it locally, failing without it in CI. */
export function describeWithRedis(name: string, body: () => void): void {
  const available = inject('redisAvailable');
  describe.skipIf(skipRedisTests(available))(name, () => {
    beforeAll(() => {
      if (!available) throw new Error(`Redis at ${REDIS_ENDPOINT.host}:${REDIS_ENDPOINT.port} is required in CI`);
    });
    body();
  });
}
