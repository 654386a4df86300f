import type { Clock } from '../clock/clock.js';
import { isIntegrationError, type IntegrationError } from '../errors/integration-error.js';
import { outcomeUnknown } from './outcome-unknown.js';
import { decideRetry, type RetryPolicy } from '../retry/retry-policy.js';
import type { Random } from '../retry/backoff.js';
import type { Emit } from '../telemetry/telemetry.js';

/** A create the provider cannot dedupe, and how to find what an earlier attempt may have made. */
export interface CreateOrFindOptions<T> {
  provider: string;
  endpoint: string;
  clock: Clock;
  /** One attempt at creating; its client endpoint should not retry by itself (no idempotency header). */
  create(): Promise<T>;
  /**
   * Looks the object up by something unique the create sent (a receipt, a client reference);
   * undefined when the provider has none. A failure here fails the whole call, since creating
   * again without knowing could make a second one.
   */
  find(): Promise<T | undefined>;
  /**
   * Look before the first attempt too: the caller is retrying an earlier call that may have
   * created it (it passed its own idempotency key, for instance, after a crash).
   */
  findFirst?: boolean;
  /**
   * The key the create stores with the object and `find` matches on. When a create may have
   * reached the provider and the lookup after it fails, the call ends as `outcome_unknown` with
   * this key, unless `findFirst` says the caller keeps it and will look first when it calls again.
   */
  idempotencyKey?: string;
  /** Attempts and backoff between creates; the defaults are core's (3 attempts, 30 s). */
  retry?: RetryPolicy;
  random?: Random;
  emit?: Emit;
}

/**
 * Creation made safe for a provider with no idempotency key for it (Razorpay orders): a failed
 * attempt that may have reached the provider is followed by a lookup, and only when the lookup
 * finds nothing is the create sent again. Failures that provably never reached the provider (a
 * refused connection, a 429 before processing) are retried straight away under the same policy.
 *
 * The lookup must see what the create made: a provider whose lists lag behind its writes needs a
 * find that reads by the unique field directly.
 */
export async function createOrFind<T>(options: CreateOrFindOptions<T>): Promise<T> {
  const { clock, provider, endpoint } = options;
  const found = async (attempt: number): Promise<T | undefined> => {
    const existing = await options.find();
    if (existing !== undefined) options.emit?.({ type: 'idempotency.found_existing', at: clock.now(), provider, endpoint, attempt });
    return existing;
  };
  // Without a lookup that worked, a create that may have reached the provider is neither done nor undone.
  const lookAfter = async (attempt: number, createFailure: IntegrationError): Promise<T | undefined> => {
    try {
      return await found(attempt);
    } catch (error) {
      if (options.findFirst === true || !isIntegrationError(error) || !error.retryable) throw error;
      throw outcomeUnknown(createFailure, options.idempotencyKey);
    }
  };
  if (options.findFirst === true) {
    const existing = await found(0);
    if (existing !== undefined) return existing;
  }
  const started = clock.now();
  let previousDelayMs: number | undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      return await options.create();
    } catch (error) {
      if (!isIntegrationError(error) || !error.retryable) throw error;
      if (error.requestMayHaveReachedProvider) {
        const existing = await lookAfter(attempt, error);
        if (existing !== undefined) return existing;
      }
      // After a lookup that found nothing, sending the create again cannot make a second object.
      const decision = decideRetry(
        { error, attempt, elapsedMs: clock.now() - started, method: 'POST', hasIdempotencyKey: true, previousDelayMs },
        options.retry,
        options.random,
      );
      if (!decision.retry) throw error;
      previousDelayMs = decision.delayMs;
      await clock.sleep(decision.delayMs);
    }
  }
}
