interface Waiting {
  rank: number;
  resolve(): void;
}

/**
 * At most `limit` holders at once. The poller holds a slot only around the provider read, so a
 * burst of nudges cannot become a burst of requests. Waiters are served lowest rank first, first
 * come first served among equal ranks: when reads queue (a provider's limiter makes each wait),
 * the poller's ranks decide which records the provider's allowance is spent on.
 */
export class Slots {
  private active = 0;
  /** Sorted by rank, arrival order within a rank. */
  private readonly waiting: Waiting[] = [];

  constructor(private readonly limit: number) {}

  /** Resolves with a release function once a slot is free; releasing twice is harmless. */
  async acquire(rank = 0): Promise<() => void> {
    if (this.active < this.limit) {
      this.active++;
    } else {
      // The releasing holder hands its slot over directly, so `active` does not change.
      await new Promise<void>((resolve) => this.enqueue({ rank, resolve }));
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next.resolve();
      else this.active--;
    };
  }

  private enqueue(waiter: Waiting): void {
    const behind = this.waiting.findIndex((other) => other.rank > waiter.rank);
    if (behind === -1) this.waiting.push(waiter);
    else this.waiting.splice(behind, 0, waiter);
  }
}
