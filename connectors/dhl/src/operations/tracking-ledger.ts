import { isFinalTrackingStatus, type TrackingResult } from '@interlock/logistics';

/** Numbers remembered at most; the oldest settled ones are forgotten first, then the oldest of all. */
const DEFAULT_CAPACITY = 50_000;

interface Entry {
  /** When this connector was first asked about the number, as a sequence: older numbers are read first. */
  order: number;
  /** The carrier's answer once every shipment under the number is final; it cannot change again. */
  settled?: Extract<TrackingResult, { found: true }>;
}

/**
 * How the connector spends DHL's small daily quota (one call per tracking number): a number whose
 * every shipment is final is answered from here and costs nothing again, and within a batch the
 * unsettled numbers are read oldest first, so when the quota runs out it is the newest that wait
 * until the next day.
 */
export class TrackingLedger {
  private readonly entries = new Map<string, Entry>();
  private asked = 0;

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  /** The distinct numbers of a batch, settled ones apart, the rest oldest first. */
  plan(trackingNumbers: readonly string[]): { settled: TrackingResult[]; toRead: string[] } {
    const settled: TrackingResult[] = [];
    const toRead: string[] = [];
    for (const number of new Set(trackingNumbers)) {
      const entry = this.entryOf(number);
      if (entry.settled === undefined) toRead.push(number);
      else settled.push(entry.settled);
    }
    toRead.sort((a, b) => this.orderOf(a) - this.orderOf(b));
    return { settled, toRead };
  }

  /** Records what the carrier answered; a number all of whose tracks are final is settled. */
  record(result: TrackingResult): void {
    if (!result.found || result.tracks.length === 0 || !result.tracks.every((track) => isFinalTrackingStatus(track.status))) return;
    const entry = this.entries.get(result.trackingNumber);
    if (entry !== undefined) entry.settled = result;
  }

  get size(): number {
    return this.entries.size;
  }

  private orderOf(number: string): number {
    return this.entries.get(number)?.order ?? 0;
  }

  private entryOf(number: string): Entry {
    const known = this.entries.get(number);
    if (known !== undefined) return known;
    if (this.entries.size >= this.capacity) this.evictOne();
    const entry: Entry = { order: this.asked++ };
    this.entries.set(number, entry);
    return entry;
  }

  private evictOne(): void {
    // Insertion order is first-asked order, so the first settled entry is the oldest settled one.
    for (const [number, entry] of this.entries) {
      if (entry.settled !== undefined) {
        this.entries.delete(number);
        return;
      }
    }
    const oldest = this.entries.keys().next();
    if (oldest.done !== true) this.entries.delete(oldest.value);
  }
}
