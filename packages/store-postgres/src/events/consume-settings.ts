import { hostname } from 'node:os';
import type { Clock, ConsumeOptions } from '@interlock/core';
import type { ClaimLoopSettings } from './claim-loop.js';
import { StartWindow } from './start-window.js';

/** What the store, rather than each consume() call, decides about its consumers. */
export interface QueueSettings {
  clock: Clock;
  idlePollMs: number;
  onError: (error: unknown) => void;
}

/** Long enough for a provider call with its retries; a handler that can run longer needs a longer lease. */
const DEFAULT_LEASE_MS = 30_000;
const DEFAULT_MAX_ATTEMPTS = 5;

function requirePositiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new TypeError(`Invalid ${name}: expected an integer >= 1, got ${String(value)}`);
  return value;
}

/**
 * Applies the defaults to one consume() call's options and checks them, so a bad option fails
 * the call rather than showing up later as a consumer that never takes anything.
 */
export function resolveConsumeSettings(options: ConsumeOptions, queue: QueueSettings): ClaimLoopSettings {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  if (!Number.isFinite(leaseMs) || leaseMs <= 0) throw new TypeError(`Invalid leaseMs: expected a positive number, got ${String(leaseMs)}`);
  return {
    concurrency: requirePositiveInteger('concurrency', options.concurrency ?? 1),
    maxAttempts: requirePositiveInteger('maxAttempts', options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS),
    // Whole milliseconds: the lease end is stored as a bigint.
    leaseMs: Math.ceil(leaseMs),
    workerId: options.workerId ?? `${hostname()}:${process.pid}`,
    window: options.ratePerSecond === undefined ? undefined : new StartWindow(options.ratePerSecond),
    idlePollMs: queue.idlePollMs,
    clock: queue.clock,
    onError: queue.onError,
  };
}
