/**
 * Requests per window per remote address, for providers that do not sign their webhooks. Bounded:
 * an address's count is forgotten once its window is over, and past `maxAddresses` new addresses
 * share one count, so traffic from many addresses cannot grow the hub's memory.
 */
export class AddressLimiter {
  private readonly counts = new Map<string, { count: number; endsAt: number }>();
  private sweepAt = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxAddresses: number,
  ) {}

  /** Counts a request from `address` at `now`; false when its window's limit is already spent. */
  take(address: string, now: number): boolean {
    if (now >= this.sweepAt) this.sweep(now);
    let key = address;
    if (!this.counts.has(key) && this.counts.size >= this.maxAddresses) key = OVERFLOW;
    let entry = this.counts.get(key);
    if (!entry || now >= entry.endsAt) {
      entry = { count: 0, endsAt: now + this.windowMs };
      this.counts.set(key, entry);
    }
    if (entry.count >= this.limit) return false;
    entry.count++;
    return true;
  }

  /** Addresses remembered now (for tests and metrics). */
  get size(): number {
    return this.counts.size;
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.counts) if (now >= entry.endsAt) this.counts.delete(key);
    this.sweepAt = now + this.windowMs;
  }
}

/** Not an address (no address has a space), so it never collides with one. */
const OVERFLOW = 'other addresses';
