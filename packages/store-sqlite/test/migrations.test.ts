import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS, SCHEMA_VERSION } from '../src/database/migrations.js';
import { openSqliteStore } from '../src/index.js';

describe('migrations', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const tempPath = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-migrate-'));
    dirs.push(dir);
    return join(dir, 'store.db');
  };

  it('creates every table on a new database and records the version once', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['applied_events', 'audit_trail', 'events', 'idempotency_keys', 'record_states', 'schema_version']);
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT version FROM schema_version').pluck().all()).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('applies only the steps a database has not seen, in version order', () => {
    const db = new Database(':memory:');
    migrate(db);
    const later = [
      ...MIGRATIONS,
      { version: SCHEMA_VERSION + 2, description: 'second', sql: 'ALTER TABLE extra ADD COLUMN b TEXT' },
      { version: SCHEMA_VERSION + 1, description: 'first', sql: 'CREATE TABLE extra (a TEXT)' },
    ];
    expect(migrate(db, later)).toBe(SCHEMA_VERSION + 2);
    expect(db.prepare("SELECT name FROM pragma_table_info('extra')").pluck().all()).toEqual(['a', 'b']);
  });

  it('leaves nothing behind when a step fails', () => {
    const db = new Database(':memory:');
    migrate(db);
    const broken = [...MIGRATIONS, { version: SCHEMA_VERSION + 1, description: 'broken', sql: 'CREATE TABLE half (a TEXT); SELECT * FROM no_such_table' }];
    expect(() => migrate(db, broken)).toThrow(/no_such_table/);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT max(version) FROM schema_version').pluck().get()).toBe(SCHEMA_VERSION);
  });

  it('refuses a database written by a newer version of the package', () => {
    const path = tempPath();
    const db = new Database(path);
    migrate(db);
    db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(SCHEMA_VERSION + 1);
    db.close();
    expect(() => openSqliteStore({ path })).toThrow(/newer than this/);
  });

  it('upgrades a version 1 file: its records gain no snapshot and are listed through the update-time index', async () => {
    const path = tempPath();
    const old = new Database(path);
    migrate(old, MIGRATIONS.filter((m) => m.version === 1));
    old.prepare("INSERT INTO record_states VALUES ('acme', 'payment', 'pay_1', 'paid', 5, 3)").run();
    old.close();
    const store = openSqliteStore({ path });
    const listed = await store.integrity.listRecords({ provider: 'acme', recordType: 'payment', updatedFrom: 0, updatedTo: 10 });
    expect(listed).toStrictEqual([{ provider: 'acme', recordType: 'payment', recordId: 'pay_1', status: 'paid', updatedAt: 5, version: 3 }]);
    await store.close();
    const db = new Database(path);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM record_states WHERE provider = 'acme' AND record_type = 'payment' AND updated_at >= 0 AND updated_at < 10 ORDER BY updated_at, record_id").all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join('\n')).toContain('record_states_by_update');
    db.close();
  });

  it('upgrades a version 3 file: an event queued before traces were kept is read and handed out with no trace context', async () => {
    const path = tempPath();
    const old = new Database(path);
    migrate(old, MIGRATIONS.filter((m) => m.version <= 3));
    old
      .prepare("INSERT INTO events (id, provider, event_id, type, received_at, payload, status, attempts, visible_at, updated_at) VALUES ('01old', 'acme', 'evt_1', 'paid', 1, '{}', 'queued', 0, 0, 1)")
      .run();
    old.close();
    const store = openSqliteStore({ path });
    const stored = await store.events.get('01old');
    expect(stored).toMatchObject({ id: '01old', status: 'queued' });
    expect(stored).not.toHaveProperty('traceContext');
    const handled = new Promise<unknown>((resolve) => {
      store.events.consume(async (event) => {
        resolve(event.traceContext);
        return { status: 'applied' };
      });
    });
    await expect(handled).resolves.toBeUndefined();
    await store.close();
  });

  it('upgrades a version 4 file: an event leased before the lease index existed is handed out again once its lease has run out', async () => {
    const path = tempPath();
    const old = new Database(path);
    migrate(old, MIGRATIONS.filter((m) => m.version <= 4));
    old
      .prepare("INSERT INTO events (id, provider, event_id, type, received_at, payload, status, attempts, visible_at, lease_owner, updated_at) VALUES ('01leased', 'acme', 'evt_1', 'paid', 1, '{}', 'processing', 1, 2, 'gone-worker', 1)")
      .run();
    old.close();
    const store = openSqliteStore({ path });
    const handled = new Promise<string>((resolve) => {
      store.events.consume(async (event) => {
        resolve(event.id);
        return { status: 'applied' };
      });
    });
    await expect(handled).resolves.toBe('01leased');
    await store.close();
  });

  it('reopens an existing file with its data', async () => {
    const path = tempPath();
    const first = openSqliteStore({ path });
    await first.integrity.putRecord({ provider: 'acme', recordType: 'payment', recordId: 'pay_1', status: 'paid', updatedAt: 1 }, undefined);
    await first.close();
    const second = openSqliteStore({ path });
    expect((await second.integrity.getRecord({ provider: 'acme', recordType: 'payment', recordId: 'pay_1' }))?.status).toBe('paid');
    await second.close();
  });
});
