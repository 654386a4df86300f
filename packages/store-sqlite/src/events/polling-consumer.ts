import { handlerOutcome, StartWindow, type Clock, type ConsumeSettings, type Consumer, type EventHandler, type EventOutcome, type StoredEvent } from '@interlock/core';

/** Where a consumer gets its events from and reports their outcomes to. */
export interface ClaimSource {
  /** Leases up to `limit` due events to `owner` until `leaseMs` from now. */
  claim(limit: number, owner: string, leaseMs: number, maxAttempts: number): Promise<StoredEvent[]>;
  /** Records an outcome, unless `owner`'s lease on the event has been lost. */
  settle(event: StoredEvent, owner: string, outcome: EventOutcome, maxAttempts: number): Promise<void>;
}

/** The consume() call's settings, and what the store adds to them. */
export interface PollingSettings extends Omit<ConsumeSettings, 'workerId'> {
  /** Wait between looks for work while there is none. */
  idlePollMs: number;
  /** Prefix of the lease owner; each claim adds its own suffix. */
  owner: string;
}

/**
 * The consume loop: claims as many events as there are free slots and rate allowance, runs the
 * handler on each, settles the outcome, and sleeps on the clock only when there was nothing to
 * do. A wake-up (an accept in this process) cuts the idle sleep short.
 */
export class PollingConsumer implements Consumer {
  private readonly inHand = new Set<Promise<void>>();
  private readonly rate: StartWindow | undefined;
  private halted = false;
  private woken = false;
  private sleeping: AbortController | undefined;
  private slotFreed: (() => void) | undefined;
  private claims = 0;
  private readonly loop: Promise<void>;

  constructor(
    private readonly source: ClaimSource,
    private readonly handler: EventHandler,
    private readonly settings: PollingSettings,
    private readonly clock: Clock,
  ) {
    this.rate = settings.startRate && new StartWindow(settings.startRate);
    this.loop = this.run();
  }

  /** Stops claiming and resolves once every event in hand has been handled and settled. */
  async stop(): Promise<void> {
    this.halt();
    await this.loop;
    while (this.inHand.size > 0) await Promise.all([...this.inHand]);
  }

  /**
   * Stops claiming without waiting for the events in hand: what closing the store does. Their
   * outcomes may then fail to be recorded, and their leases run out as after a crash.
   */
  halt(): void {
    this.halted = true;
    this.wake();
    this.slotFreed?.();
  }

  /** New work may be there: skip the rest of the idle sleep. */
  wake(): void {
    this.woken = true;
    this.sleeping?.abort();
  }

  private async run(): Promise<void> {
    while (!this.halted) {
      const free = this.settings.concurrency - this.inHand.size;
      if (free <= 0) {
        await new Promise<void>((resolve) => (this.slotFreed = resolve));
        continue;
      }
      const now = this.clock.now();
      const allowed = this.rate ? Math.min(free, this.rate.available(now)) : free;
      if (allowed <= 0) {
        await this.sleep((this.rate as StartWindow).nextFreeAt(now) - now, false);
        continue;
      }
      this.woken = false;
      // One owner per claim, not per consumer: if this consumer's own lease runs out and it
      // claims the event again, the first, late run still cannot settle it.
      const owner = `${this.settings.owner}#${++this.claims}`;
      let claimed: StoredEvent[];
      try {
        claimed = await this.source.claim(allowed, owner, this.settings.leaseMs, this.settings.maxAttempts);
      } catch {
        // The database is locked by another process beyond the busy timeout, or closed: try
        // again after an idle interval rather than spin.
        claimed = [];
      }
      if (claimed.length === 0) {
        await this.sleep(this.settings.idlePollMs, true);
        continue;
      }
      for (const event of claimed) this.start(event, owner);
      // Lets I/O (the HTTP server, other timers) run between claims of a busy queue.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private start(event: StoredEvent, owner: string): void {
    this.rate?.record(this.clock.now());
    const task = this.handle(event, owner).finally(() => {
      this.inHand.delete(task);
      const freed = this.slotFreed;
      this.slotFreed = undefined;
      freed?.();
    });
    this.inHand.add(task);
  }

  private async handle(event: StoredEvent, owner: string): Promise<void> {
    const outcome = await handlerOutcome(this.handler, event);
    try {
      await this.source.settle(event, owner, outcome, this.settings.maxAttempts);
    } catch {
      // Not recorded (store closed, or locked beyond the busy timeout): the lease runs out and
      // the event is handed out again, as after a crash. Handlers are idempotent for this reason.
    }
  }

  /** Sleeps on the clock; `idle` sleeps end early on a wake-up, and every sleep ends on halt. */
  private async sleep(ms: number, idle: boolean): Promise<void> {
    if (this.halted || (idle && this.woken)) return;
    const controller = new AbortController();
    this.sleeping = controller;
    try {
      await this.clock.sleep(Math.max(0, ms), controller.signal);
    } catch {
      // Aborted by a wake-up or halt: both mean "look again now".
    } finally {
      this.sleeping = undefined;
    }
  }
}
