import type { AuthAttempt, AuthStrategy } from '../auth/index.js';
import { countsAsBreakerFailure, type CircuitPermit } from '../circuit-breaker/index.js';
import type { Clock } from '../clock/clock.js';
import type { ProviderErrorTable } from '../errors/error-table.js';
import { IntegrationError, isIntegrationError } from '../errors/integration-error.js';
import { parseRateLimitHeaders, type RateLimiter, type RateWindow } from '../rate-limit/index.js';
import type { Redactor } from '../redaction/redactor.js';
import { decideRetry, type Random, type RetryBudget, type RetryDecision } from '../retry/index.js';
import { noopEmit, type Emit } from '../telemetry/telemetry.js';
import { AttemptSignal } from './attempt-signal.js';
import { malformedBodyFailure, parseBody, responseFailure, transportFailure, type FailureScope } from './classify-failure.js';
import { registerAddedCredentials } from './credential-capture.js';
import type { EndpointPlan, LimiterKeys } from './endpoint-plan.js';
import { OutgoingRequest } from './outgoing-request.js';
import { toHeaders, type HeaderRecord } from './prepare-request.js';
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
  plan: EndpointPlan;
  href: string;
  headers: HeaderRecord;
  body?: string | undefined;
  correlationId: string;
  idempotencyKey?: string | undefined;
  startedAt: number;
  deadline: number;
  signal?: AbortSignal | undefined;
}

export interface PipelineSuccess {
  response: TransportResponse;
  /** The response's headers as a record, read once for everything that looks at them. */
  headers: Record<string, string>;
  body: unknown;
  attempts: number;
}

/** `local` marks a refusal made on our side (limiter, auth) that says nothing about the provider's health. */
type AttemptResult =
  | { ok: true; response: TransportResponse; headers: Record<string, string>; body: unknown; finishedAt: number }
  | { ok: false; error: IntegrationError; local?: boolean };

type SendResult =
  | { ok: true; response: TransportResponse; headers: Record<string, string>; body: unknown; finishedAt: number }
  | { ok: false; error: IntegrationError; response?: TransportResponse | undefined; headers?: Record<string, string> | undefined };

/** Where an attempt's slot was charged and under which keys, and when the request left. */
interface Charged {
  limits: LimiterKeys;
  at: number;
  sentAt: number;
}

/** The request's own URL and headers, once auth has written credentials onto them. */
interface Authorized {
  url: URL;
  headers: Headers;
}

/**
 * The retry loop: each attempt passes the circuit breaker, auth, the rate limiter and a timed
 * HTTP exchange; each failure is classified and the retry policy, the global retry budget and
 * the call's deadline decide whether another attempt follows.
 *
 * Made once per client. Per attempt it reads the clock once per step and builds nothing a
 * transport does not ask for; the telemetry events are built only when a sink will read them.
 */
export class CallPipeline {
  private readonly deps: PipelineDeps;
  private readonly observed: boolean;

  constructor(deps: PipelineDeps) {
    this.deps = deps;
    this.observed = deps.emit !== noopEmit;
  }

  async run(call: PreparedCall): Promise<PipelineSuccess> {
    const { deps } = this;
    let previousDelayMs: number | undefined;
    let anyMayHaveReached = false;
    for (let attempt = 1; ; attempt++) {
      const result = await this.attempt(call, attempt);
      if (result.ok) return { response: result.response, headers: result.headers, body: result.body, attempts: attempt };
      const error = result.error.with({ attempts: attempt });
      anyMayHaveReached ||= error.requestMayHaveReachedProvider;
      const decision = this.decide(call, error, attempt, previousDelayMs);
      const scope = { provider: deps.provider, endpoint: call.plan.name, correlationId: call.correlationId };
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

  private decide(call: PreparedCall, error: IntegrationError, attempt: number, previousDelayMs: number | undefined): RetryDecision {
    const { deps } = this;
    const { plan } = call;
    const decision = decideRetry(
      {
        error,
        attempt,
        elapsedMs: deps.clock.now() - call.startedAt,
        method: plan.method,
        hasIdempotencyKey: call.idempotencyKey !== undefined,
        idempotentEndpoint: plan.idempotentEndpoint,
        ...(previousDelayMs === undefined ? {} : { previousDelayMs }),
      },
      { ...plan.retry, maxElapsedMs: call.deadline - call.startedAt },
      deps.random,
    );
    if (decision.retry && deps.retryBudget && !deps.retryBudget.tryAcquireRetry()) {
      deps.emit({ type: 'retry_budget.exhausted', at: deps.clock.now(), provider: deps.provider, endpoint: plan.name, correlationId: call.correlationId });
      return { retry: false, reason: 'retry_budget_exhausted' };
    }
    return decision;
  }

  /** One attempt behind the circuit breaker: the permit is handed back with what the exchange says about the provider's health. */
  private async attempt(call: PreparedCall, attempt: number): Promise<AttemptResult> {
    const { breaker } = call.plan;
    const scope: FailureScope = { provider: this.deps.provider, endpoint: call.plan.name, correlationId: call.correlationId, attempts: attempt };
    const permit = breaker?.tryAcquire();
    if (permit && !permit.allowed) {
      return {
        ok: false,
        error: new IntegrationError('unavailable', `${this.deps.provider} ${call.plan.name} is unavailable: circuit open`, {
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
      result = await this.exchange(call, scope);
    } catch (error) {
      if (granted) breaker?.recordIgnored(granted);
      throw error;
    }
    if (granted) {
      if (result.ok) breaker?.recordSuccess(granted, result.finishedAt);
      else if (result.local) breaker?.recordIgnored(granted);
      else if (countsAsBreakerFailure(result.error.kind)) breaker?.recordFailure(granted);
      else breaker?.recordSuccess(granted);
    }
    return result;
  }

  /** One HTTP exchange; a 401 that the auth strategy can answer with another credential is re-sent once at once. */
  private async exchange(call: PreparedCall, scope: FailureScope): Promise<AttemptResult> {
    const { deps } = this;
    for (let reauthenticated = false; ; reauthenticated = true) {
      let authorized: Authorized | undefined;
      let authAttempt: AuthAttempt | undefined;
      let charged: Charged;
      try {
        if (deps.auth) {
          // Auth writes credentials onto its own copies; without auth the prepared values are sent as they are.
          authorized = { url: new URL(call.href), headers: toHeaders(call.headers) };
          authAttempt = await deps.auth.authorize(authorized, call.signal);
          registerAddedCredentials(deps.redactor, { headers: call.headers, href: call.href }, authorized.headers, authorized.url);
        }
        const limits = call.plan.limitsFor(authAttempt?.credentialId ?? 'anonymous');
        const asked = deps.clock.now();
        const request = { rules: limits.rules, maxWaitMs: call.deadline - asked, scope, ...(call.signal ? { signal: call.signal } : {}) };
        const waiting = deps.limiter.acquireAt(request, asked);
        if (typeof waiting === 'number') {
          // Granted at once: charged, and sent, at the moment just read.
          charged = { limits, at: asked + waiting, sentAt: asked };
        } else {
          const waited = await waiting;
          charged = { limits, at: asked + waited, sentAt: deps.clock.now() };
        }
      } catch (error) {
        if (isIntegrationError(error)) {
          return { ok: false, local: true, error: error.with({ correlationId: call.correlationId, attempts: scope.attempts }) };
        }
        throw error;
      }
      const result = await this.send(call, scope, charged, authorized);
      if (!result.ok && result.error.status === 401 && deps.auth && authAttempt && !reauthenticated && (await deps.auth.onRejected(authAttempt))) continue;
      return result.ok ? result : { ok: false, error: result.error };
    }
  }

  /** Sends once through the transport, classifies the answer, and tells the limiter what it learnt. */
  private async send(call: PreparedCall, scope: FailureScope, charged: Charged, authorized: Authorized | undefined): Promise<SendResult> {
    const { deps } = this;
    const { plan } = call;
    const started = charged.sentAt;
    deps.retryBudget?.recordRequest(started);
    if (this.observed) {
      const origin = (authorized?.url ?? new URL(call.href)).origin;
      deps.emit({ type: 'request.started', at: started, ...scope, method: plan.method, attempt: scope.attempts, idempotencyKey: call.idempotencyKey, origin });
    }
    const timer = new AttemptSignal(deps.clock, started, plan.timeoutMs, call.deadline, call.signal);
    let response: TransportResponse | undefined;
    let lost: IntegrationError | undefined;
    try {
      response = await deps.transport(new OutgoingRequest(plan.method, call.href, call.headers, call.body, timer, authorized));
    } catch (error) {
      if (timer.cause() === 'caller') throw call.signal?.reason ?? error;
      lost = transportFailure(error, timer.cause(), scope, deps.redactor);
    } finally {
      timer.dispose();
    }
    const finished = deps.clock.now();
    const result: SendResult = response === undefined ? { ok: false, error: lost as IntegrationError } : this.classify(response, scope, finished);
    // An answer, whatever its status, measured from the moment its slot was charged (a shared
    // store's round trip included): how far apart requests charged a window apart can land.
    if (result.response) deps.limiter.observeRoundTrip(plan.name, finished - charged.at);
    const failure = result.ok ? undefined : result.error;
    if (this.observed) {
      deps.emit({
        type: 'request.finished',
        at: finished,
        ...scope,
        method: plan.method,
        attempt: scope.attempts,
        durationMs: finished - started,
        outcome: failure ? 'failure' : 'success',
        status: result.ok ? result.response.status : failure?.status,
        errorKind: failure?.kind,
        reason: failure?.reason,
      });
    }
    if (result.headers && deps.observeRateLimitHeaders) {
      const observed = parseRateLimitHeaders(result.headers, finished);
      // The headers describe the provider's budget: the account's when we know one, else the endpoint's.
      const described = deps.accountRateLimits.length > 0 ? charged.limits.account : charged.limits.endpoint;
      if (observed) await deps.limiter.observeRateLimit(described, observed, deps.provider, finished);
    }
    if (failure?.kind === 'rate_limited' && failure.retryAfterMs !== undefined) {
      // Everyone queued behind this call would earn the same 429: hold the whole endpoint.
      await deps.limiter.pauseUntil(charged.limits.endpoint, finished + failure.retryAfterMs);
    }
    return result;
  }

  private classify(response: TransportResponse, scope: FailureScope, now: number): SendResult {
    const { deps } = this;
    const headers = Object.fromEntries(response.headers) as Record<string, string>;
    const parsed = parseBody(response);
    if (!parsed.ok) {
      const failure = responseFailure(response, undefined, deps.errors, scope, deps.redactor, now);
      return { ok: false, response, headers, error: failure ?? malformedBodyFailure(response, scope) };
    }
    const failure = responseFailure(response, parsed.value, deps.errors, scope, deps.redactor, now);
    return failure ? { ok: false, response, headers, error: failure } : { ok: true, response, headers, body: parsed.value, finishedAt: now };
  }
}
