import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../src/database/migrations.js';
import { CLAIM_SQL, EventStatements } from '../src/events/event-statements.js';

function planOf(db: Database.Database, sql: string, params: Record<string, unknown>): string[] {
  return db
    .prepare<[Record<string, unknown>], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(params)
    .map((step) => step.detail);
}

describe('claiming from a long queue', () => {
  it('reads queued events in arrival order through their index, never sorting the whole backlog', () => {
    const db = new Database(':memory:');
    migrate(db);
    const plan = planOf(db, CLAIM_SQL, { owner: 'w', leaseUntil: 1, now: 1, limit: 1 });
    expect(plan).toContain('SEARCH events USING INDEX events_by_status_arrival (status=?)');
    db.close();
  });

  it('finds expired leases, for a claim and for the dead letters, through the index of leased events alone', () => {
    const db = new Database(':memory:');
    migrate(db);
    expect(planOf(db, CLAIM_SQL, { owner: 'w', leaseUntil: 1, now: 1, limit: 1 })).toContain('SEARCH events USING INDEX events_by_lease (visible_at<?)');
    const bury = (new EventStatements(db).buryExhausted as unknown as { source: string }).source;
    expect(planOf(db, bury, { now: 1, maxAttempts: 3 })).toContain('SEARCH events USING INDEX events_by_lease (visible_at<?)');
    db.close();
  });

  it('indexes an accepted event in its two unique keys and its arrival only: a queued event is in no lease index', () => {
    const db = new Database(':memory:');
    migrate(db);
    const indexes = db.prepare<[], { name: string; partial: number }>("SELECT name, partial FROM pragma_index_list('events') ORDER BY name").all();
    expect(indexes).toStrictEqual([
      { name: 'events_by_lease', partial: 1 },
      { name: 'events_by_status_arrival', partial: 0 },
      { name: 'sqlite_autoindex_events_1', partial: 0 },
      { name: 'sqlite_autoindex_events_2', partial: 0 },
    ]);
    const where = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'events_by_lease'").get()?.sql;
    expect(where).toMatch(/WHERE status = 'processing'$/);
    db.close();
  });
});
