import { backoffDelay, type Clock, type Random } from '@interlock/core';
import type { RetryConfig } from './config.js';
import type { AlertNotice, AlertSink } from './types.js';

/** How one delivery ended, after its retries. */
export interface DeliveryReport {
  sink: string;
  notice: string;
  type: AlertNotice['type'];
  outcome: 'delivered' | 'failed';
  attempts: number;
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
    const { clock, onReport, onRetry, random } = this.options;
    const backoff = { baseMs: retry.baseMs, capMs: retry.capMs, jitter: 'full' as const };
    const report = { sink: sink.id, notice: notice.id, type: notice.type };
    let lastError = '';
    let attempts = 0;
    for (let attempt = 1; attempt <= retry.attempts; attempt++) {
      if (this.stop.signal.aborted) break;
      attempts = attempt;
      try {
        await sink.send(notice, this.stop.signal);
        onReport({ ...report, outcome: 'delivered', attempts: attempt });
        return;
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
    onReport({ ...report, outcome: 'failed', attempts, error: lastError || 'alerting closed' });
  }
}
