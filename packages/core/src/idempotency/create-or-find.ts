import type { Clock } from '../clock/clock.js';
import { IntegrationError, integrationErrorFromJSON, isIntegrationError } from '../errors/integration-error.js';
import { requestFingerprint } from './fingerprint.js';
import type { BeginResult, IdempotencyStore, StoredOutcome } from './idempotency-store.js';
import { outcomeUnknown } from './outcome-unknown.js';
import { decideRetry, type RetryPolicy } from '../retry/retry-policy.js';
import type { Random } from '../retry/backoff.js';
import type { Emit } from '../telemetry/telemetry.js';

interface CreateOrFindBase<T> {
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
  /** Attempts and backoff between creates; the defaults are core's (3 attempts, 30 s). */
  retry?: RetryPolicy;
  random?: Random;
  emit?: Emit;
}

/** Where the creates under a caller's key are remembered, so that a repeat knows whether one was sent. */
export interface CreateRecord<T> {
  /**
   * Keeps, per key, that a create was about to be sent and how the call ended. It must outlive
   * the process (the hub's store on SQLite or PostgreSQL): a key it has forgotten is taken as
   * never sent, so its create goes out without a lookup.
   */
  store: IdempotencyStore;
  /** What the create sends: the same key with another body is a `conflict`. */
  body: unknown;
  /** The value a finished call returned, back from the store's JSON: what a repeat returns. */
  revive(stored: unknown): T;
}

/** A create the provider cannot dedupe, and how to find what an earlier attempt may have made. */
export type CreateOrFindOptions<T> = CreateOrFindBase<T> &
  (
    | {
        /**
         * Look before the first attempt too: the caller is retrying an earlier call that may have
         * created it (it passed its own idempotency key, for instance, after a crash). Without a
         * record of what was sent, every call with a caller's key has to.
         */
        findFirst?: boolean;
        /**
         * The key the create stores with the object and `find` matches on. When a create may have
         * reached the provider and the lookup after it fails, the call ends as `outcome_unknown` with
         * this key, unless `findFirst` says the caller keeps it and will look first when it calls again.
         */
        idempotencyKey?: string;
        record?: undefined;
      }
    | {
        /** The caller's key, which it sends again with every repeat of this create. */
        idempotencyKey: string;
        /**
         * Looks first only when a create under this key was sent before (a crash, a lost answer):
         * a key never sent goes straight to the create, and a call that finished is repeated
         * from the store without a request.
         */
        record: CreateRecord<T>;
        findFirst?: undefined;
      }
  );

/**
 * Creation made safe for a provider with no idempotency key for it (Razorpay orders): a failed
 * attempt that may have reached the provider is followed by a lookup, and only when the lookup
 * finds nothing is the create sent again. Failures that provably never reached the provider (a
 * refused connection, a 429 before processing) are retried straight away under the same policy.
 *
 * A caller that keeps its key may call again after a crash or a lost answer, when an earlier
 * create may be at the provider: with a `record`, the lookup runs first only for a key whose create
 * was sent before; with `findFirst`, on every call.
 *
 * The lookup must see what the create made: a provider whose lists lag behind its writes needs a
 * find that reads by the unique field directly.
 */
export async function createOrFind<T>(options: CreateOrFindOptions<T>): Promise<T> {
  if (options.record !== undefined) return createRecorded(options, options.record, options.idempotencyKey);
  const findFirst = options.findFirst === true;
  return createAndFind(options, { findFirst, callerKeepsKey: findFirst, idempotencyKey: options.idempotencyKey });
}

interface Plan {
  findFirst: boolean;
  /** A lookup failure is the caller's to retry (it keeps the key), not an `outcome_unknown`. */
  callerKeepsKey: boolean;
  idempotencyKey: string | undefined;
}

/** Kept up to date as the call runs, so that a failed call can tell what it leaves behind. */
interface Progress {
  /** A create may be at the provider that no lookup has ruled out. */
  unresolved: boolean;
}

async function createAndFind<T>(options: CreateOrFindBase<T>, plan: Plan, progress: Progress = { unresolved: false }): Promise<T> {
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
      if (plan.callerKeepsKey || !isIntegrationError(error) || !error.retryable) throw error;
      throw outcomeUnknown(createFailure, plan.idempotencyKey);
    }
  };
  if (plan.findFirst) {
    const existing = await found(0);
    if (existing !== undefined) return existing;
    progress.unresolved = false;
  }
  const started = clock.now();
  let previousDelayMs: number | undefined;
  for (let attempt = 1; ; attempt++) {
    progress.unresolved = true;
    try {
      return await options.create();
    } catch (error) {
      if (!isIntegrationError(error) || !error.retryable) throw error;
      if (error.requestMayHaveReachedProvider) {
        const existing = await lookAfter(attempt, error);
        if (existing !== undefined) return existing;
      }
      progress.unresolved = false;
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

// The mark's two values; nothing is ever replayed from them. Anything else read back counts as sent.
const markOf = (body: 'sent' | 'nothing_made'): StoredOutcome => ({ ok: true, status: 0, headers: {}, body });
const SENT = markOf('sent');
const NOTHING_MADE = markOf('nothing_made');

/**
 * Two records per key in the store: the call's claim and outcome (one run at a time, a finished
 * one replayed), and apart from it a mark saying whether a create may be at the provider. The
 * mark is set to sent before every run that sends, and never released, so it survives a crash, a
 * lost answer and the claim's lock timeout; a crash between the mark and the send costs one lookup
 * that finds nothing. A run that fails knowing nothing was made (no create left, or the lookup
 * after each found nothing) sets it back, so the next call does not look for what cannot be there.
 */
async function createRecorded<T>(options: CreateOrFindBase<T>, record: CreateRecord<T>, key: string): Promise<T> {
  const { store } = record;
  const { clock } = options;
  const scope = `${options.provider}:${options.endpoint}:create-or-find`;
  const markScope = `${scope}:sent`;
  const fingerprint = requestFingerprint({ method: 'POST', path: options.endpoint, body: record.body });
  const claim = await store.begin(scope, key, fingerprint, clock.now());
  if (claim.state !== 'new') return settled(options, record, claim);
  const progress: Progress = { unresolved: true };
  let value: T;
  try {
    const findFirst = await markSent(options, store, markScope, key, fingerprint);
    value = await createAndFind(options, { findFirst, callerKeepsKey: true, idempotencyKey: key }, progress);
  } catch (error) {
    if (isIntegrationError(error) && !error.retryable) {
      await store.complete(scope, key, { ok: false, error: error.toJSON() }, clock.now());
    } else {
      // A transient failure leaves the key free for the caller's next call.
      if (!progress.unresolved) await store.complete(markScope, key, NOTHING_MADE, clock.now());
      await store.release(scope, key);
    }
    throw error;
  }
  await store.complete(scope, key, { ok: true, status: 200, headers: {}, body: value }, clock.now());
  return value;
}

/** Marks the key as sent before anything is; true when a create under it may be at the provider already. */
async function markSent(options: CreateOrFindBase<unknown>, store: IdempotencyStore, scope: string, key: string, fingerprint: string): Promise<boolean> {
  const mark = await store.begin(scope, key, fingerprint, options.clock.now());
  if (mark.state === 'mismatch') throw keyConflict(options, 'idempotency_key_reused', 'idempotency key reused with a different payload');
  const sentBefore = mark.state === 'in_progress' || (mark.state === 'completed' && !(mark.outcome.ok && mark.outcome.body === 'nothing_made'));
  // Written over whatever was there (a cleared mark, or a run that got this far and lost its claim to the lock timeout).
  await store.complete(scope, key, SENT, options.clock.now());
  return sentBefore;
}

/** A call the store already holds: its outcome, or why it cannot run now. */
function settled<T>(options: CreateOrFindBase<T>, record: CreateRecord<T>, claim: Exclude<BeginResult, { state: 'new' }>): T {
  switch (claim.state) {
    case 'completed':
      if (!claim.outcome.ok) throw integrationErrorFromJSON(claim.outcome.error);
      return record.revive(claim.outcome.body);
    case 'in_progress':
      throw keyConflict(options, 'idempotency_in_progress', 'a create with this idempotency key is still running');
    case 'mismatch':
      throw keyConflict(options, 'idempotency_key_reused', 'idempotency key reused with a different payload');
  }
}

function keyConflict(options: CreateOrFindBase<unknown>, reason: string, message: string): IntegrationError {
  return new IntegrationError('conflict', `${options.provider} ${options.endpoint}: ${message}`, {
    provider: options.provider,
    endpoint: options.endpoint,
    reason,
    requestMayHaveReachedProvider: false,
  });
}
