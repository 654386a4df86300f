import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../src/database/migrations.js';
import { CLAIM_SQL } from '../src/events/event-statements.js';

describe('claiming from a long queue', () => {
  it('reads queued events in arrival order through their index, never sorting the whole backlog', () => {
    const db = new Database(':memory:');
    migrate(db);
    const plan = db
      .prepare<[{ owner: string; leaseUntil: number; now: number; limit: number }], { detail: string }>(`EXPLAIN QUERY PLAN ${CLAIM_SQL}`)
      .all({ owner: 'w', leaseUntil: 1, now: 1, limit: 1 })
      .map((step) => step.detail);
    expect(plan).toContain('SEARCH events USING INDEX events_by_status_arrival (status=?)');
    db.close();
  });
});
