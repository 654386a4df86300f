import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { EngineName, EngineSpec, RedisEndpoint } from './engines.js';

/** How to reach the servers the PostgreSQL and BullMQ engines need. */
export interface Servers {
  postgresUrl: string;
  redis: RedisEndpoint;
}

/** A fresh place for one run on `engine`, and how to remove it afterwards. */
export function allocateEngine(engine: EngineName, servers: Servers): { spec: EngineSpec; remove(): Promise<void> } {
  const name = `interlock_chaos_${randomBytes(5).toString('hex')}`;
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-chaos-'));
    return {
      spec: { engine, path: join(dir, 'hub.db') },
      remove: () => {
        rmSync(dir, { recursive: true, force: true });
        return Promise.resolve();
      },
    };
  }
  const dropSchema = (): Promise<void> => dropPostgresSchema(servers.postgresUrl, name);
  if (engine === 'postgres') return { spec: { engine, connectionString: servers.postgresUrl, schema: name }, remove: dropSchema };
  return {
    spec: { engine, connectionString: servers.postgresUrl, schema: name, redis: servers.redis, prefix: name },
    remove: async () => {
      await dropSchema();
      await deleteRedisPrefix(servers.redis, name);
    },
  };
}

async function dropPostgresSchema(connectionString: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

async function deleteRedisPrefix(endpoint: RedisEndpoint, prefix: string): Promise<void> {
  const redis = new Redis({ ...endpoint, lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1_000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
