import { isIntegrationError, type Clock } from '@interlock/core';
import { OUTAGE_FROM_MS, OUTAGE_MS } from '@interlock/payments/testing';

/** How long a caller waits before calling again after a failed call; the key stays the same. */
const CALLER_RETRY_MS = 20_000;

/**
 * The run's callers: each starts its work at its turn, spread so that calls go out before,
 * through and after the outage, and calls again after a retryable failure with the same
 * reference and key, as a caller recovering from a crash would, so the connector's duplicate
 * protection is what is tested.
 */
export class Callers {
  /** Calls made, retries after failures included. */
  calls = 0;
  private readonly startedAt: number;

  constructor(
    private readonly clock: Clock,
    private readonly total: number,
  ) {
    this.startedAt = clock.now();
  }

  /** Runs `work` for each index, `concurrency` at a time, each no earlier than its turn. */
  async run(concurrency: number, work: (index: number) => Promise<void>): Promise<void> {
    const spacingMs = Math.ceil((OUTAGE_FROM_MS + OUTAGE_MS + 60_000) / this.total);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < this.total) {
        const index = next++;
        const due = this.startedAt + index * spacingMs;
        if (this.clock.now() < due) await this.clock.sleep(due - this.clock.now());
        await work(index);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, this.total) }, worker));
  }

  /** Calls until the call succeeds or fails for good. */
  async retrying<T>(call: () => Promise<T>): Promise<T> {
    for (;;) {
      this.calls++;
      try {
        return await call();
      } catch (error) {
        if (!isIntegrationError(error) || !error.retryable) throw error;
        await this.clock.sleep(CALLER_RETRY_MS);
      }
    }
  }
}
