import { resolveConsumeOptions, type ConsumeOptions, type ConsumeSettings, type EventRetryBackoff, type StartRate } from '@interlock/core';
import type { RateLimiterOptions } from 'bullmq';

/** One consume() call's settings, with what a BullMQ worker needs besides. */
export interface BullmqConsumeSettings extends ConsumeSettings {
  /** How often a worker looks for jobs whose lease ran out. */
  stalledIntervalMs: number;
  limiter: RateLimiterOptions | undefined;
  backoff: EventRetryBackoff;
}

/** BullMQ's limiter is the start rate the SQL engines enforce, kept in Redis: `max` starts per `duration` ms. */
export function limiterFor(rate: StartRate | undefined): RateLimiterOptions | undefined {
  return rate && { max: rate.limit, duration: rate.windowMs };
}

/** The shared consume settings, and the worker's own derived from them. */
export function resolveConsumeSettings(options: ConsumeOptions, backoff: EventRetryBackoff): BullmqConsumeSettings {
  const settings = resolveConsumeOptions(options);
  return {
    ...settings,
    // A job whose worker died is found on the check after its lock expired: checking every half
    // lease hands it out again within about 1.5 leases (BullMQ's default is one check per lease).
    stalledIntervalMs: Math.max(50, Math.ceil(settings.leaseMs / 2)),
    limiter: limiterFor(settings.startRate),
    backoff,
  };
}
