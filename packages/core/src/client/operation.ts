import { IntegrationError, integrationErrorFromJSON, isIntegrationError } from '../errors/integration-error.js';
import { outcomeUnknown, requestFingerprint, type IdempotencyStore, type StoredOutcome } from '../idempotency/index.js';
import { sortableId } from '../ids/sortable-id.js';
import type { RequestQueue } from '../queue/index.js';
import type { Redactor } from '../redaction/redactor.js';
import { isSafeToRetry } from '../retry/index.js';
import type { CallPipeline, PipelineDeps } from './call-pipeline.js';
import type { EndpointConfig } from './endpoint.js';
import type { EndpointPlan } from './endpoint-plan.js';
import { prepareRequest } from './prepare-request.js';
import type { CallOptions, ProviderClientOptions, ProviderResponse } from './provider-client.js';

/** What an operation needs from the client that made it. */
export interface ClientContext {
  options: ProviderClientOptions<string>;
  deps: PipelineDeps;
  pipeline: CallPipeline;
  queue: RequestQueue;
  /** The endpoint's plan, made on its first call. */
  planFor(endpoint: string): EndpointPlan;
  idempotencyStore: IdempotencyStore;
}

export interface OperationSpec {
  endpoint: string;
  config: EndpointConfig;
  callOptions: CallOptions;
  idempotencyKey: string | undefined;
  correlationId: string;
  /** The caller can send the operation again under the same key (see `CallOptions.callerKeepsKey`). */
  callerKeepsKey: boolean;
}

/** Checks the stored outcome of an idempotency key before anything is queued or sent. */
async function claimKey(ctx: ClientContext, spec: OperationSpec, scope: string, fingerprint: string): Promise<ProviderResponse<unknown> | undefined> {
  const key = spec.idempotencyKey as string;
  const { clock, provider } = ctx.deps;
  const claim = await ctx.idempotencyStore.begin(scope, key, fingerprint, clock.now());
  const context = { provider, endpoint: spec.endpoint, correlationId: spec.correlationId, requestMayHaveReachedProvider: false };
  switch (claim.state) {
    case 'new':
      return undefined;
    case 'mismatch':
      throw new IntegrationError('conflict', `${provider} ${spec.endpoint}: idempotency key reused with a different payload`, {
        ...context,
        reason: 'idempotency_key_reused',
      });
    case 'in_progress':
      throw new IntegrationError('conflict', `${provider} ${spec.endpoint}: an operation with this idempotency key is still running`, {
        ...context,
        reason: 'idempotency_in_progress',
      });
    case 'completed': {
      ctx.deps.emit({ type: 'idempotency.replayed', at: clock.now(), provider, endpoint: spec.endpoint, correlationId: spec.correlationId, idempotencyKey: key });
      const outcome = claim.outcome;
      if (!outcome.ok) throw integrationErrorFromJSON(outcome.error);
      return {
        status: outcome.status,
        headers: outcome.headers,
        body: outcome.body,
        attempts: 0,
        correlationId: spec.correlationId,
        idempotencyKey: key,
        source: 'replay',
      };
    }
  }
}

async function settleKey(ctx: ClientContext, scope: string, key: string | undefined, outcome: StoredOutcome | 'release'): Promise<void> {
  if (key === undefined) return;
  if (outcome === 'release') await ctx.idempotencyStore.release(scope, key);
  else await ctx.idempotencyStore.complete(scope, key, outcome, ctx.deps.clock.now());
}

function redactedPath(redactor: Redactor, href: string): string {
  const url = new URL(href);
  return redactor.url(url.pathname + url.search);
}

/**
 * A transient failure is the answer only when its caller can send the call again without doing it
 * twice. A write that may have reached the provider under a key the caller never saw cannot be
 * sent again safely, so it ends as `outcome_unknown`, carrying the key a lookup finds it by.
 */
function endOfFailedCall(error: IntegrationError, spec: OperationSpec): IntegrationError {
  const { config, idempotencyKey } = spec;
  if (!error.retryable || idempotencyKey === undefined) return error;
  return isSafeToRetry(config.method, error, spec.callerKeepsKey, config.idempotent) ? error : outcomeUnknown(error, idempotencyKey);
}

/**
 * Runs one operation through idempotency, the queue and the pipeline, then records how it ended.
 * `startedAt` is the clock's reading when the caller has just taken one.
 */
export async function runOperation<T>(ctx: ClientContext, spec: OperationSpec, startedAt = ctx.deps.clock.now()): Promise<ProviderResponse<T>> {
  const { clock, emit, provider, redactor } = ctx.deps;
  const { config, callOptions } = spec;
  const plan = ctx.planFor(spec.endpoint);
  const deadline = startedAt + (callOptions.totalTimeoutMs ?? plan.maxElapsedMs);
  const prepared = prepareRequest(plan, callOptions, spec.correlationId, spec.idempotencyKey);
  const scope = `${provider}:${spec.endpoint}`;
  if (spec.idempotencyKey !== undefined) {
    const fingerprint = requestFingerprint({ method: config.method, path: prepared.path, body: callOptions.body });
    const replay = await claimKey(ctx, spec, scope, fingerprint);
    if (replay) return replay as ProviderResponse<T>;
  }

  try {
    const call = {
      plan,
      href: prepared.href,
      headers: prepared.headers,
      body: prepared.body,
      correlationId: spec.correlationId,
      idempotencyKey: spec.idempotencyKey,
      startedAt,
      deadline,
      signal: callOptions.signal,
    };
    const result = await ctx.queue.add({
      endpoint: spec.endpoint,
      priority: callOptions.priority ?? 'normal',
      ...(callOptions.signal ? { signal: callOptions.signal } : {}),
      run: () => ctx.pipeline.run(call),
    });
    const { headers } = result;
    if (spec.idempotencyKey !== undefined) {
      await settleKey(ctx, scope, spec.idempotencyKey, { ok: true, status: result.response.status, headers, body: result.body });
    }
    return {
      status: result.response.status,
      headers,
      body: result.body as T,
      attempts: result.attempts,
      correlationId: spec.correlationId,
      idempotencyKey: spec.idempotencyKey,
      source: 'provider',
    };
  } catch (thrown) {
    if (!isIntegrationError(thrown)) {
      await settleKey(ctx, scope, spec.idempotencyKey, 'release');
      throw thrown;
    }
    const error = endOfFailedCall(thrown.with({ correlationId: spec.correlationId }), spec);
    // A transient failure leaves the key free so the same operation can run again later;
    // a permanent one (outcome_unknown too) is the operation's answer and is what a replay returns.
    await settleKey(ctx, scope, spec.idempotencyKey, error.retryable ? 'release' : { ok: false, error: error.toJSON() });
    if (callOptions.fallback && error.retryable) {
      emit({ type: 'circuit.fallback_used', at: clock.now(), provider, endpoint: spec.endpoint, correlationId: spec.correlationId });
      return {
        status: 0,
        headers: {},
        body: (await callOptions.fallback(error)) as T,
        attempts: error.attempts,
        correlationId: spec.correlationId,
        idempotencyKey: spec.idempotencyKey,
        source: 'fallback',
        degradedBy: error,
      };
    }
    const sink = ctx.options.deadLetters;
    if (sink && callOptions.deadLetter !== false && error.reason !== 'queue_full') {
      await sink.add({
        id: sortableId(clock.now()),
        provider,
        endpoint: spec.endpoint,
        correlationId: spec.correlationId,
        at: clock.now(),
        attempts: error.attempts,
        request: {
          method: config.method,
          path: redactedPath(redactor, prepared.href),
          idempotencyKey: spec.idempotencyKey,
          body: redactor.value(callOptions.body),
        },
        error: redactor.value(error.toJSON()),
      });
      emit({
        type: 'queue.dead_lettered',
        at: clock.now(),
        provider,
        endpoint: spec.endpoint,
        correlationId: spec.correlationId,
        attempts: error.attempts,
        errorKind: error.kind,
        reason: error.reason,
      });
    }
    throw error;
  }
}
