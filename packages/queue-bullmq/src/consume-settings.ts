import { hostname } from 'node:os';
import type { BackoffOptions, ConsumeOptions } from '@interlock/core';
import type { RateLimiterOptions } from 'bullmq';

/** One consume() call's options with the defaults applied. */
export interface ConsumeSettings {
  concurrency: number;
  maxAttempts: number;
  leaseMs: number;
  /** How often a worker looks for jobs whose lease ran out. */
  stalledIntervalMs: number;
  workerId: string;
  limiter: RateLimiterOptions | undefined;
  backoff: BackoffOptions;
}

/** Long enough for a provider call with its retries; a handler that can run longer needs a longer lease. */
const DEFAULT_LEASE_MS = 30_000;
const DEFAULT_MAX_ATTEMPTS = 5;

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new TypeError(`Invalid ${name}: expected an integer >= 1, got ${String(value)}`);
  return value;
}

/**
 * BullMQ's limiter lets `max` jobs start per `duration` ms, with integers. A whole rate keeps its
 * one-second window; a fractional one (0.5/s, 2.5/s) becomes one start per 1000/rate ms, which is
 * the same rate spread evenly.
 */
export function limiterFor(ratePerSecond: number | undefined): RateLimiterOptions | undefined {
  if (ratePerSecond === undefined) return undefined;
  if (!Number.isFinite(ratePerSecond) || ratePerSecond <= 0) {
    throw new TypeError(`Invalid ratePerSecond: expected a positive number, got ${String(ratePerSecond)}`);
  }
  if (Number.isInteger(ratePerSecond)) return { max: ratePerSecond, duration: 1000 };
  return { max: 1, duration: Math.ceil(1000 / ratePerSecond) };
}

/**
 * Applies the defaults and checks the options, so a bad option fails the consume() call rather
 * than showing up later as a worker that never takes anything.
 */
export function resolveConsumeSettings(options: ConsumeOptions, backoff: BackoffOptions): ConsumeSettings {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  if (!Number.isFinite(leaseMs) || leaseMs <= 0) throw new TypeError(`Invalid leaseMs: expected a positive number, got ${String(leaseMs)}`);
  const lease = Math.ceil(leaseMs);
  return {
    concurrency: positiveInteger('concurrency', options.concurrency ?? 1),
    maxAttempts: positiveInteger('maxAttempts', options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS),
    leaseMs: lease,
    // A job whose worker died is found on the check after its lock expired: checking every half
    // lease hands it out again within about 1.5 leases (BullMQ's default is one check per lease).
    stalledIntervalMs: Math.max(50, Math.ceil(lease / 2)),
    workerId: options.workerId ?? `${hostname()}:${process.pid}`,
    limiter: limiterFor(options.ratePerSecond),
    backoff,
  };
}
