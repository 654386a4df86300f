import type { Pool } from 'pg';
import { quoteIdentifier } from '../identifier.js';
import { MIGRATIONS, type Migration } from './migrations.js';

/** The schema a store uses unless told otherwise. */
export const DEFAULT_SCHEMA = 'interlock';

// First key of the two-key advisory lock: keeps our lock apart from any the application takes.
const LOCK_NAMESPACE = 0x496c6b00;

/**
 * Brings `schema` up to date: creates it if needed and applies, in order and in one
 * transaction, every migration not yet recorded in `<schema>.schema_migrations`.
 *
 * Safe when several hub instances start at once: each takes a transaction-scoped advisory lock
 * on the schema name first, so one migrates while the others wait and then find nothing to do.
 * Versions the database has but this code does not know (a newer instance migrated first) are
 * left alone, so an older instance can still start during a rolling deploy.
 */
export async function migrate(pool: Pool, schema: string = DEFAULT_SCHEMA): Promise<void> {
  await migrateWith(pool, schema, MIGRATIONS);
}

/** {@link migrate} with an explicit history, so the ordering logic can be tested on its own. */
export async function migrateWith(pool: Pool, schema: string, migrations: readonly Migration[]): Promise<void> {
  const s = quoteIdentifier(schema);
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_NAMESPACE, schema]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${s}.schema_migrations (
         version    integer     PRIMARY KEY,
         name       text        NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const applied = await client.query<{ version: number }>(`SELECT version FROM ${s}.schema_migrations`);
    const done = new Set(applied.rows.map((row) => row.version));
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      await client.query(migration.sql(s));
      await client.query(`INSERT INTO ${s}.schema_migrations (version, name) VALUES ($1, $2)`, [migration.version, migration.name]);
    }
    await client.query('COMMIT');
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      // The connection itself failed: it must not go back into the pool.
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    }
    throw error;
  } finally {
    client.release(broken);
  }
}
