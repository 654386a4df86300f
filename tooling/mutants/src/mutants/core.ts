import type {
  AcquireRequest,
  backoffDelay,
  CircuitBreaker,
  CircuitPermit,
  parseContract,
  requestFingerprint,
  UnknownValueTracker,
  UnknownValueTrackerOptions,
  createOrFind,
  CreateOrFindOptions,
  decideRetry,
  guardTransition,
  IdempotencyStore,
  isSafeToRetry,
  outcomeUnknown,
  outsideReplayWindow,
  RateLimiter,
  Redactor,
  resolveRetryPolicy,
  verifyWebhook,
} from '@interlock/core';
import { switches } from '../switches.js';

// Each builder takes core's real module (what `vi.mock`'s importOriginal gives) and returns it with
// one function wrapped: the real function still decides everything its switch leaves alone.

/** core's retry policy with a 400 retried as if it were transient, up to the policy's attempts. */
export function retryingA400<M extends { decideRetry: typeof decideRetry; resolveRetryPolicy: typeof resolveRetryPolicy }>(real: M): M {
  const mutated: typeof decideRetry = (ctx, policy, random) => {
    if (!switches.retryA400 || ctx.error.status !== 400) return real.decideRetry(ctx, policy, random);
    return ctx.attempt < real.resolveRetryPolicy(policy).maxAttempts ? { retry: true, delayMs: 0, reason: 'mutant_retries_a_400' } : { retry: false, reason: 'attempts_exhausted' };
  };
  return { ...real, decideRetry: mutated };
}

/** core's ordering guard with the stale check (time) or the state machine's refusal removed. */
export function unguarded<M extends { guardTransition: typeof guardTransition }>(real: M): M {
  const mutated: typeof guardTransition = (machine, current, next) => {
    // Without the stale check, a record's time never makes an event too old.
    const decision = real.guardTransition(machine, switches.applyStale && current ? { ...current, updatedAt: Number.NEGATIVE_INFINITY } : current, next);
    if (switches.applyBackward && !decision.apply && decision.reason === 'backward_transition') return { apply: true };
    return decision;
  };
  return { ...real, guardTransition: mutated };
}

/**
 * core's createOrFind with the lookup gone (a create that may have reached the provider is simply
 * sent again), or with the record of begun creates forgotten: its store answers every claim on a
 * key's sent mark as new, so a key begun before looks never sent and its repeat creates at once.
 */
export function withoutLookup<M extends { createOrFind: typeof createOrFind }>(real: M): M {
  const mutated = <T>(options: CreateOrFindOptions<T>): Promise<T> => {
    if (switches.createWithoutLookup) return real.createOrFind<T>({ ...options, find: () => Promise.resolve(undefined), findFirst: false, record: undefined });
    if (switches.forgetBegunCreates && options.record !== undefined) {
      const store = options.record.store;
      const forgetful: IdempotencyStore = {
        begin: (scope, key, fingerprint, now) => (scope.endsWith(':sent') ? Promise.resolve({ state: 'new' }) : store.begin(scope, key, fingerprint, now)),
        complete: (scope, key, outcome, now) => store.complete(scope, key, outcome, now),
        release: (scope, key) => store.release(scope, key),
      };
      return real.createOrFind<T>({ ...options, record: { ...options.record, store: forgetful } });
    }
    return real.createOrFind(options);
  };
  return { ...real, createOrFind: mutated };
}

/** core's Redactor, letting through every secret `switches.leak` picks out; the rest it hides as ever. */
export function leakyRedactor<M extends { Redactor: typeof Redactor }>(real: M): M {
  class LeakyRedactor extends real.Redactor {
    override addSecret(secret: string): void {
      if (switches.leak?.(secret)) return;
      super.addSecret(secret);
    }
  }
  return { ...real, Redactor: LeakyRedactor };
}

/** core's safe-retry rule ignoring the method and the key: a POST that may have reached the provider is repeated too. */
export function retryingUnsafe<M extends { isSafeToRetry: typeof isSafeToRetry }>(real: M): M {
  const mutated: typeof isSafeToRetry = (...args) => switches.retryUnsafe || real.isSafeToRetry(...args);
  return { ...real, isSafeToRetry: mutated };
}

/** core's RateLimiter granting every slot at once without counting it. */
export function unlimited<M extends { RateLimiter: typeof RateLimiter }>(real: M): M {
  class UnlimitedRateLimiter extends real.RateLimiter {
    // acquire() and the client's request path both take their slot through acquireAt().
    override acquireAt(request: AcquireRequest, now: number): number | Promise<number> {
      return switches.limiterNeverWaits ? 0 : super.acquireAt(request, now);
    }
  }
  return { ...real, RateLimiter: UnlimitedRateLimiter };
}

/** core's webhook verifier taking a signature that does not match for a good one. */
export function acceptingForgeries<M extends { verifyWebhook: typeof verifyWebhook }>(real: M): M {
  const mutated: typeof verifyWebhook = (scheme, input) => {
    const result = real.verifyWebhook(scheme, input);
    return switches.acceptForged && !result.ok && result.reason === 'signature_mismatch' ? { ok: true, secretIndex: 0 } : result;
  };
  return { ...real, verifyWebhook: mutated };
}

/** core's replay window for schemes that sign no timestamp, never finding a delivery too old. */
export function withoutReplayWindow<M extends { outsideReplayWindow: typeof outsideReplayWindow }>(real: M): M {
  const mutated: typeof outsideReplayWindow = (...args) => !switches.noReplayWindow && real.outsideReplayWindow(...args);
  return { ...real, outsideReplayWindow: mutated };
}

/** core's contract parser with its drift kept quiet: the `contract.drift` event is never emitted. */
export function quietDrift<M extends { parseContract: typeof parseContract }>(real: M): M {
  const mutated: typeof parseContract = (contract, input, ctx = {}) => {
    const emit = ctx.emit;
    if (!switches.silentDrift || emit === undefined) return real.parseContract(contract, input, ctx);
    return real.parseContract(contract, input, { ...ctx, emit: (event) => (event.type === 'contract.drift' ? undefined : emit(event)) });
  };
  return { ...real, parseContract: mutated };
}

/** core's unknown-value tracker kept per call instead of per provider: every sighting is counted as the first. */
export function forgetfulTracker<M extends { UnknownValueTracker: typeof UnknownValueTracker }>(real: M): M {
  class ForgetfulTracker extends real.UnknownValueTracker {
    private readonly options: UnknownValueTrackerOptions;
    constructor(options: UnknownValueTrackerOptions) {
      super(options);
      this.options = options;
    }
    override record(enumName: string, raw: string): void {
      if (switches.forgetSightings) new real.UnknownValueTracker(this.options).record(enumName, raw);
      else super.record(enumName, raw);
    }
  }
  return { ...real, UnknownValueTracker: ForgetfulTracker };
}

/** core's backoff with jitter turned off: the delay is the exponential ceiling, the same for every caller. */
export function withoutJitter<M extends { backoffDelay: typeof backoffDelay }>(real: M): M {
  const mutated: typeof backoffDelay = (retry, options, previousDelayMs, random) =>
    real.backoffDelay(retry, switches.noJitter ? { ...options, jitter: 'none' } : options, previousDelayMs, random);
  return { ...real, backoffDelay: mutated };
}

/** core's circuit breaker that never refuses: a provider known to be down is still sent every call. */
export function neverOpen<M extends { CircuitBreaker: typeof CircuitBreaker }>(real: M): M {
  class NeverOpenBreaker extends real.CircuitBreaker {
    override tryAcquire(): CircuitPermit {
      return switches.breakerAlwaysClosed ? { allowed: true, probe: false } : super.tryAcquire();
    }
  }
  return { ...real, CircuitBreaker: NeverOpenBreaker };
}

/** core's request fingerprint without the body: the same key with another amount reads as the same request. */
export function bodylessFingerprint<M extends { requestFingerprint: typeof requestFingerprint }>(real: M): M {
  const mutated: typeof requestFingerprint = (request) => real.requestFingerprint(switches.fingerprintWithoutBody ? { ...request, body: undefined } : request);
  return { ...real, requestFingerprint: mutated };
}

/** core's uncertain-outcome rule gone: a write that may have happened ends as its last failure, which its caller would retry under a new key. */
export function certainFailures<M extends { outcomeUnknown: typeof outcomeUnknown }>(real: M): M {
  const mutated: typeof outcomeUnknown = (error, idempotencyKey) => (switches.forgetUncertainty ? error : real.outcomeUnknown(error, idempotencyKey));
  return { ...real, outcomeUnknown: mutated };
}
