import { localInstantFormat, parseInstant, type CoercionContext, type LocalInstantFormat } from '@interlock/core';

/** A carrier's time as it sends it: a date, perhaps a separate time of day, and the zone it means. */
export interface CarrierTime {
  /**
   * `2026-03-29`, UPS's `20260329`, or a whole timestamp (`2026-03-29T02:30:00`); a timestamp with
   * an offset (`…+05:30`, `…Z`) is taken as it is and `zone` is not used.
   */
  date: string;
  /** A separate time of day: `02:30`, `02:30:15`, UPS's `023015` (and `23015`, its leading zero lost). */
  time?: string | undefined;
  /** The IANA zone the carrier declares its local times in, e.g. `Europe/Berlin`, `Asia/Kolkata`. */
  zone: string;
}

const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const COMPACT_TIME = /^(\d{1,2})(\d{2})(\d{2})?$/;
const HAS_OFFSET = /(?:[Zz]|[+-]\d{2}:?\d{2})$/;
const HAS_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}/;

/**
 * The DST policy for carrier times, chosen once for every connector: a time the clocks skipped
 * (02:30 on the night they jump from 02:00 to 03:00) is read with the offset from before the gap,
 * so it lands where the scanner's clock would have put it (03:30); a time the clocks showed twice
 * (02:30 on the night they fall back) is the earlier one. Either way the event keeps its place
 * among its neighbours, where refusing it would lose a real scan.
 */
const POLICY = { ambiguous: 'earlier', nonexistent: 'shift_forward' } as const satisfies Partial<LocalInstantFormat>;

function isoDate(date: string): string {
  const compact = COMPACT_DATE.exec(date);
  return compact === null ? date : `${compact[1]}-${compact[2]}-${compact[3]}`;
}

function isoTime(time: string): string {
  const compact = COMPACT_TIME.exec(time);
  if (compact === null) return time;
  return `${(compact[1] ?? '').padStart(2, '0')}:${compact[2]}:${compact[3] ?? '00'}`;
}

/**
 * A carrier's time as epoch milliseconds, UTC. A zone-less local date and time is resolved in the
 * declared zone with the DST policy above; a date alone is the start of that day there; a
 * timestamp that carries its offset keeps it. Unreadable input is core's `contract_violation`
 * (`invalid_instant`); an unknown zone is a RangeError (configuration, not data).
 */
export function resolveCarrierTime(input: CarrierTime, ctx?: CoercionContext): number {
  const date = isoDate(input.date.trim());
  if (input.time === undefined && HAS_TIME.test(date) && HAS_OFFSET.test(date)) return parseInstant(date, { kind: 'iso8601' }, ctx);
  const local = input.time !== undefined ? `${date}T${isoTime(input.time.trim())}` : HAS_TIME.test(date) ? date : `${date}T00:00:00`;
  return parseInstant(local, localInstantFormat(input.zone, POLICY), ctx);
}
