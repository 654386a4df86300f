import type { Clock, EventQueue, IntegrityStore } from '@interlock/core';
import type { HubLog } from '../logging/log.js';

export interface RetentionJobOptions {
  queue: EventQueue;
  integrity: IntegrityStore;
  clock: Clock;
  /** Settled events received longer ago than this are forgotten (see `retentionWindowMs`). */
  keepMs: number;
  everyMs: number;
  log: HubLog;
}

export interface RetentionRun {
  /** Events received before this were eligible. */
  before: number;
  events: number;
  appliedMarks: number;
}

/**
 * Keeps the event tables from growing forever: every `everyMs`, settled events older than the
 * retention window and their applied marks are forgotten. Dead letters stay until a person acts,
 * records and the audit trail stay; each run with something forgotten is audited.
 */
export class RetentionJob {
  private readonly stop = new AbortController();
  private loop: Promise<void> | undefined;

  constructor(private readonly options: RetentionJobOptions) {}

  start(): void {
    this.loop ??= this.run();
  }

  async runNow(): Promise<RetentionRun> {
    const { queue, integrity, clock, keepMs } = this.options;
    const before = clock.now() - keepMs;
    const events = await queue.prune(before);
    // Marks after events: a mark outliving its event is harmless; the other way round is not.
    const appliedMarks = await integrity.pruneApplied(before);
    if (events + appliedMarks > 0) {
      await integrity.appendAudit({ at: clock.now(), actor: 'retention', action: 'prune', provider: '*', outcome: 'pruned', detail: JSON.stringify({ before, events, appliedMarks }) });
    }
    return { before, events, appliedMarks };
  }

  async close(): Promise<void> {
    this.stop.abort();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { clock, everyMs, log } = this.options;
    while (!this.stop.signal.aborted) {
      try {
        await clock.sleep(everyMs, this.stop.signal);
      } catch {
        return;
      }
      try {
        await this.runNow();
      } catch (error) {
        // Tried again on the next round: a missed prune only means the tables are larger a while.
        log.warn('retention could not prune', { error: error instanceof Error ? error.message : 'unknown' });
      }
    }
  }
}
