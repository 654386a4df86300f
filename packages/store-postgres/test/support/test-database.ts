import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgresStore, type PostgresStore, type PostgresStoreOptions } from '../../src/index.js';
import { POSTGRES_URL } from './postgres-service.js';

/** A schema name no other test run will pick, so parallel runs never collide. */
export function uniqueSchemaName(): string {
  return `interlock_test_${randomBytes(6).toString('hex')}`;
}

// Small pools: several test files share one server with other packages' tests.
const POOL_MAX = 4;

/**
 * One test's private schema, with every pool and store opened on it; `cleanup` closes them all
 * and drops the schema.
 */
export class TestDatabase {
  readonly schema = uniqueSchemaName();
  private readonly pools: pg.Pool[] = [];
  private readonly stores: PostgresStore[] = [];

  /** A new pool (a new "hub instance"), ended in cleanup. */
  pool(): pg.Pool {
    const pool = new pg.Pool({ connectionString: POSTGRES_URL, max: POOL_MAX });
    pool.on('error', () => undefined);
    this.pools.push(pool);
    return pool;
  }

  /**
   * Opens a store on this schema through a pool of its own, as a separate hub instance would; or
   * through `options.pool`, one of {@link pool}'s, for a test that watches the queries.
   */
  async open(options: Omit<PostgresStoreOptions, 'schema' | 'connectionString'> = {}): Promise<PostgresStore> {
    const store = await openPostgresStore({ ...options, pool: options.pool ?? this.pool(), schema: this.schema });
    this.stores.push(store);
    return store;
  }

  /** A query on this schema's tables, for assertions on rows the contracts do not expose. */
  async query<Row extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<Row[]> {
    const pool = this.pools[0] ?? this.pool();
    return (await pool.query<Row>(sql.replaceAll('$schema', `"${this.schema}"`), values)).rows;
  }

  async cleanup(): Promise<void> {
    await Promise.all(this.stores.map((store) => store.close()));
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    try {
      await admin.query(`DROP SCHEMA IF EXISTS "${this.schema}" CASCADE`);
    } finally {
      await admin.end();
    }
    await Promise.all(this.pools.map((pool) => pool.end()));
  }
}
