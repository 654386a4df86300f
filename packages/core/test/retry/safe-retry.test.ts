import { describe, expect, it } from 'vitest';
import { IntegrationError } from '../../src/errors/integration-error.js';
import { isSafeToRetry } from '../../src/retry/safe-retry.js';

function failure(requestMayHaveReachedProvider: boolean): IntegrationError {
  return new IntegrationError('network', 'failed', { provider: 'p', endpoint: 'e', reason: 'ECONNRESET', requestMayHaveReachedProvider });
}

const reached = failure(true);

describe('isSafeToRetry', () => {
  it.each(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE'])('repeats idempotent %s', (method) => {
    expect(isSafeToRetry(method, reached, false)).toBe(true);
  });

  it('reads the method case-insensitively', () => {
    expect(isSafeToRetry('get', reached, false)).toBe(true);
    expect(isSafeToRetry('post', reached, false)).toBe(false);
  });

  it.each(['POST', 'PATCH', 'CONNECT'])('never repeats %s that may have reached the provider without a key', (method) => {
    expect(isSafeToRetry(method, reached, false)).toBe(false);
    expect(isSafeToRetry(method, reached, false, false)).toBe(false);
  });

  it('repeats a POST carrying an idempotency key', () => {
    expect(isSafeToRetry('POST', reached, true)).toBe(true);
  });

  it('repeats a POST to an endpoint declared idempotent', () => {
    expect(isSafeToRetry('POST', reached, false, true)).toBe(true);
  });

  it('repeats anything that provably never left', () => {
    expect(isSafeToRetry('POST', failure(false), false)).toBe(true);
    expect(isSafeToRetry('PATCH', failure(false), false)).toBe(true);
  });

  it('treats an error without reach information as possibly delivered', () => {
    const error = new IntegrationError('timeout', 'slow', { provider: 'p', endpoint: 'e', reason: 'timeout' });
    expect(isSafeToRetry('POST', error, false)).toBe(false);
  });
});
