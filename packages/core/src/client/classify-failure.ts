import { classifyNetworkError } from '../errors/classify-network.js';
import { classifyResponse, type ProviderErrorTable } from '../errors/error-table.js';
import { IntegrationError } from '../errors/integration-error.js';
import type { Redactor } from '../redaction/redactor.js';
import { parseRetryAfter } from '../retry/index.js';
import type { AttemptAbortCause } from './attempt-signal.js';
import type { TransportResponse } from './transport.js';

export interface FailureScope {
  provider: string;
  endpoint: string;
  correlationId: string;
  attempts: number;
}

/** Reads a body as JSON when it says so (or looks like it); otherwise keeps the text. */
export function parseBody(response: TransportResponse): { ok: true; value: unknown } | { ok: false } {
  const text = response.bodyText;
  if (text.length === 0) return { ok: true, value: undefined };
  const type = response.headers.get('content-type') ?? '';
  const looksJson = type.includes('json') || /^\s*[[{]/.test(text);
  if (!looksJson) return { ok: true, value: text };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return type.includes('json') ? { ok: false } : { ok: true, value: text };
  }
}

/** The failure a response represents, or undefined when it is a success. */
export function responseFailure(
  response: TransportResponse,
  body: unknown,
  table: ProviderErrorTable | undefined,
  scope: FailureScope,
  redactor: Redactor,
  now: number,
): IntegrationError | undefined {
  const verdict = classifyResponse(response.status, body, table);
  if (!verdict) return undefined;
  const code = verdict.providerCode ? ` (${verdict.providerCode})` : '';
  const detail = verdict.providerMessage ? `: ${verdict.providerMessage}` : '';
  return new IntegrationError(
    verdict.kind,
    redactor.string(`${scope.provider} ${scope.endpoint} failed with HTTP ${response.status}${code}${detail}`),
    {
      ...scope,
      reason: verdict.reason,
      status: response.status,
      providerCode: verdict.providerCode,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), now),
    },
  );
}

export function malformedBodyFailure(response: TransportResponse, scope: FailureScope): IntegrationError {
  return new IntegrationError(
    'contract_violation',
    `${scope.provider} ${scope.endpoint} answered HTTP ${response.status} with a body that is not valid JSON`,
    { ...scope, reason: 'malformed_json', status: response.status },
  );
}

/** The failure a thrown transport error represents, given why the attempt's signal aborted (if it did). */
export function transportFailure(
  error: unknown,
  abortCause: AttemptAbortCause | undefined,
  scope: FailureScope,
  redactor: Redactor,
): IntegrationError {
  if (abortCause === 'attempt_timeout' || abortCause === 'deadline') {
    const reason = abortCause === 'deadline' ? 'deadline_exceeded' : 'attempt_timeout';
    return new IntegrationError('timeout', `${scope.provider} ${scope.endpoint} timed out (${reason})`, { ...scope, reason });
  }
  const summary = error instanceof Error ? { name: error.name, message: redactor.string(error.message) } : undefined;
  const network = classifyNetworkError(error);
  if (network) {
    return new IntegrationError(
      network.kind,
      `${scope.provider} ${scope.endpoint} failed: ${network.code}`,
      { ...scope, reason: network.code, requestMayHaveReachedProvider: network.requestMayHaveReachedProvider },
      summary && { ...summary, code: network.code },
    );
  }
  return new IntegrationError(
    'network',
    `${scope.provider} ${scope.endpoint} failed in transport`,
    { ...scope, reason: 'transport_error' },
    summary,
  );
}
