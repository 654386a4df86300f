// Calendar fields with no zone attached, and their mapping to a millisecond count "as if UTC".
// Date's UTC methods do the calendar arithmetic; setUTCFullYear avoids Date.UTC's habit of
// reading years 0-99 as 1900-1999.

/** A calendar date and time of day, read or rendered without any zone. */
export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

/** Milliseconds since the epoch of the wall time read as UTC; out-of-range fields roll over as in Date. */
export function wallClockMs(wall: WallTime): number {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second, wall.millisecond);
  return date.getTime();
}

/** The calendar fields of a millisecond count read as UTC. */
export function msToWallTime(ms: number): WallTime {
  const date = new Date(ms);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    millisecond: date.getUTCMilliseconds(),
  };
}

/** Whether the fields name a real date and time of day (no 31 April, no 24:00, no leap second). */
export function isValidWallTime(wall: WallTime): boolean {
  if (wall.hour > 23 || wall.minute > 59 || wall.second > 59) return false;
  // Date rolls 31 April over to 1 May; a date that moved was never valid.
  const normalised = msToWallTime(wallClockMs(wall));
  return normalised.month === wall.month && normalised.day === wall.day;
}
