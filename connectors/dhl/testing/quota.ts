const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The free plan's day (NOTES.md §2.1) and the per-minute burst the issue names: DHL's figures, not the connector's. */
const PER_DAY = 250;
const PER_MINUTE = 20;

/**
 * DHL counting calls per API key against the free plan's day and a per-minute burst, so a client
 * that overspends sees 429s here exactly as it would from DHL.
 */
export class QuotaCounter {
  private readonly calls = new Map<string, number[]>();

  /** Counts a call at `now`; false when it is over a window (and then it is not counted). */
  admit(key: string, now: number): boolean {
    const recent = (this.calls.get(key) ?? []).filter((at) => at > now - DAY);
    const lastMinute = recent.filter((at) => at > now - MINUTE).length;
    if (recent.length >= PER_DAY || lastMinute >= PER_MINUTE) {
      this.calls.set(key, recent);
      return false;
    }
    recent.push(now);
    this.calls.set(key, recent);
    return true;
  }
}
