import type { AppliedEventKey, ApplyResult, EventApplication } from '@interlock/core';
import type { Connection } from '../database/connection.js';
import type { GroupCommit } from '../database/group-commit.js';
import { deleteInBatches } from '../database/delete-in-batches.js';
import { promised } from '../database/promised.js';
import type { AuditTrail } from './audit-trail.js';
import type { RecordStates } from './record-states.js';

/**
 * One event's writes in one transaction: the record, its effects, its audit entry, the applied
 * mark and, when the event came through this database's queue, its settled state. The group
 * commit shares its transaction between writes, so this one runs in a savepoint of its own: a
 * statement that fails undoes the event's earlier statements and nothing of the others'.
 */
export class EventApplications {
  private readonly marked;
  private readonly mark;
  private readonly settle;
  private readonly forget;
  private readonly atomically;

  constructor(
    db: Connection,
    private readonly writes: GroupCommit,
    records: RecordStates,
    audit: AuditTrail,
  ) {
    this.marked = db.prepare<[string, string], { one: number }>('SELECT 1 AS one FROM applied_events WHERE provider = ? AND event_id = ?');
    this.mark = db.prepare<[string, string, string, number]>('INSERT INTO applied_events (provider, event_id, queue_id, applied_at) VALUES (?, ?, ?, ?)');
    // Not checked against the lease owner: whichever worker wrote the changes settles the row,
    // and the owner's own late settle then finds nothing to do.
    this.settle = db.prepare<[number, string]>(
      "UPDATE events SET status = 'applied', reason = NULL, lease_owner = NULL, updated_at = ? WHERE id = ? AND status = 'processing'",
    );
    this.forget = db.prepare<[number, number]>(
      'DELETE FROM applied_events WHERE (provider, event_id) IN (SELECT provider, event_id FROM applied_events WHERE applied_at < ? LIMIT ?)',
    );
    this.atomically = db.transaction((application: EventApplication): ApplyResult => {
      if (this.marked.get(application.provider, application.eventId)) return 'already_applied';
      if (!records.write(application.record, application.expectedVersion)) return 'conflict';
      for (const effect of application.effects) records.write(effect, undefined);
      audit.write(application.audit);
      this.mark.run(application.provider, application.eventId, application.queueId, application.audit.at);
      this.settle.run(application.audit.at, application.queueId);
      return 'applied';
    });
  }

  apply(application: EventApplication): Promise<ApplyResult> {
    return this.writes.run(() => this.atomically(application));
  }

  prune(before: number): Promise<number> {
    return deleteInBatches(this.writes, this.forget, before);
  }

  wasApplied(key: AppliedEventKey): Promise<boolean> {
    return promised(() => this.marked.get(key.provider, key.eventId) !== undefined);
  }
}
