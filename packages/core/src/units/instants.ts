import { contractViolation, describeValue, type CoercionContext } from './coercion-error.js';
import { decimalFromNumber, decimalFromSafeInteger, decimalToNumber, decimalToSafeInteger, parseDecimal, roundToScale, shiftPoint } from './decimal.js';
import { resolveLocalTime } from './local-time.js';
import { assertTimeZone, zoneOffsetMs } from './time-zones.js';
import { formatUtcOffset, parseUtcOffset } from './utc-offsets.js';
import { msToWallTime, wallClockMs } from './wall-clock.js';
import { ISO_WALL_TIME, parseWallTime, renderWallTime, wallTimeFromGroups, type LocalPattern } from './wall-clock-text.js';

/** An ISO 8601 timestamp that carries its offset (`Z`, `±HH:MM` or `±HHMM`). */
export interface IsoInstantFormat {
  readonly kind: 'iso8601';
}

/** For rendering only: ISO 8601 shown in `zone`'s offset (`2026-03-01T10:00:00+05:30`) rather than in UTC. */
export interface ZonedIsoInstantFormat {
  readonly kind: 'iso8601';
  readonly zone?: string | undefined;
}

/** Seconds since the epoch, as a number or numeric text, possibly with a fraction. */
export interface UnixSecondsFormat {
  readonly kind: 'unix_seconds';
}

/** Milliseconds since the epoch, as a number or numeric text. */
export interface UnixMillisFormat {
  readonly kind: 'unix_millis';
}

/**
 * Wall-clock time with no offset, in the provider's IANA `zone`. A time the clocks showed twice
 * (`ambiguous`, default `reject`) or skipped (`nonexistent`, default `reject`) is refused unless a
 * policy is chosen: `earlier`/`later` pick an occurrence, `shift_forward` moves a skipped time on
 * by the length of the gap (02:30 in a 02:00-03:00 gap is read as 03:30).
 */
export interface LocalInstantFormat {
  readonly kind: 'local';
  readonly zone: string;
  readonly pattern?: LocalPattern | undefined;
  readonly ambiguous?: 'earlier' | 'later' | 'reject' | undefined;
  readonly nonexistent?: 'reject' | 'shift_forward' | undefined;
}

/** How a provider writes instants. */
export type InstantFormat = IsoInstantFormat | UnixSecondsFormat | UnixMillisFormat | LocalInstantFormat;

// The range of Date: 100 000 000 days either side of the epoch.
const MAX_EPOCH_MS = 8_640_000_000_000_000;

const ISO_WITH_OFFSET = new RegExp(`^${ISO_WALL_TIME}(?<offset>[Zz]|[+-][\\d:]+)$`);
const ISO_WITHOUT_OFFSET = new RegExp(`^${ISO_WALL_TIME}$`);

/**
 * A local format whose zone is checked now: an unknown zone is a RangeError when the connector
 * is defined, not a failure on its first record.
 */
export function localInstantFormat(zone: string, options: Omit<LocalInstantFormat, 'kind' | 'zone'> = {}): LocalInstantFormat {
  assertTimeZone(zone);
  return { ...options, kind: 'local', zone };
}

function parseIso(value: string, ctx: CoercionContext | undefined): number {
  const groups = ISO_WITH_OFFSET.exec(value)?.groups;
  if (groups === undefined) {
    if (ISO_WITHOUT_OFFSET.test(value)) {
      throw contractViolation('missing_offset', `Timestamp ${describeValue(value)} has no UTC offset`, ctx);
    }
    throw contractViolation('invalid_instant', `Not an ISO 8601 timestamp: ${describeValue(value)}`, ctx);
  }
  const wall = wallTimeFromGroups(groups);
  const offset = parseUtcOffset(groups['offset'] ?? '');
  if (wall === undefined || offset === undefined) {
    throw contractViolation('invalid_instant', `Not a valid ISO 8601 timestamp: ${describeValue(value)}`, ctx);
  }
  return wallClockMs(wall) - offset;
}

function parseUnix(value: unknown, decimalPlaces: number, ctx: CoercionContext | undefined): number {
  // A whole number in range scales exactly in doubles (it and its product stay below 2^53), so
  // the common case skips the decimal arithmetic: the hub reads one time per webhook it admits.
  if (typeof value === 'number' && Number.isSafeInteger(value)) {
    const scaled = decimalPlaces === 3 ? value * 1000 : value;
    // `+ 0` turns -0 into 0, as the decimal path reads it.
    if (scaled <= MAX_EPOCH_MS && scaled >= -MAX_EPOCH_MS) return scaled + 0;
  }
  const amount = typeof value === 'number' ? decimalFromNumber(value) : typeof value === 'string' ? parseDecimal(value) : undefined;
  // Finer than a millisecond is floored, so an instant never lands after the moment it names.
  const epochMs = amount === undefined ? undefined : decimalToSafeInteger(roundToScale(shiftPoint(amount, decimalPlaces), 0, 'floor'));
  if (epochMs === undefined || epochMs > MAX_EPOCH_MS || epochMs < -MAX_EPOCH_MS) {
    throw contractViolation('invalid_instant', `Not a Unix timestamp: ${describeValue(value)}`, ctx);
  }
  return epochMs;
}

function parseLocal(value: string, format: LocalInstantFormat, ctx: CoercionContext | undefined): number {
  const pattern = format.pattern ?? 'iso';
  const wall = parseWallTime(value, pattern);
  if (wall === undefined) {
    throw contractViolation('invalid_instant', `${describeValue(value)} is not a valid "${pattern}" local time`, ctx);
  }
  const resolution = resolveLocalTime(format.zone, wallClockMs(wall));
  switch (resolution.kind) {
    case 'unique':
      return resolution.epochMs;
    case 'ambiguous': {
      const policy = format.ambiguous ?? 'reject';
      if (policy === 'reject') {
        throw contractViolation('ambiguous_local_time', `${describeValue(value)} happened twice in ${format.zone}`, ctx);
      }
      return policy === 'earlier' ? resolution.earlier : resolution.later;
    }
    case 'nonexistent':
      if ((format.nonexistent ?? 'reject') === 'reject') {
        throw contractViolation('nonexistent_local_time', `${describeValue(value)} never happened in ${format.zone}`, ctx);
      }
      return resolution.shiftedForward;
  }
}

/**
 * Epoch milliseconds (UTC) from a provider's timestamp field. Rejections are `contract_violation`s:
 * `missing_offset` (an ISO timestamp without one), `invalid_instant` (unreadable, impossible or
 * out of range), `ambiguous_local_time` and `nonexistent_local_time` (see {@link LocalInstantFormat}).
 * An unknown zone is a RangeError: configuration, not data.
 */
export function parseInstant(value: unknown, format: InstantFormat, ctx?: CoercionContext): number {
  if (format.kind === 'unix_seconds') return parseUnix(value, 3, ctx);
  if (format.kind === 'unix_millis') return parseUnix(value, 0, ctx);
  if (typeof value !== 'string') {
    throw contractViolation('invalid_instant', `Expected timestamp text, got ${describeValue(value)}`, ctx);
  }
  return format.kind === 'iso8601' ? parseIso(value, ctx) : parseLocal(value, format, ctx);
}

/** Renders as Unix seconds (a number, with a fraction when there are milliseconds). */
export function formatInstant(epochMs: number, format: UnixSecondsFormat | UnixMillisFormat): number;
/** Renders as text: ISO 8601 in UTC or in a zone's offset, or a local wall-clock pattern. */
export function formatInstant(epochMs: number, format: IsoInstantFormat | ZonedIsoInstantFormat | LocalInstantFormat): string;
/**
 * Renders epoch milliseconds as `format` describes, so that {@link parseInstant} reads it back
 * (a local time the clocks showed twice comes back only with an `ambiguous` policy). An epoch that
 * is not an integer within Date's range, or whose year does not fit four digits, is a RangeError.
 */
export function formatInstant(epochMs: number, format: InstantFormat | ZonedIsoInstantFormat): string | number;
export function formatInstant(epochMs: number, format: InstantFormat | ZonedIsoInstantFormat): string | number {
  if (!Number.isSafeInteger(epochMs) || epochMs > MAX_EPOCH_MS || epochMs < -MAX_EPOCH_MS) {
    throw new RangeError(`Not an epoch in milliseconds: ${describeValue(epochMs)}`);
  }
  switch (format.kind) {
    case 'unix_millis':
      return epochMs;
    case 'unix_seconds':
      return decimalToNumber(shiftPoint(decimalFromSafeInteger(epochMs), -3));
    case 'iso8601': {
      const zone = 'zone' in format ? format.zone : undefined;
      if (zone === undefined) return `${renderWallTime(msToWallTime(epochMs), 'iso')}Z`;
      const offset = zoneOffsetMs(zone, epochMs);
      return `${renderWallTime(msToWallTime(epochMs + offset), 'iso')}${formatUtcOffset(offset)}`;
    }
    case 'local':
      return renderWallTime(msToWallTime(epochMs + zoneOffsetMs(format.zone, epochMs)), format.pattern ?? 'iso');
  }
}
