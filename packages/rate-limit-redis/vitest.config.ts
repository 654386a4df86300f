import { interlockVitestConfig } from '@interlock/vitest-config';
import { mergeConfig } from 'vitest/config';
import { probeRedis, REDIS_ENDPOINT, skipRedisTests } from './test/redis-probe.js';

// Looks for Redis once per run and tells every test file; test/redis-service.ts skips or fails
// the Redis tests without it. When they are skipped, only the pure tests ran, so the coverage
// threshold would fail a run that is fine: it is lifted for that run alone.
export default async () => {
  const redisAvailable = await probeRedis();
  const skipped = skipRedisTests(redisAvailable);
  if (skipped) console.warn(`[rate-limit-redis] No Redis at ${REDIS_ENDPOINT.host}:${REDIS_ENDPOINT.port}: skipping the Redis tests (in CI they fail instead).`);
  return mergeConfig(interlockVitestConfig({ lines: skipped ? 0 : 85 }), { test: { provide: { redisAvailable } } });
};
