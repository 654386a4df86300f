import type { AuthAttempt, AuthStrategy } from '../auth/index.js';
import { countsAsBreakerFailure, type CircuitBreaker, type CircuitPermit } from '../circuit-breaker/index.js';
import type { Clock } from '../clock/clock.js';
import type { ProviderErrorTable } from '../errors/error-table.js';
import { IntegrationError, isIntegrationError } from '../errors/integration-error.js';
import type { RateLimiter, RateLimitRule, RateWindow } from '../rate-limit/index.js';
import type { Redactor } from '../redaction/redactor.js';
import { decideRetry, type Random, type RetryBudget, type RetryDecision, type RetryPolicy } from '../retry/index.js';
import type { Emit } from '../telemetry/telemetry.js';
import { attemptSignal } from './attempt-signal.js';
import { malformedBodyFailure, parseBody, responseFailure, transportFailure, type FailureScope } from './classify-failure.js';
import { registerAddedCredentials } from './credential-capture.js';
import type { Transport, TransportResponse } from './transport.js';

/** Everything the pipeline needs that lives as long as the client. */
export interface PipelineDeps {
  provider: string;
  clock: Clock;
  emit: Emit;
  transport: Transport;
  limiter: RateLimiter;
  redactor: Redactor;
  random: Random;
  auth?: AuthStrategy | undefined;
  errors?: ProviderErrorTable | undefined;
  retryBudget?: RetryBudget | undefined;
  accountRateLimits: readonly RateWindow[];
  observeRateLimitHeaders: boolean;
}

/** One call, fully prepared: the same headers (correlation id, idempotency key) go on every attempt. */
export interface PreparedCall {
  endpoint: string;
  method: string;
  url: URL;
  headers: Headers;
  body?: string | undefined;
  correlationId: string;
  idempotencyKey?: string | undefined;
  idempotentEndpoint: boolean;
  timeoutMs: number;
  retry: RetryPolicy;
  endpointRateLimits: readonly RateWindow[];
  breaker?: CircuitBreaker | undefined;
  startedAt: number;
  deadline: number;
  signal?: AbortSignal | undefined;
}

export interface PipelineSuccess {
  response: TransportResponse;
  body: unknown;
  attempts: number;
}

/** `local` marks a refusal made on our side (limiter, auth) that says nothing about the provider's health. */
type AttemptResult = { ok: true; response: TransportResponse; body: unknown } | { ok: false; error: IntegrationError; local?: boolean };

/**
 * The retry loop: each attempt passes the circuit breaker, auth, the rate limiter and a timed
 * HTTP exchange; each failure is classified and the retry policy, the global retry budget and
 * the call's deadline decide whether another attempt follows.
 */
export async function runPipeline(deps: PipelineDeps, call: PreparedCall): Promise<PipelineSuccess> {
  let previousDelayMs: number | undefined;
  let anyMayHaveReached = false;
  for (let attempt = 1; ; attempt++) {
    const result = await runAttempt(deps, call, attempt);
    if (result.ok) return { response: result.response, body: result.body, attempts: attempt };
    const error = result.error.with({ attempts: attempt });
    anyMayHaveReached ||= error.requestMayHaveReachedProvider;
    const decision = decide(deps, call, error, attempt, previousDelayMs);
    const scope = { provider: deps.provider, endpoint: call.endpoint, correlationId: call.correlationId };
    if (!decision.retry) {
      deps.emit({ type: 'request.gave_up', at: deps.clock.now(), ...scope, attempts: attempt, reason: decision.reason, errorKind: error.kind });
      // A lost answer followed by a local refusal (open circuit, limiter) still may have done the work.
      throw anyMayHaveReached ? error.with({ requestMayHaveReachedProvider: true }) : error;
    }
    deps.emit({
      type: 'request.retried',
      at: deps.clock.now(),
      ...scope,
      attempt,
      delayMs: decision.delayMs,
      reason: decision.reason,
      errorKind: error.kind,
    });
    await deps.clock.sleep(decision.delayMs, call.signal);
    previousDelayMs = decision.delayMs;
  }
}

function decide(deps: PipelineDeps, call: PreparedCall, error: IntegrationError, attempt: number, previousDelayMs: number | undefined): RetryDecision {
  const decision = decideRetry(
    {
      error,
      attempt,
      elapsedMs: deps.clock.now() - call.startedAt,
      method: call.method,
      hasIdempotencyKey: call.idempotencyKey !== undefined,
      idempotentEndpoint: call.idempotentEndpoint,
      ...(previousDelayMs === undefined ? {} : { previousDelayMs }),
    },
    { ...call.retry, maxElapsedMs: call.deadline - call.startedAt },
    deps.random,
  );
  if (decision.retry && deps.retryBudget && !deps.retryBudget.tryAcquireRetry()) {
    deps.emit({ type: 'retry_budget.exhausted', at: deps.clock.now(), provider: deps.provider, endpoint: call.endpoint, correlationId: call.correlationId });
    return { retry: false, reason: 'retry_budget_exhausted' };
  }
  return decision;
}

async function runAttempt(deps: PipelineDeps, call: PreparedCall, attempt: number): Promise<AttemptResult> {
  const scope: FailureScope = { provider: deps.provider, endpoint: call.endpoint, correlationId: call.correlationId, attempts: attempt };
  const permit = call.breaker?.tryAcquire();
  if (permit && !permit.allowed) {
    return {
      ok: false,
      error: new IntegrationError('unavailable', `${deps.provider} ${call.endpoint} is unavailable: circuit open`, {
        ...scope,
        reason: 'circuit_open',
        retryAfterMs: permit.retryAfterMs,
        requestMayHaveReachedProvider: false,
      }),
    };
  }
  const granted = permit as (CircuitPermit & { allowed: true }) | undefined;
  let result: AttemptResult;
  try {
    result = await exchange(deps, call, scope);
  } catch (error) {
    if (granted) call.breaker?.recordIgnored(granted);
    throw error;
  }
  if (granted) {
    if (result.ok) call.breaker?.recordSuccess(granted);
    else if (result.local) call.breaker?.recordIgnored(granted);
    else if (countsAsBreakerFailure(result.error.kind)) call.breaker?.recordFailure(granted);
    else call.breaker?.recordSuccess(granted);
  }
  return result;
}

interface LimiterKeys {
  account: string;
  endpoint: string;
  rules: RateLimitRule[];
}

/** Limits are kept per credential id (never the secret), since providers count per key. */
function limiterKeys(deps: PipelineDeps, call: PreparedCall, credentialId: string): LimiterKeys {
  const account = `${deps.provider}:${credentialId}:account`;
  const endpoint = `${deps.provider}:${credentialId}:endpoint:${call.endpoint}`;
  return {
    account,
    endpoint,
    rules: [
      { key: account, windows: deps.accountRateLimits },
      { key: endpoint, windows: call.endpointRateLimits },
    ],
  };
}

/** One HTTP exchange; a 401 that the auth strategy can answer with another credential is re-sent once at once. */
async function exchange(deps: PipelineDeps, call: PreparedCall, scope: FailureScope): Promise<AttemptResult> {
  const { clock, emit } = deps;
  for (let reauthenticated = false; ; reauthenticated = true) {
    // Auth writes credentials onto the request; without auth the prepared values are shared as is.
    const headers = deps.auth ? new Headers(call.headers) : call.headers;
    const url = deps.auth ? new URL(call.url) : call.url;
    let authAttempt: AuthAttempt | undefined;
    let limits: LimiterKeys;
    let chargedAt: number;
    try {
      if (deps.auth) {
        authAttempt = await deps.auth.authorize({ headers, url }, call.signal);
        registerAddedCredentials(deps.redactor, call, headers, url);
      }
      limits = limiterKeys(deps, call, authAttempt?.credentialId ?? 'anonymous');
      const asked = clock.now();
      chargedAt = asked + (await deps.limiter.acquire({ rules: limits.rules, maxWaitMs: call.deadline - asked, scope, ...(call.signal ? { signal: call.signal } : {}) }));
    } catch (error) {
      if (isIntegrationError(error)) {
        return { ok: false, local: true, error: error.with({ correlationId: call.correlationId, attempts: scope.attempts }) };
      }
      throw error;
    }

    deps.retryBudget?.recordRequest();
    const started = clock.now();
    emit({ type: 'request.started', at: started, ...scope, method: call.method, attempt: scope.attempts, idempotencyKey: call.idempotencyKey, origin: url.origin });
    const result = await send(deps, call, scope, url, headers);
    const finished = clock.now();
    // An answer, whatever its status, measured from the moment its slot was charged (a shared
    // store's round trip included): how far apart requests charged a window apart can land.
    if (result.response) deps.limiter.observeRoundTrip(call.endpoint, finished - chargedAt);
    const failure = result.ok ? undefined : result.error;
    emit({
      type: 'request.finished',
      at: finished,
      ...scope,
      method: call.method,
      attempt: scope.attempts,
      durationMs: finished - started,
      outcome: failure ? 'failure' : 'success',
      status: result.ok ? result.response.status : failure?.status,
      errorKind: failure?.kind,
      reason: failure?.reason,
    });
    if (result.response && deps.observeRateLimitHeaders) {
      // The headers describe the provider's budget: the account's when we know one, else the endpoint's.
      const described = deps.accountRateLimits.length > 0 ? limits.account : limits.endpoint;
      await deps.limiter.observeHeaders(described, result.response.headers, deps.provider);
    }
    if (failure?.kind === 'rate_limited' && failure.retryAfterMs !== undefined) {
      // Everyone queued behind this call would earn the same 429: hold the whole endpoint.
      await deps.limiter.pauseUntil(limits.endpoint, finished + failure.retryAfterMs);
    }
    if (failure?.status === 401 && deps.auth && authAttempt && !reauthenticated && (await deps.auth.onRejected(authAttempt))) continue;
    return result.ok ? result : { ok: false, error: result.error };
  }
}

type SendResult =
  | { ok: true; response: TransportResponse; body: unknown }
  | { ok: false; error: IntegrationError; response?: TransportResponse | undefined };

async function send(deps: PipelineDeps, call: PreparedCall, scope: FailureScope, url: URL, headers: Headers): Promise<SendResult & { response?: TransportResponse }> {
  const { clock } = deps;
  const timer = attemptSignal(clock, call.timeoutMs, call.deadline, call.signal);
  let response: TransportResponse;
  try {
    response = await deps.transport({
      method: call.method,
      url,
      headers,
      body: call.body,
      get signal() {
        return timer.signal;
      },
    });
  } catch (error) {
    if (timer.cause() === 'caller') throw call.signal?.reason ?? error;
    return { ok: false, error: transportFailure(error, timer.cause(), scope, deps.redactor) };
  } finally {
    timer.dispose();
  }
  const parsed = parseBody(response);
  if (!parsed.ok) {
    const failure = responseFailure(response, undefined, deps.errors, scope, deps.redactor, clock.now());
    return { ok: false, response, error: failure ?? malformedBodyFailure(response, scope) };
  }
  const failure = responseFailure(response, parsed.value, deps.errors, scope, deps.redactor, clock.now());
  return failure ? { ok: false, response, error: failure } : { ok: true, response, body: parsed.value };
}
