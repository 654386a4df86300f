import { backoffDelay, resolveBackoffOptions, type BackoffOptions, type Random } from '../retry/backoff.js';

/** The wait in ms before an event that failed on delivery number `attempts` (1 = the first) is handed out again. */
export type EventRetryBackoff = (attempts: number) => number;

/**
 * Events wait far longer than calls: a handler that asks for a retry without saying when is
 * usually waiting on a provider or on an earlier event, which takes seconds to minutes.
 */
const EVENT_BACKOFF: Required<BackoffOptions> = { baseMs: 1_000, factor: 2, capMs: 5 * 60_000, jitter: 'full' };

/**
 * The backoff of every event queue engine: 1 s doubling up to 5 minutes, with full jitter, since
 * a burst of events failing together (a provider outage) must not come back in lockstep. `options`
 * override those defaults one by one, and are checked here rather than at the first retry.
 */
export function eventRetryBackoff(options: BackoffOptions = {}, random?: Random): EventRetryBackoff {
  const resolved = resolveBackoffOptions({ ...EVENT_BACKOFF, ...options });
  // Without `random`, backoffDelay reads Math.random at each draw, so stubbing it reaches the engines' default too.
  return (attempts) => backoffDelay(attempts, resolved, undefined, random);
}
