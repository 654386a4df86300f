/**
 * PostgreSQL and Redis for the webhook-ingest servers that run the hub on them: where they are,
 * and how a run's schema and key prefix are removed afterwards.
 */
import type { Service } from '@interlock/testkit';
import { Redis } from 'ioredis';
import pg from 'pg';

/** The variable the postgres servers read their connection string from (also handed to the hub as `connectionStringEnv`). */
export const POSTGRES_URL_ENV = 'BENCH_POSTGRES_URL';
const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_SERVICE: Service = { name: 'Redis', host: '127.0.0.1', port: 6379 };

/** `BENCH_POSTGRES_URL`, else the test suites' `INTERLOCK_TEST_POSTGRES_URL`, else the local `test` database. */
export function postgresUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env[POSTGRES_URL_ENV] ?? env['INTERLOCK_TEST_POSTGRES_URL'] ?? DEFAULT_POSTGRES_URL;
}

/** Where `url` points, for a TCP probe (testkit's `listening`) before anything is spawned. */
export function postgresService(url: string): Service {
  const parsed = new URL(url);
  return { name: 'PostgreSQL', host: parsed.hostname || '127.0.0.1', port: parsed.port === '' ? 5432 : Number(parsed.port) };
}

/** Only names of the bench's own making (lowercase, digits, underscores) are dropped: a stray variable must not drop someone's schema. */
function checkedName(name: string): string {
  if (!/^[a-z0-9_]+$/.test(name)) throw new TypeError(`refusing to drop ${JSON.stringify(name)}: not a generated bench name`);
  return name;
}

export async function dropSchema(connectionString: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${checkedName(schema)}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** Deletes every key under `prefix:`; returns how many. */
export async function deleteRedisPrefix(prefix: string): Promise<number> {
  const redis = new Redis({ host: REDIS_SERVICE.host, port: REDIS_SERVICE.port, maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${checkedName(prefix)}:*`, 'COUNT', 1_000);
      if (keys.length > 0) deleted += await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
  return deleted;
}
