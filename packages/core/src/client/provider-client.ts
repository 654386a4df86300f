import type { AuthStrategy } from '../auth/index.js';
import { CircuitBreaker, type CircuitBreakerOptions, type Fallback } from '../circuit-breaker/index.js';
import { systemClock, type Clock } from '../clock/clock.js';
import type { ProviderErrorTable } from '../errors/error-table.js';
import type { IntegrationError } from '../errors/integration-error.js';
import { MemoryIdempotencyStore, type IdempotencyStore } from '../idempotency/index.js';
import { sortableId } from '../ids/sortable-id.js';
import type { DeadLetterSink } from '../queue/index.js';
import { RequestQueue } from '../queue/index.js';
import { RateLimiter, type RateLimitStore, type RateWindow } from '../rate-limit/index.js';
import { Redactor } from '../redaction/redactor.js';
import { RetryBudget, type Random, type RetryBudgetOptions, type RetryPolicy } from '../retry/index.js';
import type { CircuitState, Priority } from '../telemetry/events.js';
import { createEmitter, type Emit, type TelemetrySink } from '../telemetry/telemetry.js';
import type { z } from 'zod';
import { ContractDriftCounter, parseContract, type Contract, type ContractParseResult } from '../contracts/index.js';
import { UnknownValueTracker } from '../enums/index.js';
import { CallPipeline, type PipelineDeps } from './call-pipeline.js';
import type { EndpointConfig, QueryValue } from './endpoint.js';
import { EndpointPlan, idempotencyHeaderOf, type PlanDefaults } from './endpoint-plan.js';
import { runOperation, type ClientContext, type OperationSpec } from './operation.js';
import { kyTransport, type Transport } from './transport.js';

export interface ProviderClientOptions<E extends string> {
  /** Provider name as it appears in errors, telemetry and metrics, e.g. `stripe`. */
  provider: string;
  /** Sandbox, production, or a local simulator. */
  baseUrl: string;
  endpoints: Readonly<Record<E, EndpointConfig>>;
  auth?: AuthStrategy;
  /** The provider's error codes as data. */
  errors?: ProviderErrorTable;
  /** Account-wide limits per credential, applied on top of each endpoint's own. */
  accountRateLimits?: readonly RateWindow[];
  /** Defaults for every endpoint; an endpoint's own `retry` overrides field by field. */
  retry?: RetryPolicy;
  /** Global cap on retries as a share of recent requests; `false` turns it off. */
  retryBudget?: Omit<RetryBudgetOptions, 'clock'> | false;
  /** Breaker defaults per endpoint; `false` turns breakers off. */
  breaker?: CircuitBreakerOptions | false;
  queue?: { maxDepth?: number; concurrency?: number; defaultEndpointConcurrency?: number };
  idempotency?: { header?: string; store?: IdempotencyStore };
  /** Per-attempt timeout default, 10 s. */
  timeoutMs?: number;
  /** Header carrying the correlation id on every attempt (`X-Correlation-Id`), or false. */
  correlationHeader?: string | false;
  /** Static headers on every request, e.g. a pinned API version. */
  headers?: Readonly<Record<string, string>>;
  clock?: Clock;
  telemetry?: readonly TelemetrySink[];
  deadLetters?: DeadLetterSink;
  rateLimitStore?: RateLimitStore;
  /** Tighten limits from `X-RateLimit-*` / `RateLimit-*` response headers (default true). */
  observeRateLimitHeaders?: boolean;
  redactor?: Redactor;
  fetch?: typeof fetch;
  transport?: Transport;
  random?: Random;
}

export interface CallOptions {
  pathParams?: Readonly<Record<string, string | number>>;
  query?: Readonly<Record<string, QueryValue>>;
  /** An object is sent as JSON or form per the endpoint; a string or URLSearchParams as is. */
  body?: unknown;
  headers?: Readonly<Record<string, string>>;
  /** The operation's key; made for you on POST and PATCH when the endpoint takes one. */
  idempotencyKey?: string;
  /**
   * Whether the caller keeps the key to send the call again with it: by default, when it gave
   * `idempotencyKey` or holds the `Operation`. A connector that makes a key for its own use (to
   * store it with the object, say) passes false, so that a write which may have reached the
   * provider ends as `outcome_unknown` instead of a failure its caller would retry under a new key.
   */
  callerKeepsKey?: boolean;
  correlationId?: string;
  priority?: Priority;
  signal?: AbortSignal;
  /** Whole-call deadline including queue and limiter waits; defaults to the retry policy's `maxElapsedMs`. */
  totalTimeoutMs?: number;
  /** Answer to give instead of failing when the provider is unavailable (degraded mode). */
  fallback?: Fallback<unknown>;
  /** Record a final failure as a dead letter (default true when a sink is configured). */
  deadLetter?: boolean;
}

/** Where an answer came from: the provider now, a stored idempotent outcome, or a fallback. */
export type ResponseSource = 'provider' | 'replay' | 'fallback';

export interface ProviderResponse<T = unknown> {
  /** HTTP status; 0 when the answer is a fallback and no provider answered. */
  status: number;
  headers: Readonly<Record<string, string>>;
  body: T;
  attempts: number;
  correlationId: string;
  idempotencyKey: string | undefined;
  source: ResponseSource;
  /** The failure a fallback stood in for. */
  degradedBy?: IntegrationError;
}

/** An operation whose idempotency key and correlation id were fixed when it was created. */
export interface Operation<T = unknown> {
  readonly endpoint: string;
  readonly idempotencyKey: string | undefined;
  readonly correlationId: string;
  /** Runs it; running it again replays the first outcome when an idempotency store is set. */
  run(): Promise<ProviderResponse<T>>;
}

export interface ProviderClient<E extends string> {
  readonly provider: string;
  /** The clock every policy of this client runs on; helpers that wait between calls use it too. */
  readonly clock: Clock;
  readonly redactor: Redactor;
  readonly limiter: RateLimiter;
  /** Reports through the client's telemetry sinks, redacted: for a connector's own events. */
  readonly emit: Emit;
  /** Unknown enum values this client's responses carried, counted per enum and raw value. */
  readonly unknownValues: UnknownValueTracker;
  /** Drift this client's responses showed, per contract and per difference (first seen, last seen, count). */
  readonly drift: ContractDriftCounter;
  /** Parses a response body with a wire contract, reporting drift and unknown enum values through this client. */
  parse<S extends z.ZodTypeAny>(contract: Contract<S>, body: unknown, endpoint: E): ContractParseResult<z.output<S>>;
  operation<T = unknown>(endpoint: E, options?: CallOptions): Operation<T>;
  request<T = unknown>(endpoint: E, options?: CallOptions): Promise<ProviderResponse<T>>;
  circuitState(endpoint: E): CircuitState;
  queueDepth(): { waiting: number; running: number; byPriority: Record<Priority, number> };
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_IDEMPOTENCY_HEADER = 'Idempotency-Key';

/**
 * Composes the request path in one documented order:
 * idempotency (key made once per operation, replay of a stored outcome) -> queue (priority,
 * per-endpoint concurrency, depth limit) -> deadline -> retry loop { circuit breaker -> auth ->
 * rate limiter (every attempt takes a slot: retries reach the provider too) -> per-attempt
 * timeout -> HTTP -> classify } -> fallback or dead letter.
 *
 * The breaker sits before the limiter so an open circuit spends no rate-limit slots; auth sits
 * before the limiter because limits are per credential.
 */
export function createProviderClient<E extends string>(options: ProviderClientOptions<E>): ProviderClient<E> {
  const clock = options.clock ?? systemClock;
  const redactor = options.redactor ?? new Redactor();
  const emit = createEmitter(options.telemetry ?? [], redactor);
  options.auth?.attach?.({ emit, secrets: redactor });
  const limiter = new RateLimiter({ clock, emit, ...(options.rateLimitStore ? { store: options.rateLimitStore } : {}) });
  const endpointNames = Object.keys(options.endpoints) as E[];
  const endpointConcurrency: Record<string, number> = {};
  for (const name of endpointNames) {
    const concurrency = options.endpoints[name].concurrency;
    if (concurrency !== undefined) endpointConcurrency[name] = concurrency;
  }
  const queue = new RequestQueue({
    clock,
    emit,
    provider: options.provider,
    endpointConcurrency,
    ...options.queue,
  });
  const breakers = new Map<string, CircuitBreaker>();
  const breakerFor = (name: E): CircuitBreaker | undefined => {
    const own = options.endpoints[name].breaker;
    if (own === false || (options.breaker === false && own === undefined)) return undefined;
    let breaker = breakers.get(name);
    if (!breaker) {
      breaker = new CircuitBreaker({
        ...(options.breaker || {}),
        ...(own ?? {}),
        clock,
        onStateChange: (from, to, reason) =>
          emit({ type: 'circuit.state_changed', at: clock.now(), provider: options.provider, endpoint: name, from, to, reason }),
      });
      breakers.set(name, breaker);
    }
    return breaker;
  };
  const deps: PipelineDeps = {
    provider: options.provider,
    clock,
    emit,
    limiter,
    redactor,
    transport: options.transport ?? kyTransport(options.fetch ?? fetch),
    random: options.random ?? Math.random,
    auth: options.auth,
    errors: options.errors,
    retryBudget: options.retryBudget === false ? undefined : new RetryBudget({ ...options.retryBudget, clock }),
    accountRateLimits: options.accountRateLimits ?? [],
    observeRateLimitHeaders: options.observeRateLimitHeaders ?? true,
  };
  const defaultIdempotencyHeader = options.idempotency?.header ?? DEFAULT_IDEMPOTENCY_HEADER;
  const planDefaults: PlanDefaults = {
    provider: options.provider,
    baseUrl: options.baseUrl,
    retry: options.retry,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    staticHeaders: options.headers,
    correlationHeader: options.correlationHeader ?? 'X-Correlation-Id',
    idempotencyHeader: defaultIdempotencyHeader,
    accountRateLimits: deps.accountRateLimits,
  };
  const plans = new Map<string, EndpointPlan>();
  const context: ClientContext = {
    options,
    deps,
    pipeline: new CallPipeline(deps),
    queue,
    planFor: (name) => {
      let plan = plans.get(name);
      if (!plan) {
        plan = new EndpointPlan(name, options.endpoints[name as E], breakerFor(name as E), planDefaults);
        plans.set(name, plan);
      }
      return plan;
    },
    idempotencyStore: options.idempotency?.store ?? new MemoryIdempotencyStore(),
  };

  // An Operation handed out can be run again under its key, so its caller keeps the key; a one-shot request's key dies with it.
  const specFor = (endpoint: E, callOptions: CallOptions, handedOut: boolean, now: number): OperationSpec => {
    const config = options.endpoints[endpoint];
    if (!config) throw new TypeError(`Unknown endpoint "${endpoint}" for ${options.provider}`);
    const header = idempotencyHeaderOf(config, defaultIdempotencyHeader);
    const idempotencyKey = header === false ? undefined : (callOptions.idempotencyKey ?? sortableId(now));
    const correlationId = callOptions.correlationId ?? sortableId(now);
    const callerKeepsKey = callOptions.callerKeepsKey ?? (handedOut || callOptions.idempotencyKey !== undefined);
    return { endpoint, config, callOptions, idempotencyKey, correlationId, callerKeepsKey };
  };
  const operation = <T>(endpoint: E, callOptions: CallOptions = {}): Operation<T> => {
    const spec = specFor(endpoint, callOptions, true, clock.now());
    return {
      endpoint,
      idempotencyKey: spec.idempotencyKey,
      correlationId: spec.correlationId,
      run: () => runOperation<T>(context, spec),
    };
  };
  const request = <T>(endpoint: E, callOptions: CallOptions = {}): Promise<ProviderResponse<T>> => {
    const now = clock.now();
    return runOperation<T>(context, specFor(endpoint, callOptions, false, now), now);
  };

  const unknownValues = new UnknownValueTracker({ emit, clock, provider: options.provider });
  const driftCounter = new ContractDriftCounter();
  return {
    provider: options.provider,
    clock,
    redactor,
    limiter,
    emit,
    unknownValues,
    drift: driftCounter,
    parse: (contract, body, endpoint) => parseContract(contract, body, { emit, tracker: unknownValues, driftCounter, endpoint, clock }),
    operation,
    request,
    circuitState: (endpoint) => breakerFor(endpoint)?.state ?? 'closed',
    queueDepth: () => ({ waiting: queue.depth, running: queue.running, byPriority: queue.depthByPriority() }),
  };
}
