import { wallClockMs } from './wall-clock.js';

// Building a DateTimeFormat is far slower than using one, and a connector reads one zone for
// every record it parses.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/**
 * Checks that `zone` is an IANA time zone this runtime knows, throwing a RangeError otherwise, so a
 * misconfigured connector fails when it is defined rather than on its first record.
 */
export function assertTimeZone(zone: string): void {
  formatterFor(zone);
}

/**
 * The zone's offset from UTC at an instant, in milliseconds (19 800 000 for Asia/Kolkata, -18 000 000
 * for New York in winter). An unknown zone is a RangeError.
 */
export function zoneOffsetMs(zone: string, epochMs: number): number {
  const parts = formatterFor(zone).formatToParts(epochMs);
  const field = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((part) => part.type === type)?.value);
  const year = field('year');
  const wall = wallClockMs({
    // Year 0 is 1 BC: the formatter counts eras, wall time counts astronomically.
    year: parts.some((part) => part.type === 'era' && part.value === 'BC') ? 1 - year : year,
    month: field('month'),
    day: field('day'),
    hour: field('hour'),
    minute: field('minute'),
    second: field('second'),
    millisecond: 0,
  });
  // The formatter shows whole seconds, so compare against the instant truncated to its second
  // (a remainder taken on integers, where dividing by 1000 would round near the Date limits).
  return wall - (epochMs - (((epochMs % 1000) + 1000) % 1000));
}
