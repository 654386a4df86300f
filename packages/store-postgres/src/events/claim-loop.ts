import { handlerOutcome, nextEventState, StartWindow, type Clock, type ConsumeSettings, type Consumer, type EventHandler } from '@interlock/core';
import type { ClaimedEvent, EventTable } from './event-table.js';

/** The part of the events table a consumer works through; a seam for tests. */
export type ClaimSource = Pick<EventTable, 'claim' | 'settle' | 'nextVisibleAt'>;

/** What the store, rather than each consume() call, decides about its consumers. */
export interface QueueSettings {
  /** The longest an idle consumer waits before looking again. */
  idlePollMs: number;
  clock: Clock;
  /** Where failures of the consumer's own queries go (the loop itself carries on). */
  onError: (error: unknown) => void;
}

/** One consume() call's settings together with the store's. */
export type ClaimLoopSettings = ConsumeSettings & QueueSettings;

/**
 * One consumer: claims as many events as it has free slots (and its rate allows), runs the
 * handler on each, and records each outcome. It claims again at once while it finds work and
 * sleeps on the clock when it finds none, until the next event becomes visible, a local accept
 * or a finished event wakes it, or `idlePollMs` passes (work accepted by another instance).
 */
export class ClaimLoop implements Consumer {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly running: Promise<void>;
  /** Paces starts when the consumer has a rate; undefined runs as fast as slots free up. */
  private readonly window: StartWindow | undefined;
  private stopping = false;
  private abandoned = false;
  private wakeController: AbortController | undefined;
  private wakePending = false;

  constructor(
    private readonly source: ClaimSource,
    private readonly handler: EventHandler,
    private readonly settings: ClaimLoopSettings,
  ) {
    this.window = settings.startRate && new StartWindow(settings.startRate);
    this.running = this.run();
  }

  /** Cuts the current wait short: there may be new work or a free slot. */
  wake(): void {
    if (this.wakeController) this.wakeController.abort();
    // A wake that arrives while a query is in flight must not be lost, or the loop would sleep through it.
    else this.wakePending = true;
  }

  async stop(): Promise<void> {
    // Once abandoned, the handlers in hand no longer matter, and one may never finish.
    if (this.abandoned) return this.running;
    this.stopping = true;
    this.wake();
    await this.running;
    await Promise.all(this.inFlight);
  }

  /**
   * Stops claiming without waiting for the handlers in hand, whose results are then dropped:
   * what a crash does, made safe by the leases. For closing the store under a stuck handler.
   */
  async abandon(): Promise<void> {
    this.abandoned = true;
    this.stopping = true;
    this.wake();
    await this.running;
  }

  private async run(): Promise<void> {
    const { clock, concurrency } = this.settings;
    const { window } = this;
    while (!this.stopping) {
      const free = concurrency - this.inFlight.size;
      if (free <= 0) {
        await this.pause(undefined);
        continue;
      }
      const now = clock.now();
      const startable = window ? window.available(now) : free;
      if (window && startable <= 0) {
        await this.pause(window.nextFreeAt(now) - now);
        continue;
      }
      const allowed = Math.min(free, startable);
      let claimed: ClaimedEvent[];
      try {
        const { leaseMs, maxAttempts, workerId } = this.settings;
        claimed = await this.source.claim({ limit: allowed, now, leaseMs, maxAttempts, workerId });
      } catch (error) {
        this.report(error);
        await this.pause(this.settings.idlePollMs);
        continue;
      }
      // After abandon() the results would be dropped anyway: leave these to their lease untouched.
      if (this.abandoned) return;
      // After stop() they are still in hand: run them rather than leave them to their lease.
      if (claimed.length > 0) window?.record(clock.now(), claimed.length);
      for (const event of claimed) this.start(event);
      if (claimed.length < allowed && !this.stopping) await this.pause(await this.idleDelay());
    }
  }

  private start(claimed: ClaimedEvent): void {
    const task = this.handle(claimed).finally(() => {
      this.inFlight.delete(task);
      this.wake();
    });
    this.inFlight.add(task);
  }

  private async handle({ event, leaseToken }: ClaimedEvent): Promise<void> {
    const outcome = await handlerOutcome(this.handler, event);
    if (this.abandoned) return;
    const { clock, maxAttempts } = this.settings;
    try {
      const now = clock.now();
      await this.source.settle(event.id, leaseToken, nextEventState(outcome, event.attempts, maxAttempts, now), now);
    } catch (error) {
      this.report(error);
    }
  }

  /** How long to sleep after finding no more work: until the next retry is due, at most `idlePollMs`. */
  private async idleDelay(): Promise<number> {
    const { clock, idlePollMs } = this.settings;
    try {
      const next = await this.source.nextVisibleAt();
      // At least 1 ms: a row another instance is claiming right now is visible but skipped.
      return next === undefined ? idlePollMs : Math.min(idlePollMs, Math.max(1, next - clock.now()));
    } catch (error) {
      this.report(error);
      return idlePollMs;
    }
  }

  private async pause(ms: number | undefined): Promise<void> {
    if (this.wakePending || this.stopping) {
      this.wakePending = false;
      return;
    }
    const controller = new AbortController();
    this.wakeController = controller;
    try {
      if (ms === undefined) {
        await new Promise<void>((resolve) => controller.signal.addEventListener('abort', () => resolve(), { once: true }));
      } else {
        // The clock rejects only when the wait is aborted, and an abort here just means "wake up".
        await this.settings.clock.sleep(ms, controller.signal).catch(() => undefined);
      }
    } finally {
      this.wakeController = undefined;
      this.wakePending = false;
    }
  }

  private report(error: unknown): void {
    // After abandon() the pool may be gone; failures then are expected and say nothing new.
    if (!this.abandoned) this.settings.onError(error);
  }
}
