import { zoneOffsetMs } from './time-zones.js';

/** The instants at which a zone's clocks show a given wall time. */
export type LocalTimeResolution =
  | { readonly kind: 'unique'; readonly epochMs: number }
  /** Clocks fell back and showed the time twice. */
  | { readonly kind: 'ambiguous'; readonly earlier: number; readonly later: number }
  /** Clocks sprang forward over the time; `shiftedForward` reads it with the offset from before the gap. */
  | { readonly kind: 'nonexistent'; readonly shiftedForward: number };

// Zones do not change offset twice within two days, so the offsets a day either side are the only
// candidates for any wall time in between (the same probe the Temporal proposal uses).
const DAY_MS = 86_400_000;

/**
 * Resolves a wall time, given as milliseconds "as if UTC", to the instants it names in `zone`:
 * each candidate offset is kept only if the zone really has that offset at the resulting instant.
 */
export function resolveLocalTime(zone: string, wallMs: number): LocalTimeResolution {
  const offsetBefore = zoneOffsetMs(zone, wallMs - DAY_MS);
  const offsetAfter = zoneOffsetMs(zone, wallMs + DAY_MS);
  const withBefore = wallMs - offsetBefore;
  const withAfter = wallMs - offsetAfter;
  const beforeHolds = zoneOffsetMs(zone, withBefore) === offsetBefore;
  const afterHolds = zoneOffsetMs(zone, withAfter) === offsetAfter;
  if (beforeHolds && afterHolds && withBefore !== withAfter) {
    return { kind: 'ambiguous', earlier: Math.min(withBefore, withAfter), later: Math.max(withBefore, withAfter) };
  }
  if (beforeHolds) return { kind: 'unique', epochMs: withBefore };
  if (afterHolds) return { kind: 'unique', epochMs: withAfter };
  return { kind: 'nonexistent', shiftedForward: withBefore };
}
