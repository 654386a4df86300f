import { InvalidArgumentError } from 'commander';

const UNIT_MS: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * An instant on the command line: ISO 8601, epoch milliseconds, or a duration ago (`30m`, `2h`,
 * `7d`), measured from `now`.
 */
export function instant(text: string, now: number = Date.now()): number {
  const ago = /^(\d+)([smhd])$/.exec(text);
  if (ago) return now - Number(ago[1]) * (UNIT_MS[ago[2] as string] as number);
  const value = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  if (!Number.isFinite(value)) throw new InvalidArgumentError(`${text} is neither ISO 8601, epoch milliseconds nor a duration ago (30m, 2h, 7d)`);
  return value;
}

/** A commander parser for an instant (see {@link instant}). */
export function instantArgument(text: string): number {
  return instant(text);
}

/** A commander parser for a count of at least 1. */
export function positiveWhole(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1) throw new InvalidArgumentError(`${text} is not a whole number of at least 1`);
  return value;
}

/** A commander parser for a TCP port (0: any free one). */
export function port(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > 65_535) throw new InvalidArgumentError(`${text} is not a port (0 to 65535)`);
  return value;
}
