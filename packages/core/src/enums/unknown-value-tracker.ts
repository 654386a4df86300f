import { systemClock } from '../clock/clock.js';
import type { Emit } from '../telemetry/telemetry.js';

/** Options for {@link UnknownValueTracker}. */
export interface UnknownValueTrackerOptions {
  /** The provider whose enums this tracker watches; carried on every event. */
  provider: string;
  emit?: Emit | undefined;
  clock?: { now(): number } | undefined;
}

/**
 * Counts unknown provider enum values per enum and raw value, and reports each one as an
 * `enum.unknown_value` event. Every occurrence is emitted with its running count, but only the
 * first has `firstSeen: true`: that one is the alert, later ones feed dashboards.
 *
 * Counts live as long as the tracker: keep one per provider per process, not one per call,
 * or every occurrence would look like the first.
 */
export class UnknownValueTracker {
  private readonly provider: string;
  private readonly emit: Emit | undefined;
  private readonly clock: { now(): number };
  private readonly seen = new Map<string, number>();

  constructor(options: UnknownValueTrackerOptions) {
    this.provider = options.provider;
    this.emit = options.emit;
    this.clock = options.clock ?? systemClock;
  }

  /** Records one occurrence of `raw` in the enum named `enumName`. */
  record(enumName: string, raw: string): void {
    const key = `${enumName}:${raw}`;
    const count = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, count);
    this.emit?.({
      type: 'enum.unknown_value',
      at: this.clock.now(),
      provider: this.provider,
      enum: enumName,
      raw,
      count,
      firstSeen: count === 1,
    });
  }

  /** Occurrences so far, keyed `${enum}:${raw}`. */
  counts(): ReadonlyMap<string, number> {
    return new Map(this.seen);
  }
}
