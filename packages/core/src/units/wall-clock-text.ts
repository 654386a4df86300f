import { isValidWallTime, type WallTime } from './wall-clock.js';

/**
 * The wall-clock layouts providers send without an offset. `iso` is `yyyy-MM-dd[T| ]HH:mm[:ss[.SSS]]`
 * (any number of fraction digits, truncated to milliseconds).
 */
export type LocalPattern = 'iso' | 'dd-MM-yyyy HH:mm:ss' | 'dd/MM/yyyy HH:mm' | 'yyyy-MM-dd HH:mm:ss';

/** The regular-expression source of an ISO 8601 date and time of day without an offset. */
export const ISO_WALL_TIME =
  String.raw`(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})[Tt ](?<hour>\d{2}):(?<minute>\d{2})` +
  String.raw`(?::(?<second>\d{2})(?:[.,](?<fraction>\d+))?)?`;

const PATTERNS: Readonly<Record<LocalPattern, RegExp>> = {
  iso: new RegExp(`^${ISO_WALL_TIME}$`),
  'dd-MM-yyyy HH:mm:ss': /^(?<day>\d{2})-(?<month>\d{2})-(?<year>\d{4}) (?<hour>\d{2}):(?<minute>\d{2}):(?<second>\d{2})$/,
  'dd/MM/yyyy HH:mm': /^(?<day>\d{2})\/(?<month>\d{2})\/(?<year>\d{4}) (?<hour>\d{2}):(?<minute>\d{2})$/,
  'yyyy-MM-dd HH:mm:ss': /^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2}) (?<hour>\d{2}):(?<minute>\d{2}):(?<second>\d{2})$/,
};

/**
 * The wall time in the named groups of a match against {@link ISO_WALL_TIME} or a local pattern;
 * undefined when the fields do not name a real date and time.
 */
export function wallTimeFromGroups(groups: Readonly<Record<string, string | undefined>>): WallTime | undefined {
  const wall: WallTime = {
    year: Number(groups['year']),
    month: Number(groups['month']),
    day: Number(groups['day']),
    hour: Number(groups['hour']),
    minute: Number(groups['minute']),
    second: Number(groups['second'] ?? 0),
    // Digits past the millisecond are cut, not rounded, so a time never moves into the next second.
    millisecond: Number((groups['fraction'] ?? '').padEnd(3, '0').slice(0, 3)),
  };
  return isValidWallTime(wall) ? wall : undefined;
}

/** The wall time in text laid out as `pattern`; undefined when it does not match or is not a real time. */
export function parseWallTime(text: string, pattern: LocalPattern): WallTime | undefined {
  const groups = PATTERNS[pattern].exec(text)?.groups;
  return groups === undefined ? undefined : wallTimeFromGroups(groups);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * The wall time laid out as `pattern`; `iso` shows milliseconds only when there are some. Fields
 * the pattern has no place for (seconds in `dd/MM/yyyy HH:mm`) are dropped. A year outside
 * 0000-9999 is a RangeError, as no pattern can hold it.
 */
export function renderWallTime(wall: WallTime, pattern: LocalPattern): string {
  if (wall.year < 0 || wall.year > 9999) throw new RangeError(`Year ${wall.year} cannot be written as four digits`);
  const yyyy = pad(wall.year, 4);
  const MM = pad(wall.month, 2);
  const dd = pad(wall.day, 2);
  const hhmm = `${pad(wall.hour, 2)}:${pad(wall.minute, 2)}`;
  const ss = pad(wall.second, 2);
  switch (pattern) {
    case 'iso':
      return `${yyyy}-${MM}-${dd}T${hhmm}:${ss}${wall.millisecond === 0 ? '' : `.${pad(wall.millisecond, 3)}`}`;
    case 'dd-MM-yyyy HH:mm:ss':
      return `${dd}-${MM}-${yyyy} ${hhmm}:${ss}`;
    case 'dd/MM/yyyy HH:mm':
      return `${dd}/${MM}/${yyyy} ${hhmm}`;
    case 'yyyy-MM-dd HH:mm:ss':
      return `${yyyy}-${MM}-${dd} ${hhmm}:${ss}`;
  }
}
