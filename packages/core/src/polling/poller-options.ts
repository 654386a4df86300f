import type { Clock } from '../clock/clock.js';
import { requireOption } from '../internal/require-option.js';
import { resolveBackoffOptions, type BackoffOptions, type Random } from '../retry/backoff.js';

/** How often and how long a poller reads, and whom it tells. */
export interface PollerOptions {
  clock: Clock;
  /** Wait between reads of one record. Default: base 5 s, cap 5 min, full jitter. */
  backoff?: BackoffOptions;
  /** How long a record is polled before the poller gives up and reports it. Default 24 h. */
  maxDurationMs?: number;
  /** Reads in flight at once, across all records; when more are due, the record tracked longest goes first. Default 4. */
  concurrency?: number;
  random?: Random;
  /** Names the provider in the error a given-up `whenSettled` rejects with. Default `unknown`. */
  provider?: string;
  /**
   * Called with every new state read (a changed status or update time), the settled one
   * included, before it counts as seen. A throw (the store was down) counts like a failed read:
   * the same state is offered again on the next read.
   */
  onState?(recordId: string, state: { status: string; updatedAt: number }): void | Promise<void>;
  /**
   * Called once when a record is still unsettled after `maxDurationMs`, with the last read's
   * error (undefined when the reads worked but the record never settled). Tracking has stopped.
   */
  onGiveUp?(recordId: string, lastError: unknown): void;
}

/** The options with defaults applied and checked. */
export interface ResolvedPollerOptions {
  clock: Clock;
  backoff: Required<BackoffOptions>;
  maxDurationMs: number;
  concurrency: number;
  random: Random;
  provider: string;
  /** The caller's options object itself, so its callbacks are called as methods (keeping `this`). */
  hooks: Pick<PollerOptions, 'onState' | 'onGiveUp'>;
}

/** A webhook usually arrives within seconds; polling fills in for the ones that never do. */
const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 5_000, capMs: 300_000, jitter: 'full' };
const DAY_MS = 24 * 60 * 60 * 1000;

/** Applies the defaults and fails fast on options under which polling would never end or never run. */
export function resolvePollerOptions(options: PollerOptions): ResolvedPollerOptions {
  const maxDurationMs = options.maxDurationMs ?? DAY_MS;
  const concurrency = options.concurrency ?? 4;
  requireOption('maxDurationMs', maxDurationMs, maxDurationMs > 0 && Number.isFinite(maxDurationMs), 'a positive finite number');
  requireOption('concurrency', concurrency, Number.isInteger(concurrency) && concurrency >= 1, 'an integer >= 1');
  return {
    clock: options.clock,
    backoff: resolveBackoffOptions({ ...DEFAULT_BACKOFF, ...options.backoff }),
    maxDurationMs,
    concurrency,
    random: options.random ?? Math.random,
    provider: options.provider ?? 'unknown',
    hooks: options,
  };
}
