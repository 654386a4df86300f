import type { AppliedEventKey, ApplyResult, EventApplication } from '@interlock/core';
import type { Pool, PoolClient } from 'pg';
import { deleteInBatches } from '../delete-in-batches.js';
import type { AuditTable } from './audit-table.js';
import type { RecordTable } from './record-table.js';

/**
 * One event's writes in one transaction: the applied mark first (its primary key makes a second
 * writer of the same event wait, then find it), the record by compare-and-set, its effects, its
 * audit entry and, when the event came through this schema's queue, its settled state.
 */
export class EventApplications {
  private readonly marks: string;
  private readonly events: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
    private readonly records: RecordTable,
    private readonly audit: AuditTable,
  ) {
    this.marks = `${schema}.applied_events`;
    this.events = `${schema}.events`;
  }

  async apply(application: EventApplication): Promise<ApplyResult> {
    const client = await this.pool.connect();
    let broken: unknown;
    try {
      await client.query('BEGIN');
      const marked = await client.query(
        `INSERT INTO ${this.marks} (provider, event_id, queue_id, applied_at) VALUES ($1, $2, $3, $4) ON CONFLICT (provider, event_id) DO NOTHING`,
        [application.provider, application.eventId, application.queueId, application.audit.at],
      );
      const result = marked.rowCount === 0 ? 'already_applied' : await this.write(application, client);
      await client.query(result === 'applied' ? 'COMMIT' : 'ROLLBACK');
      return result;
    } catch (error) {
      broken = error;
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      // A client whose connection failed mid-transaction must not go back to the pool.
      client.release(broken instanceof Error ? broken : undefined);
    }
  }

  prune(before: number): Promise<number> {
    return deleteInBatches(
      this.pool,
      `DELETE FROM ${this.marks} WHERE (provider, event_id) IN (SELECT provider, event_id FROM ${this.marks} WHERE applied_at < $1 LIMIT $2)`,
      before,
    );
  }

  async wasApplied(key: AppliedEventKey): Promise<boolean> {
    const result = await this.pool.query(`SELECT 1 FROM ${this.marks} WHERE provider = $1 AND event_id = $2`, [key.provider, key.eventId]);
    return result.rowCount === 1;
  }

  private async write(application: EventApplication, client: PoolClient): Promise<ApplyResult> {
    if (!(await this.records.put(application.record, application.expectedVersion, client))) return 'conflict';
    for (const effect of application.effects) await this.records.put(effect, undefined, client);
    await this.audit.append(application.audit, client);
    // Not fenced by the lease token: whichever worker wrote the changes settles the row, and
    // the lease holder's own late settle then finds nothing to do.
    await client.query(
      `UPDATE ${this.events} SET status = 'applied', reason = NULL, lease_token = NULL, lease_owner = NULL, updated_at = $2 WHERE id = $1 AND status = 'processing'`,
      [application.queueId, application.audit.at],
    );
    return 'applied';
  }
}
