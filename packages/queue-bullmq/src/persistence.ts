import { isRedisInstance } from 'bullmq';
import { Redis } from 'ioredis';
import type { RedisEndpoint } from './options.js';
import { withinTime } from './redis-health.js';

/**
 * Whether Redis keeps what it acknowledged across a restart: `aof` (appendonly yes), `rdb`
 * (snapshots only: the writes since the last one are lost), `none`, or `unknown` when the server
 * could not be asked (CONFIG is often not permitted on managed Redis).
 */
export type RedisPersistence = { kind: 'aof' } | { kind: 'rdb'; save: string } | { kind: 'none' } | { kind: 'unknown'; reason: string };

async function configValue(redis: Redis, name: string): Promise<string> {
  const reply: unknown = await redis.config('GET', name);
  return Array.isArray(reply) && typeof reply[1] === 'string' ? reply[1] : '';
}

/** Asks Redis (`CONFIG GET appendonly` and `save`) whether acknowledged events survive its restart, within `timeoutMs`. */
export async function checkRedisPersistence(options: { connection?: RedisEndpoint | Redis; timeoutMs?: number } = {}): Promise<RedisPersistence> {
  const given = options.connection ?? {};
  const own = !isRedisInstance(given);
  const timeoutMs = options.timeoutMs ?? 2_000;
  const redis = isRedisInstance(given)
    ? given
    : new Redis({ host: given.host ?? '127.0.0.1', port: given.port ?? 6379, lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  // A refused connection is an answer here (`unknown`), not an error to report.
  const quiet = (): void => undefined;
  if (own) redis.on('error', quiet);
  try {
    return await withinTime('CONFIG GET', timeoutMs, async () => {
      if (own) await redis.connect();
      const [appendonly, save] = [await configValue(redis, 'appendonly'), await configValue(redis, 'save')];
      if (appendonly === 'yes') return { kind: 'aof' };
      return save.trim() === '' ? { kind: 'none' } : { kind: 'rdb', save };
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'unknown', reason: /NOPERM|unknown command|no permissions/i.test(message) ? 'CONFIG is not permitted' : message };
  } finally {
    if (own) redis.disconnect();
  }
}
