import type { Clock, RecordWatching, WatchOutcome } from '@interlock/core';
import { failureFields, type HubLog } from '../logging/log.js';

/**
 * How often the provider is asked to renew the subscriptions that lapse soon. It decides which
 * those are and sends nothing when none do, so asking hourly costs little and gives a renewal
 * that fails many more chances before its subscription lapses (a carrier's 14 days, renewed a
 * day ahead).
 */
export const WATCH_RENEW_EVERY_MS = 60 * 60_000;

export interface RecordWatcherOptions {
  provider: string;
  connector: unknown;
  watching: RecordWatching<unknown>;
  clock: Clock;
  log: HubLog;
}

/**
 * Keeps a provider's pushes coming for the records the hub polls, where the provider pushes only
 * for records subscribed to: subscribes each record when polling starts, lets it go when polling
 * stops, and renews on a schedule. Nothing here is fatal: the poller reads every record either
 * way, so a refused or failed subscription is a log line and a slower record, never a lost one.
 */
export class RecordWatcher {
  private readonly stopping = new AbortController();
  private readonly renewals: Promise<void>;

  constructor(private readonly options: RecordWatcherOptions) {
    this.renewals = this.renewEvery(WATCH_RENEW_EVERY_MS);
  }

  watch(recordIds: readonly string[]): void {
    if (recordIds.length === 0) return;
    const { watching, connector } = this.options;
    void this.report('watch', () => watching.watch(connector, recordIds));
  }

  unwatch(recordId: string): void {
    const { watching, connector, log, provider } = this.options;
    try {
      watching.unwatch(connector, recordId);
    } catch (error) {
      // At worst the subscription is renewed once more than needed.
      log.warn('unwatch failed', { provider, recordId, ...failureFields(error) });
    }
  }

  /** Ends the renewals; a subscription or renewal under way finishes on its own (the connector bounds it). */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.renewals;
  }

  private async renewEvery(everyMs: number): Promise<void> {
    const { clock, watching, connector } = this.options;
    for (;;) {
      try {
        await clock.sleep(everyMs, this.stopping.signal);
      } catch {
        return;
      }
      void this.report('renew', () => watching.renew(connector));
    }
  }

  private async report(action: 'watch' | 'renew', ask: () => Promise<WatchOutcome>): Promise<void> {
    const { log, provider } = this.options;
    try {
      const { refused } = await ask();
      if (refused.length > 0) log.info(`${action}: the provider refused some records, polled all the same`, { provider, refused });
    } catch (error) {
      log.warn(`${action} failed: its records are polled all the same`, { provider, ...failureFields(error) });
    }
  }
}
