import { isErrorKind, isRetryableKind, type ErrorKind } from './kinds.js';

/** What is known about the failed call; every field is safe to log (no secrets). */
export interface IntegrationErrorContext {
  provider: string;
  endpoint: string;
  /** Short machine-readable reason, e.g. `http_503`, `ECONNRESET`, `circuit_open`, `queue_full`. */
  reason: string;
  status?: number | undefined;
  providerCode?: string | undefined;
  attempts?: number | undefined;
  correlationId?: string | undefined;
  /** How long the provider (or a local policy) asked us to wait before trying again. */
  retryAfterMs?: number | undefined;
  /**
   * False when the request provably never reached the provider (connection refused, DNS failure,
   * a local refusal), which makes any retry safe, even of a non-idempotent request.
   */
  requestMayHaveReachedProvider?: boolean | undefined;
  /**
   * The operation's idempotency key, on an `outcome_unknown`: what the connector finds the
   * operation by at the provider when it settles what happened.
   */
  idempotencyKey?: string | undefined;
}

/** A cause reduced to what is safe to keep: no request objects, headers or bodies. */
export interface ErrorCauseSummary {
  name: string;
  message: string;
  code?: string | undefined;
}

/**
 * The only error type Interlock surfaces. `kind` is from a closed set and `retryable` follows
 * from it, so callers branch on data rather than on provider-specific error classes.
 */
export class IntegrationError extends Error {
  override readonly name = 'IntegrationError';
  readonly kind: ErrorKind;
  readonly retryable: boolean;
  readonly provider: string;
  readonly endpoint: string;
  readonly reason: string;
  readonly status: number | undefined;
  readonly providerCode: string | undefined;
  readonly attempts: number;
  readonly correlationId: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly requestMayHaveReachedProvider: boolean;
  readonly idempotencyKey: string | undefined;
  readonly causeSummary: ErrorCauseSummary | undefined;

  constructor(kind: ErrorKind, message: string, context: IntegrationErrorContext, cause?: ErrorCauseSummary) {
    super(message);
    this.kind = kind;
    this.retryable = isRetryableKind(kind);
    this.provider = context.provider;
    this.endpoint = context.endpoint;
    this.reason = context.reason;
    this.status = context.status;
    this.providerCode = context.providerCode;
    this.attempts = context.attempts ?? 0;
    this.correlationId = context.correlationId;
    this.retryAfterMs = context.retryAfterMs;
    this.requestMayHaveReachedProvider = context.requestMayHaveReachedProvider ?? true;
    this.idempotencyKey = context.idempotencyKey;
    this.causeSummary = cause;
  }

  get context(): IntegrationErrorContext {
    return {
      provider: this.provider,
      endpoint: this.endpoint,
      reason: this.reason,
      status: this.status,
      providerCode: this.providerCode,
      attempts: this.attempts,
      correlationId: this.correlationId,
      retryAfterMs: this.retryAfterMs,
      requestMayHaveReachedProvider: this.requestMayHaveReachedProvider,
      idempotencyKey: this.idempotencyKey,
    };
  }

  /** A copy that records more context (the attempt count, the correlation id) as it is learnt. */
  with(patch: Partial<IntegrationErrorContext>): IntegrationError {
    return new IntegrationError(this.kind, this.message, { ...this.context, ...patch }, this.causeSummary);
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      retryable: this.retryable,
      message: this.message,
      ...this.context,
      cause: this.causeSummary,
    };
  }
}

export function isIntegrationError(value: unknown): value is IntegrationError {
  return value instanceof IntegrationError;
}

/** Rebuilds an error stored with `toJSON()` (an idempotent replay, a dead letter being inspected). */
export function integrationErrorFromJSON(record: Readonly<Record<string, unknown>>): IntegrationError {
  const text = (key: string): string | undefined => (typeof record[key] === 'string' ? (record[key]) : undefined);
  const num = (key: string): number | undefined => (typeof record[key] === 'number' ? (record[key]) : undefined);
  const kind = text('kind');
  const cause = record['cause'] as ErrorCauseSummary | undefined;
  return new IntegrationError(
    isErrorKind(kind) ? kind : 'contract_violation',
    text('message') ?? 'stored error',
    {
      provider: text('provider') ?? 'unknown',
      endpoint: text('endpoint') ?? 'unknown',
      reason: text('reason') ?? 'stored_error',
      status: num('status'),
      providerCode: text('providerCode'),
      attempts: num('attempts'),
      correlationId: text('correlationId'),
      retryAfterMs: num('retryAfterMs'),
      requestMayHaveReachedProvider: record['requestMayHaveReachedProvider'] !== false,
      idempotencyKey: text('idempotencyKey'),
    },
    cause,
  );
}
