import type { Clock } from '@interlock/core';
import type { HubLog } from '../logging/log.js';

/**
 * Runs the alerts' jobs one at a time (an evaluation and a digest never overlap), each on its own
 * timer on the clock; a job that throws is logged and the schedule goes on.
 */
export class AlertSchedule {
  private running: Promise<void> = Promise.resolve();
  private readonly cancels = new Map<string, () => void>();
  private closed = false;

  constructor(
    private readonly clock: Clock,
    private readonly log: HubLog,
  ) {}

  /** Queues `work` behind the jobs already queued; resolves when it has run. */
  run(name: string, work: () => Promise<void>): Promise<void> {
    this.running = this.running.then(work).catch((error: unknown) => {
      this.log.warn(`alert ${name} failed`, { reason: error instanceof Error ? error.message : String(error) });
    });
    return this.running;
  }

  /** Runs `work` after `delay()`, then again `delay()` after each run ends, until closed. */
  every(name: string, delay: () => number, work: () => Promise<void>): void {
    if (this.closed) return;
    this.cancels.set(
      name,
      this.clock.setTimer(delay(), () => {
        void this.run(name, work).then(() => this.every(name, delay, work));
      }),
    );
  }

  /** Stops the timers and waits for the job under way. */
  async close(): Promise<void> {
    this.closed = true;
    for (const cancel of this.cancels.values()) cancel();
    await this.running;
  }
}
