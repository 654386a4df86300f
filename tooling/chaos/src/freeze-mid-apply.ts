import { writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PAYMENT_MOVEMENT_RECORD_TYPE } from '@interlock/payments';
import type { EngineSpec } from './engines.js';

/** The line the child prints when it froze; the parent answers it with SIGKILL. */
export const FROZEN_LINE = 'frozen mid-apply';

/**
 * Stops this process dead as its engine is about to write the `atWrite`th payment movement (1 =
 * the first) after `arm()` is called. Install it before the engine is opened (better-sqlite3
 * prepares its statements then), arm it once the hub listens. The movement is written inside an event's application, after the
 * payment's record and before its audit entry and applied mark, so the SIGKILL the parent sends
 * on FROZEN_LINE lands in the middle of that transaction. The hook sits in the engine's database
 * driver (better-sqlite3's statements, pg's client), below the store: nothing of the store's own
 * code is changed. The thread blocks rather than exits, so no later statement and no COMMIT runs.
 */
export function freezeMidApply(spec: EngineSpec, atWrite: number): { arm(): void } {
  let armed = false;
  let writes = 0;
  // A movement is only ever inserted (created once, never overwritten); reads name its type too.
  const maybeFreeze = (sql: string, values: readonly unknown[]): void => {
    if (!armed || !INSERT.test(sql) || !values.includes(PAYMENT_MOVEMENT_RECORD_TYPE) || ++writes < atWrite) return;
    writeSync(1, `${FROZEN_LINE}\n`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  };
  if (spec.engine === 'sqlite') hookSqlite(maybeFreeze);
  else hookPostgres(maybeFreeze);
  return {
    arm() {
      armed = true;
    },
  };
}

const INSERT = /^\s*INSERT\b/i;

type BeforeStatement = (sql: string, values: readonly unknown[]) => void;

/** The driver module as the engine's adapter loads it (the same instance, so the hook is the adapter's too). */
function driverOf(adapter: string, driver: string): unknown {
  return createRequire(import.meta.resolve(adapter))(driver);
}

interface SqliteStatement {
  run: (...params: unknown[]) => unknown;
}

function hookSqlite(before: BeforeStatement): void {
  const Database = driverOf('@interlock/store-sqlite', 'better-sqlite3') as { prototype: { prepare: (this: unknown, source: string) => SqliteStatement } };
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function (this: unknown, source: string): SqliteStatement {
    const statement = prepare.call(this, source);
    const run = statement.run.bind(statement);
    statement.run = (...params: unknown[]) => {
      before(source, params);
      return run(...params);
    };
    return statement;
  };
}

function hookPostgres(before: BeforeStatement): void {
  const pg = driverOf('@interlock/store-postgres', 'pg') as { Client: { prototype: { query: (this: unknown, ...args: unknown[]) => unknown } } };
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: unknown, ...args: unknown[]): unknown {
    if (typeof args[0] === 'string' && Array.isArray(args[1])) before(args[0], args[1]);
    return query.apply(this, args);
  };
}
