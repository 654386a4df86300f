import { requireOptionInRange } from '../internal/require-option.js';
import type { ConsumeOptions } from './event-queue.js';
import { startRateOf, type StartRate } from './start-window.js';

/** One `consume()` call's options with the defaults every engine shares applied and checked. */
export interface ConsumeSettings {
  concurrency: number;
  maxAttempts: number;
  /** Whole milliseconds: engines store lease ends as integers, and BullMQ's lock takes one. */
  leaseMs: number;
  workerId: string;
  /** Undefined when the consumer has no `ratePerSecond`: it starts events as fast as slots free up. */
  startRate: StartRate | undefined;
}

/** A lease long enough for a provider round trip with its retries; a slower handler needs a longer one. */
const DEFAULT_LEASE_MS = 30_000;
const DEFAULT_MAX_ATTEMPTS = 5;

function positiveInteger(name: string, value: number): number {
  requireOptionInRange(name, value, Number.isInteger(value) && value >= 1, 'an integer >= 1');
  return value;
}

/**
 * Applies the contract's defaults and checks the options, so that a bad option fails the
 * `consume()` call with a RangeError naming it, rather than showing up later as a consumer that
 * never takes anything.
 */
export function resolveConsumeOptions(options: ConsumeOptions = {}): ConsumeSettings {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  requireOptionInRange('leaseMs', leaseMs, leaseMs > 0 && Number.isFinite(leaseMs), 'a positive finite number');
  const workerId = options.workerId ?? 'worker';
  requireOptionInRange('workerId', workerId, typeof workerId === 'string' && workerId.length > 0, 'a non-empty string');
  return {
    concurrency: positiveInteger('concurrency', options.concurrency ?? 1),
    maxAttempts: positiveInteger('maxAttempts', options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS),
    leaseMs: Math.ceil(leaseMs),
    workerId,
    startRate: options.ratePerSecond === undefined ? undefined : startRateOf(options.ratePerSecond),
  };
}
