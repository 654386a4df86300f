import { POLLED_EVENT_TYPE, Poller, sortableId, type Clock, type EventQueue, type IntegrityStore, type PolledRecord, type RecordChange, type RecordPolling } from '@interlock/core';
import { failureFields, type HubLog } from '../logging/log.js';
import { RecordWatcher } from './record-watcher.js';

/** How often and how long unsettled records are read. */
export interface PollingSchedule {
  firstAfterMs: number;
  capMs: number;
  maxDurationMs: number;
}

export interface RecordPollerOptions {
  provider: string;
  connector: unknown;
  polling: RecordPolling<unknown>;
  queue: EventQueue;
  integrity: IntegrityStore;
  clock: Clock;
  schedule: PollingSchedule;
  /** Each failed read is a line: the poller retries it quietly, so without one an outage polls unseen. */
  log: HubLog;
  /** Whom to tell when a record never settled within `maxDurationMs` (a person should look). */
  onGiveUp(recordId: string, lastError: unknown): void;
}

/**
 * Polls a provider's records that are not settled yet, so a lost webhook delays a record instead
 * of stranding it. A new state read from the provider goes into the event queue like a webhook
 * (deduped on record, status and time), as the record change it is, so it is applied by the same
 * workers, through the same guards, with the same audit trail.
 */
export class RecordPoller {
  private readonly poller: Poller<string>;
  /** Each record's last read: what it brought, when it was asked for and when it arrived. */
  private readonly lastRead = new Map<string, { record: PolledRecord; askedAt: number; at: number }>();
  /** Where the domain's providers push only for records subscribed to: keeps each polled record subscribed. */
  private readonly watcher: RecordWatcher | undefined;

  constructor(private readonly options: RecordPollerOptions) {
    const { connector, polling, clock, schedule, log, provider } = options;
    this.watcher = polling.watching && new RecordWatcher({ provider, connector, watching: polling.watching, clock, log });
    this.poller = new Poller<string>(
      {
        read: async (recordId, signal) => {
          let record: PolledRecord;
          // The state a read brings is at least as new as the moment it was asked for, and may be
          // older than the moment it arrived (a wait for the limiter, a retry, a slow answer):
          // dated by its arrival, it would make a change the provider made meanwhile look stale.
          const askedAt = clock.now();
          try {
            record = await polling.read(connector, recordId, signal);
          } catch (error) {
            // A read cut short by stopping is not a failure of the provider.
            if (!signal?.aborted) log.warn('poll failed', { provider, recordId, ...failureFields(error) });
            throw error;
          }
          this.lastRead.set(recordId, { record, askedAt, at: clock.now() });
          return { status: record.status, updatedAt: record.updatedAt };
        },
        isSettled: (status) => polling.isSettled(status),
      },
      {
        clock,
        provider,
        backoff: { baseMs: schedule.firstAfterMs, capMs: schedule.capMs, jitter: 'full' },
        maxDurationMs: schedule.maxDurationMs,
        onState: (id) => this.enqueue(id),
        onGiveUp: (id, error) => {
          this.watcher?.unwatch(id);
          options.onGiveUp(id, error);
        },
      },
    );
  }

  /**
   * Follows a record's last applied status: polls it while it is not settled, and stops polling
   * it once it is (a webhook that settled it leaves nothing for a read to find). Where the domain
   * watches records, a record is subscribed when its polling starts and let go when it settles or
   * is given up.
   */
  track(recordId: string, status: string): void {
    if (this.follow(recordId, status)) this.watcher?.watch([recordId]);
  }

  /** After a restart: resumes polling the records updated in the last `maxDurationMs` that are not settled. */
  async resume(): Promise<void> {
    const { integrity, clock, provider, schedule, polling } = this.options;
    const records = await integrity.listRecords({ provider, recordType: polling.recordType, updatedFrom: clock.now() - schedule.maxDurationMs });
    // Subscriptions are not kept across a restart; one call for them all lets a provider batch them.
    const started = records.filter((record) => this.follow(record.recordId, record.status));
    this.watcher?.watch(started.map((record) => record.recordId));
  }

  get tracked(): number {
    return this.poller.tracked;
  }

  async stop(): Promise<void> {
    await this.watcher?.stop();
    await this.poller.stop();
  }

  /** Polls the record, or stops polling it once settled; true when its polling starts now. */
  private follow(recordId: string, status: string): boolean {
    if (this.options.polling.isSettled(status)) {
      this.poller.untrack(recordId);
      this.watcher?.unwatch(recordId);
      return false;
    }
    if (this.poller.has(recordId)) return false;
    this.poller.track(recordId);
    return true;
  }

  /**
   * When the read's change happened, as its domain dates it. A settled read is never dated before
   * the record's last update: the poller stops at it, so refused as stale it would leave the record
   * short of its end for good (a carrier's time in whole seconds or days, against a record our
   * clock dated), and nothing can follow a settled state for it to be stale against.
   */
  private async changeTime(recordId: string, record: PolledRecord, askedAt: number): Promise<number> {
    const { polling, integrity, provider } = this.options;
    if (polling.changeTime !== 'provider') return askedAt;
    if (!polling.isSettled(record.status)) return record.updatedAt;
    const current = await integrity.getRecord({ provider, recordType: polling.recordType, recordId });
    return Math.max(record.updatedAt, current?.updatedAt ?? record.updatedAt);
  }

  private async enqueue(recordId: string): Promise<void> {
    const read = this.lastRead.get(recordId);
    if (!read) return;
    const { record, askedAt, at } = read;
    const { polling } = this.options;
    const occurredAt = await this.changeTime(recordId, record, askedAt);
    const change: RecordChange = {
      recordType: polling.recordType,
      recordId,
      status: record.status,
      occurredAt,
      ...(record.snapshot === undefined ? {} : { snapshot: record.snapshot }),
    };
    await this.options.queue.accept({
      id: sortableId(at),
      provider: this.options.provider,
      eventId: `poll:${recordId}:${record.status}:${record.updatedAt}`,
      type: POLLED_EVENT_TYPE,
      receivedAt: at,
      occurredAt,
      payload: JSON.stringify(change),
    });
  }
}
