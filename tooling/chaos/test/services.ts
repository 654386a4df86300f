import { Redis } from 'ioredis';
import pg from 'pg';
import type { EngineName } from '../src/engines.js';
import type { Servers } from '../src/places.js';

async function postgresUp(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function redisUp(endpoint: Servers['redis']): Promise<boolean> {
  const redis = new Redis({ ...endpoint, lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/**
 * Whether the servers `engine` needs answer. In CI (where `CI` is set) they must: a missing one
 * fails the run instead of passing it by skipping. Elsewhere the engine's test is skipped with one line.
 */
export async function serversFor(engine: EngineName, servers: Servers): Promise<boolean> {
  if (engine === 'sqlite') return true;
  const missing: string[] = [];
  if (!(await postgresUp(servers.postgresUrl))) missing.push('PostgreSQL');
  if (engine === 'postgres+bullmq' && !(await redisUp(servers.redis))) missing.push('Redis');
  if (missing.length === 0) return true;
  if (process.env['CI']) throw new Error(`The chaos test on ${engine} needs ${missing.join(' and ')}, which must be running in CI`);
  console.warn(`skipping the chaos test on ${engine}: ${missing.join(' and ')} not reachable`);
  return false;
}
