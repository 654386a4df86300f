import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/index.js';
import { migrateWith } from '../src/migrations/migrate.js';
import { MIGRATIONS } from '../src/migrations/migrations.js';
import { postgresService } from './support/postgres-service.js';
import { TestDatabase } from './support/test-database.js';

const service = await postgresService();

describe.skipIf(service.skip)('migrate (PostgreSQL)', () => {
  beforeAll(() => service.requireReachable());
  let db: TestDatabase;
  afterEach(async () => db.cleanup());

  const versions = async () => db.query<{ version: number; name: string }>('SELECT version, name FROM $schema.schema_migrations ORDER BY version');

  it('creates the schema and records every migration in order', async () => {
    db = new TestDatabase();
    await migrate(db.pool(), db.schema);
    expect(await versions()).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
    const tables = await db.query<{ table_name: string }>(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
      [db.schema],
    );
    expect(tables.map((t) => t.table_name)).toEqual(['applied_events', 'audit_log', 'events', 'idempotency_keys', 'records', 'schema_migrations']);
  });

  it('upgrades a version 2 schema: its records gain no snapshot and are listed', async () => {
    db = new TestDatabase();
    await migrateWith(db.pool(), db.schema, MIGRATIONS.filter((m) => m.version <= 2));
    await db.query("INSERT INTO $schema.records VALUES ('acme', 'payment', 'pay_1', 'paid', 5, 3)");
    const store = await db.open();
    const listed = await store.integrity.listRecords({ provider: 'acme', recordType: 'payment', updatedFrom: 0, updatedTo: 10 });
    expect(listed).toStrictEqual([{ provider: 'acme', recordType: 'payment', recordId: 'pay_1', status: 'paid', updatedAt: 5, version: 3 }]);
  });

  it('upgrades a version 4 schema: an event queued before traces were kept is read with no trace context', async () => {
    db = new TestDatabase();
    await migrateWith(db.pool(), db.schema, MIGRATIONS.filter((m) => m.version <= 4));
    await db.query(
      "INSERT INTO $schema.events (id, provider, event_id, type, received_at, payload, status, attempts, updated_at, visible_at) VALUES ('01old', 'acme', 'evt_1', 'paid', 1, '{}', 'queued', 0, 1, 0)",
    );
    const store = await db.open();
    const stored = await store.events.get('01old');
    expect(stored).toMatchObject({ id: '01old', status: 'queued' });
    expect(stored).not.toHaveProperty('traceContext');
  });

  it('two instances migrating the same fresh schema at once both succeed, and each step runs once', async () => {
    db = new TestDatabase();
    const pools = [db.pool(), db.pool(), db.pool()];
    await Promise.all(pools.map((pool) => migrate(pool, db.schema)));
    expect(await versions()).toHaveLength(MIGRATIONS.length);
    // And again, on an up-to-date schema: nothing to do.
    await migrate(pools[0] ?? db.pool(), db.schema);
    expect(await versions()).toHaveLength(MIGRATIONS.length);
  });

  it('applies only the missing steps, in version order whatever order they are listed in', async () => {
    db = new TestDatabase();
    const pool = db.pool();
    const first = { version: 1, name: 'one', sql: (s: string) => `CREATE TABLE ${s}.log (step integer)` };
    await migrateWith(pool, db.schema, [first]);
    const later = [
      { version: 3, name: 'three', sql: (s: string) => `INSERT INTO ${s}.log VALUES (3)` },
      { version: 2, name: 'two', sql: (s: string) => `INSERT INTO ${s}.log VALUES (2)` },
      first,
    ];
    await migrateWith(pool, db.schema, later);
    expect((await db.query<{ step: number }>('SELECT step FROM $schema.log')).map((r) => r.step)).toEqual([2, 3]);
    expect((await versions()).map((v) => v.name)).toEqual(['one', 'two', 'three']);
  });

  it('a failing step rolls the whole run back, and leaves a version a newer instance applied alone', async () => {
    db = new TestDatabase();
    const pool = db.pool();
    const ok = { version: 1, name: 'ok', sql: (s: string) => `CREATE TABLE ${s}.kept (x integer)` };
    const broken = { version: 2, name: 'broken', sql: (s: string) => `CREATE TABLE ${s}.half (x integer); SELECT * FROM ${s}.missing` };
    await expect(migrateWith(pool, db.schema, [ok, broken])).rejects.toThrow(/missing/);
    const schemas = await db.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [db.schema]);
    expect(schemas).toHaveLength(0);
    await migrateWith(pool, db.schema, [ok, { version: 9, name: 'from the future', sql: () => 'SELECT 1' }]);
    // An older instance that knows only step 1 starts fine.
    await migrateWith(pool, db.schema, [ok]);
    expect((await versions()).map((v) => v.version)).toEqual([1, 9]);
  });
});
