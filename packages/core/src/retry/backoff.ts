import { requireOption } from '../internal/require-option.js';

/**
 * How randomness spreads the retries of many clients apart: `full` and `decorrelated` spread
 * them most, `equal` keeps a guaranteed minimum wait, `none` is the bare exponential (for tests
 * and single-client tools only: in a fleet it retries in lockstep).
 */
export type Jitter = 'full' | 'equal' | 'decorrelated' | 'none';

/** Shape of the wait between retries. */
export interface BackoffOptions {
  /** Ceiling of the first retry's delay, in ms. Default 100. */
  baseMs?: number;
  /** Growth of the ceiling per retry. Default 2. */
  factor?: number;
  /** No delay ever exceeds this, in ms. Default 30 000. */
  capMs?: number;
  /** Default `full`. */
  jitter?: Jitter;
}

/** A source of uniform numbers in [0, 1), injectable so that tests are deterministic. */
export type Random = () => number;

const JITTERS: readonly Jitter[] = ['full', 'equal', 'decorrelated', 'none'];

/** Applies the defaults and rejects options under which a delay would be meaningless. */
export function resolveBackoffOptions(options: BackoffOptions = {}): Required<BackoffOptions> {
  const baseMs = options.baseMs ?? 100;
  const factor = options.factor ?? 2;
  const capMs = options.capMs ?? 30_000;
  const jitter = options.jitter ?? 'full';
  requireOption('baseMs', baseMs, baseMs > 0 && Number.isFinite(baseMs), 'a positive finite number');
  requireOption('factor', factor, factor >= 1 && Number.isFinite(factor), 'a finite number >= 1');
  requireOption('capMs', capMs, capMs >= baseMs && Number.isFinite(capMs), 'a finite number >= baseMs');
  requireOption('jitter', jitter, JITTERS.includes(jitter), JITTERS.join(' | '));
  return { baseMs, factor, capMs, jitter };
}

/** A uniform integer in [low, high], robust to a `random` that strays outside [0, 1). */
function uniformInt(low: number, high: number, random: Random): number {
  const draw = random();
  const unit = draw > 0 ? Math.min(draw, 1) : 0;
  return Math.min(high, low + Math.floor(unit * (high - low + 1)));
}

/**
 * The delay in whole ms before retry number `retry` (1 = the first retry), never negative and
 * never above `capMs`. `previousDelayMs` feeds decorrelated jitter, which grows from the last
 * wait instead of from the retry number; it defaults to `baseMs`.
 */
export function backoffDelay(
  retry: number,
  options?: BackoffOptions,
  previousDelayMs?: number,
  random: Random = Math.random,
): number {
  if (!Number.isInteger(retry) || retry < 1) {
    throw new RangeError(`Invalid retry number: expected an integer >= 1, got ${retry}`);
  }
  const { baseMs, factor, capMs, jitter } = resolveBackoffOptions(options);
  const cap = Math.floor(capMs);
  // factor ** n overflows to Infinity for large n, which the cap turns back into a finite delay.
  const ceiling = Math.min(cap, Math.floor(baseMs * factor ** (retry - 1)));
  switch (jitter) {
    case 'none':
      return ceiling;
    case 'full':
      return uniformInt(0, ceiling, random);
    case 'equal':
      return uniformInt(Math.ceil(ceiling / 2), ceiling, random);
    case 'decorrelated': {
      // Clamping the previous delay keeps previous * 3 finite even after a huge Retry-After.
      const previous = previousDelayMs !== undefined && previousDelayMs >= 0 ? Math.min(previousDelayMs, cap) : baseMs;
      const low = Math.min(cap, Math.ceil(baseMs));
      return Math.min(cap, uniformInt(low, Math.max(low, Math.floor(previous * 3)), random));
    }
  }
}
