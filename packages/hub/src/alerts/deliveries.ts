import { backoffDelay, type Clock, type Random } from '@interlock/core';
import type { RetryConfig } from './config.js';
import type { Claim, DeliveryClaims } from './delivery-claims.js';
import type { AlertNotice, AlertSink } from './types.js';

/** How one delivery ended, after its retries. */
export interface DeliveryReport {
  sink: string;
  notice: string;
  type: AlertNotice['type'];
  /** `claimed_elsewhere`: another instance sharing the store delivers it (or has). */
  outcome: 'delivered' | 'failed' | 'claimed_elsewhere';
  attempts: number;
  /** With claims: the instance that delivered it, when known. */
  by?: string | undefined;
  /** The last failure's message (a sink never puts a secret in one). */
  error?: string | undefined;
}

export interface DeliveriesOptions {
  clock: Clock;
  /** Called once per delivery, with how it ended: the failure reporting. */
  onReport: (report: DeliveryReport) => void;
  /** Called on each failed attempt that will be retried. */
  onRetry?: ((sink: string, attempt: number, error: string) => void) | undefined;
  random?: Random | undefined;
  /** Shared with other instances: each notice goes to each sink from one instance only. */
  claims?: DeliveryClaims | undefined;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Sends notices to sinks in the background, each sink with its own retries and backoff on the
 * clock, so a sink that is down delays only its own deliveries. `close` gives up on the waits.
 */
export class Deliveries {
  private readonly pending = new Set<Promise<void>>();
  private readonly stop = new AbortController();

  constructor(private readonly options: DeliveriesOptions) {}

  send(sink: AlertSink, retry: RetryConfig, notice: AlertNotice): void {
    const delivery = this.deliver(sink, retry, notice).finally(() => this.pending.delete(delivery));
    this.pending.add(delivery);
  }

  /** Resolves when every delivery started so far has ended (with a fake clock, advance it meanwhile). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  async close(): Promise<void> {
    this.stop.abort(new Error('alerting closed'));
    await this.idle();
  }

  private async deliver(sink: AlertSink, retry: RetryConfig, notice: AlertNotice): Promise<void> {
    const report = { sink: sink.id, notice: notice.id, type: notice.type };
    let claim: Claim | undefined;
    try {
      claim = await this.options.claims?.take(notice, sink.id, this.stop.signal);
    } catch {
      this.options.onReport({ ...report, outcome: 'failed', attempts: 0, error: 'alerting closed' });
      return;
    }
    if (claim?.mine === false) {
      this.options.onReport({ ...report, outcome: 'claimed_elsewhere', attempts: 0, by: claim.by });
      return;
    }
    const ended = await this.attempt(sink, retry, notice);
    // A claim left open only delays another instance until the store's lock timeout: nothing to add
    // here. A failure is reported before its claim is freed, since another instance may deliver
    // the moment it is: the reports then come in the order things happened.
    if (ended.error !== undefined) {
      this.options.onReport({ ...report, outcome: 'failed', attempts: ended.attempts, error: ended.error });
      await claim?.done(false).catch(() => undefined);
      return;
    }
    await claim?.done(true).catch(() => undefined);
    this.options.onReport({ ...report, outcome: 'delivered', attempts: ended.attempts, by: claim?.by });
  }

  /** Sends with the sink's retries; `error` is the last failure's message when none got through. */
  private async attempt(sink: AlertSink, retry: RetryConfig, notice: AlertNotice): Promise<{ attempts: number; error?: string }> {
    const { clock, onRetry, random } = this.options;
    const backoff = { baseMs: retry.baseMs, capMs: retry.capMs, jitter: 'full' as const };
    let lastError = '';
    let attempts = 0;
    for (let attempt = 1; attempt <= retry.attempts; attempt++) {
      if (this.stop.signal.aborted) break;
      attempts = attempt;
      try {
        await sink.send(notice, this.stop.signal);
        return { attempts };
      } catch (error) {
        lastError = message(error);
      }
      if (attempt === retry.attempts) break;
      onRetry?.(sink.id, attempt, lastError);
      try {
        await clock.sleep(backoffDelay(attempt, backoff, undefined, random), this.stop.signal);
      } catch {
        break;
      }
    }
    return { attempts, error: lastError || 'alerting closed' };
  }
}
