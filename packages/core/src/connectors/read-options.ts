/** What a domain's reads take from their caller. */
export interface ReadOptions {
  /** Aborted when the caller stops waiting (the hub closing): a read in flight or waiting for its turn ends at once with the signal's reason. */
  signal?: AbortSignal | undefined;
  /**
   * The whole read, its wait for a turn under the provider's rate limits included, ends within
   * this: a read the limiter cannot start in time fails at once as `rate_limited` (reason
   * `rate_limit_wait_exceeds_budget`), nothing sent. For reads that are advice and must not hold
   * their caller (a worker) for minutes. Default: the connector's own deadline.
   */
  totalTimeoutMs?: number | undefined;
}

/**
 * A read's options as the client call that serves it takes them, so every connector hands on the
 * caller's signal and deadline the same way. `deadlineMs`: the connector's own bound on the read,
 * which the caller's may shorten but never extend.
 */
export function readCall(options: ReadOptions = {}, deadlineMs?: number): { signal?: AbortSignal; totalTimeoutMs?: number } {
  const { signal, totalTimeoutMs } = options;
  const bound = totalTimeoutMs === undefined ? deadlineMs : deadlineMs === undefined ? totalTimeoutMs : Math.min(totalTimeoutMs, deadlineMs);
  return { ...(signal ? { signal } : {}), ...(bound === undefined ? {} : { totalTimeoutMs: bound }) };
}
