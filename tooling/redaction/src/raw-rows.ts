import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import pg from 'pg';
import { POSTGRES_URL, REDIS } from './services.js';

/** Every row of every table of a SQLite file, as stored: no store code between the file and the text. */
export function sqliteRows(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    return tables.map(({ name }) => `${name}: ${JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all())}`).join('\n');
  } finally {
    db.close();
  }
}

/** Every row of every table in one PostgreSQL schema, as stored. */
export async function postgresRows(schema: string): Promise<string> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>('SELECT table_name FROM information_schema.tables WHERE table_schema = $1', [schema]);
    const dumps: string[] = [];
    for (const { table_name: table } of tables.rows) dumps.push(`${table}: ${JSON.stringify((await client.query(`SELECT * FROM "${schema}"."${table}"`)).rows)}`);
    return dumps.join('\n');
  } finally {
    await client.end();
  }
}

export async function dropPostgresSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => client.end());
}

// Every Redis type BullMQ writes, read whole: job hashes (data, failedReason, stacktrace), the
// lists and sorted sets of ids, the event stream.
async function dumpKey(redis: Redis, key: string): Promise<unknown> {
  const type = await redis.type(key);
  if (type === 'hash') return redis.hgetall(key);
  if (type === 'list') return redis.lrange(key, 0, -1);
  if (type === 'zset') return redis.zrange(key, 0, -1, 'WITHSCORES');
  if (type === 'set') return redis.smembers(key);
  if (type === 'stream') return redis.xrange(key, '-', '+');
  return redis.get(key);
}

/** Every key under `prefix` with its whole value; with `remove`, the keys are deleted after. */
export async function redisRows(prefix: string, remove = false): Promise<string> {
  const redis = new Redis({ ...REDIS, maxRetriesPerRequest: 1 });
  try {
    const keys = await redis.keys(`${prefix}:*`);
    const dumps: string[] = [];
    for (const key of keys) dumps.push(`${key}: ${JSON.stringify(await dumpKey(redis, key))}`);
    if (remove && keys.length > 0) await redis.del(...keys);
    return dumps.join('\n');
  } finally {
    redis.disconnect();
  }
}
