import { runRateLimitStoreSuite } from '@interlock/testkit/vitest';
import { openTestStores } from './harness.js';
import { describeWithRedis } from './redis-service.js';

describeWithRedis('RedisRateLimitStore', () => {
  runRateLimitStoreSuite('redis', () => openTestStores());
});
