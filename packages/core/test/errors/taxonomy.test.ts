import { describe, expect, it } from 'vitest';
import {
  ERROR_KINDS,
  IntegrationError,
  classifyNetworkError,
  classifyResponse,
  classifyStatus,
  integrationErrorFromJSON,
  isErrorKind,
  isIntegrationError,
  isRetryableKind,
  type ProviderErrorTable,
} from '../../src/index.js';

describe('error kinds', () => {
  it('retries exactly the transient kinds', () => {
    const retryable = ERROR_KINDS.filter(isRetryableKind);
    expect(retryable).toEqual(['rate_limited', 'unavailable', 'timeout', 'network']);
  });

  it('recognises only members of the closed set', () => {
    expect(isErrorKind('timeout')).toBe(true);
    expect(isErrorKind('teapot')).toBe(false);
    expect(isErrorKind(42)).toBe(false);
  });
});

describe('classifyStatus', () => {
  it.each([
    [400, 'invalid_request'],
    [401, 'auth'],
    [402, 'business_rejected'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [408, 'timeout'],
    [409, 'conflict'],
    [418, 'invalid_request'],
    [422, 'invalid_request'],
    [429, 'rate_limited'],
    [500, 'unavailable'],
    [501, 'invalid_request'],
    [502, 'unavailable'],
    [503, 'unavailable'],
    [504, 'unavailable'],
    [599, 'unavailable'],
  ] as const)('HTTP %i is %s', (status, kind) => {
    expect(classifyStatus(status)).toBe(kind);
  });

  it('never retries 400, 401, 403, 404 or 422 and always retries 429 and 5xx gateway errors', () => {
    for (const status of [400, 401, 403, 404, 422]) expect(isRetryableKind(classifyStatus(status)!)).toBe(false);
    for (const status of [429, 500, 502, 503, 504]) expect(isRetryableKind(classifyStatus(status)!)).toBe(true);
  });

  it('is undefined for successes and redirects', () => {
    expect(classifyStatus(200)).toBeUndefined();
    expect(classifyStatus(304)).toBeUndefined();
  });
});

describe('classifyNetworkError', () => {
  const fetchFailed = (cause: unknown): Error => new TypeError('fetch failed', { cause });
  const sysError = (code: string): Error => Object.assign(new Error(code), { code });

  it.each([
    ['ECONNRESET', 'network', true],
    ['ECONNREFUSED', 'network', false],
    ['ETIMEDOUT', 'timeout', true],
    ['EAI_AGAIN', 'network', false],
    ['ENOTFOUND', 'network', false],
    ['UND_ERR_CONNECT_TIMEOUT', 'timeout', false],
    ['UND_ERR_HEADERS_TIMEOUT', 'timeout', true],
    ['UND_ERR_BODY_TIMEOUT', 'timeout', true],
    ['UND_ERR_SOCKET', 'network', true],
  ] as const)('%s is %s (may have reached: %s)', (code, kind, reached) => {
    expect(classifyNetworkError(fetchFailed(sysError(code)))).toEqual({ kind, code, requestMayHaveReachedProvider: reached });
  });

  it('looks inside AggregateError (dual-stack connection refused)', () => {
    const aggregate = new AggregateError([sysError('ECONNREFUSED'), sysError('ECONNREFUSED')], 'connect failed');
    expect(classifyNetworkError(fetchFailed(aggregate))?.code).toBe('ECONNREFUSED');
  });

  it('returns undefined for errors that are not network errors, and survives cause cycles', () => {
    const looped = new Error('loop') as Error & { cause?: unknown };
    looped.cause = looped;
    expect(classifyNetworkError(looped)).toBeUndefined();
    expect(classifyNetworkError('boom')).toBeUndefined();
    expect(classifyNetworkError(sysError('EWHATEVER'))).toBeUndefined();
  });
});

describe('classifyResponse with a provider table', () => {
  const table: ProviderErrorTable = {
    extract: (body) => {
      const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
      return error ? { code: error.code, message: error.message } : undefined;
    },
    codes: { card_declined: 'business_rejected', idempotency_error: 'conflict', rate_limit: 'rate_limited' },
    codesFailingSuccess: ['OVER_QUERY_LIMIT'],
  };

  it('lets a provider code decide over the status', () => {
    expect(classifyResponse(402, { error: { code: 'card_declined', message: 'declined' } }, table)).toEqual({
      kind: 'business_rejected',
      reason: 'provider_code_card_declined',
      providerCode: 'card_declined',
      providerMessage: 'declined',
    });
    expect(classifyResponse(400, { error: { code: 'idempotency_error' } }, table)?.kind).toBe('conflict');
  });

  it('falls back to the status for unknown codes', () => {
    expect(classifyResponse(503, { error: { code: 'weird' } }, table)).toMatchObject({ kind: 'unavailable', reason: 'http_503', providerCode: 'weird' });
  });

  it('turns a 2xx into a failure only for listed codes', () => {
    expect(classifyResponse(200, { error: { code: 'OVER_QUERY_LIMIT' } }, { ...table, codes: { OVER_QUERY_LIMIT: 'rate_limited' } })?.kind).toBe('rate_limited');
    expect(classifyResponse(200, { error: { code: 'card_declined' } }, table)).toBeUndefined();
    expect(classifyResponse(200, { ok: true })).toBeUndefined();
  });
});

describe('IntegrationError', () => {
  it('carries its context, derives retryable and round-trips through JSON', () => {
    const error = new IntegrationError(
      'rate_limited',
      'slow down',
      { provider: 'acme', endpoint: 'list', reason: 'http_429', status: 429, providerCode: 'rate_limit', correlationId: 'c1', retryAfterMs: 2000 },
      { name: 'Error', message: 'inner', code: 'X' },
    ).with({ attempts: 3 });
    expect(isIntegrationError(error)).toBe(true);
    expect(error.retryable).toBe(true);
    expect(error.attempts).toBe(3);
    const copy = integrationErrorFromJSON(JSON.parse(JSON.stringify(error)) as Record<string, unknown>);
    expect(copy.toJSON()).toEqual(error.toJSON());
  });

  it('rebuilds unknown stored kinds as contract violations rather than guessing', () => {
    const copy = integrationErrorFromJSON({ kind: 'nonsense' });
    expect(copy.kind).toBe('contract_violation');
    expect(copy.provider).toBe('unknown');
    expect(copy.requestMayHaveReachedProvider).toBe(true);
  });
});
