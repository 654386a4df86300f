import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { failureOf } from '../support/failure.js';
import { harness } from '../support/harness.js';

const endpoints = {
  getThing: { method: 'GET', path: '/things/{id}', timeoutMs: 1_000, retry: { maxAttempts: 4 } },
  createThing: { method: 'POST', path: '/things', timeoutMs: 1_000, retry: { maxAttempts: 4 } },
  createUnkeyed: { method: 'POST', path: '/legacy', idempotencyHeader: false, retry: { maxAttempts: 4 } },
} as const;


describe('provider client over real HTTP: what is retried', () => {
  it('honours Retry-After in seconds on a 429, then succeeds', async () => {
    const { server, client, sink } = await harness(endpoints, { breaker: false });
    server.script('GET', '/things/1', [{ status: 429, headers: { 'retry-after': '7' } }]);
    server.route('GET', '/things/1', () => ({ status: 200, body: { id: '1' } }));
    const response = await client.request('getThing', { pathParams: { id: '1' } });
    expect(response.body).toEqual({ id: '1' });
    expect(response.attempts).toBe(2);
    const [first, second] = server.requests;
    expect(second!.at - first!.at).toBe(7_000);
    expect(sink.ofType('request.retried')).toMatchObject([{ reason: 'retry_after', delayMs: 7_000, errorKind: 'rate_limited' }]);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const { server, client, clock } = await harness(endpoints, { breaker: false });
    const at = new Date(clock.now() + 12_000).toUTCString();
    server.script('GET', '/things/1', [{ status: 503, headers: { 'retry-after': at } }]);
    server.route('GET', '/things/1', () => ({ status: 200, body: {} }));
    await client.request('getThing', { pathParams: { id: '1' } });
    expect(server.requests[1]!.at - server.requests[0]!.at).toBe(12_000);
  });

  it('does not wait for a Retry-After beyond the clamp; the error says how long was asked', async () => {
    const { server, client } = await harness(endpoints, { breaker: false });
    server.route('GET', '/things/1', () => ({ status: 429, headers: { 'retry-after': '3600' } }));
    const error = await failureOf(client.request('getThing', { pathParams: { id: '1' } }));
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 3_600_000, attempts: 1 });
    expect(server.count('GET', '/things/1')).toBe(1);
  });

  it.each([500, 502, 503, 504])('retries HTTP %i with backoff and succeeds', async (status) => {
    const { server, client, sink } = await harness(endpoints, { breaker: false });
    server.script('GET', '/things/1', [{ status }, { status }]);
    server.route('GET', '/things/1', () => ({ status: 200, body: { ok: true } }));
    const response = await client.request('getThing', { pathParams: { id: '1' } });
    expect(response.attempts).toBe(3);
    expect(server.count('GET', '/things/1')).toBe(3);
    expect(sink.ofType('request.retried').map((e) => e.reason)).toEqual([`http_${status}`, `http_${status}`]);
    // Full jitter with random()=0.5 and the default base of 100 ms: 50 ms, then 100 ms.
    expect(sink.ofType('request.retried').map((e) => e.delayMs)).toEqual([50, 100]);
  });

  it.each([
    [400, 'invalid_request'],
    [401, 'auth'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [422, 'invalid_request'],
  ] as const)('never retries HTTP %i (%s)', async (status, kind) => {
    const { server, client } = await harness(endpoints, { breaker: false });
    server.route('POST', '/things', () => ({ status, body: { error: 'no' } }));
    const error = await failureOf(client.request('createThing', { body: { name: 'x' } }));
    expect(error).toMatchObject({ kind, status, retryable: false, attempts: 1, provider: 'acme', endpoint: 'createThing' });
    expect(server.count('POST', '/things')).toBe(1);
  });

  it('times out a slow response per attempt, retries, and stops at the attempt budget', async () => {
    const { server, client, clock } = await harness(endpoints, { breaker: false });
    server.route('GET', '/things/slow', () => ({ status: 200, body: {}, delayMs: 60_000 }));
    const started = clock.now();
    const error = await failureOf(client.request('getThing', { pathParams: { id: 'slow' } }));
    expect(error).toMatchObject({ kind: 'timeout', reason: 'attempt_timeout', attempts: 4 });
    expect(server.count('GET', '/things/slow')).toBe(4);
    // Four one-second timeouts and three short backoffs, not four minutes.
    expect(clock.now() - started).toBeLessThan(10_000);
  });

  it('stops at the time budget even when attempts remain', async () => {
    const { server, client, sink } = await harness(
      { getThing: { method: 'GET', path: '/things/{id}', timeoutMs: 1_000, retry: { maxAttempts: 10, maxElapsedMs: 2_500 } } } as const,
      { breaker: false },
    );
    server.route('GET', '/things/slow', () => ({ status: 200, delayMs: 60_000 }));
    const error = await failureOf(client.request('getThing', { pathParams: { id: 'slow' } }));
    expect(error.kind).toBe('timeout');
    expect(server.count('GET', '/things/slow')).toBeLessThanOrEqual(3);
    expect(sink.ofType('request.gave_up')[0]?.reason).toMatch(/budget_exhausted|attempts_exhausted/);
  });

  it('retries a connection reset on a keyed POST with the same key and correlation id', async () => {
    const { server, client } = await harness(endpoints, { breaker: false });
    server.script('POST', '/things', [{ reset: true }, { status: 502 }]);
    server.route('POST', '/things', () => ({ status: 201, body: { id: 't_1' } }));
    const operation = client.operation('createThing', { body: { name: 'Łódź' } });
    const response = await operation.run();
    expect(response.status).toBe(201);
    const attempts = server.requests.filter((r) => r.path === '/things');
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((r) => r.headers['idempotency-key']))).toEqual(new Set([operation.idempotencyKey]));
    expect(new Set(attempts.map((r) => r.headers['x-correlation-id']))).toEqual(new Set([operation.correlationId]));
    expect(attempts.map((r) => JSON.parse(r.body) as unknown)).toEqual(Array(3).fill({ name: 'Łódź' }));
  });

  it('never repeats an unkeyed POST that may have reached the provider', async () => {
    const { server, client } = await harness(endpoints, { breaker: false });
    server.route('POST', '/legacy', () => ({ reset: true }));
    const error = await failureOf(client.request('createUnkeyed', { body: { amount: 100 } }));
    expect(error).toMatchObject({ kind: 'network', requestMayHaveReachedProvider: true, attempts: 1 });
    expect(server.count('POST', '/legacy')).toBe(1);
    expect(server.requests[0]!.headers['idempotency-key']).toBeUndefined();
  });

  it('retries even an unkeyed POST when the connection was refused (it never left)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { client, sink } = await harness(endpoints, { breaker: false, baseUrl: `http://127.0.0.1:${port}` });
    const error = await failureOf(client.request('createUnkeyed', { body: {} }));
    expect(error).toMatchObject({ kind: 'network', reason: 'ECONNREFUSED', requestMayHaveReachedProvider: false, attempts: 4 });
    expect(sink.ofType('request.retried')).toHaveLength(3);
  });

  it('reports a 200 with a body that is not JSON as a contract violation', async () => {
    const { server, client } = await harness(endpoints, { breaker: false });
    server.route('GET', '/things/1', () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"id": ' }));
    const error = await failureOf(client.request('getThing', { pathParams: { id: '1' } }));
    expect(error).toMatchObject({ kind: 'contract_violation', reason: 'malformed_json', attempts: 1 });
  });

  it('rejects with the caller’s reason when the caller aborts, without retrying', async () => {
    const { server, client } = await harness(endpoints, { breaker: false });
    const controller = new AbortController();
    // Abort while the request is on the wire: the server has it, the answer has not come.
    server.route('GET', '/things/1', () => {
      controller.abort(new Error('user went away'));
      return { status: 200, delayMs: 500 };
    });
    const pending = client.request('getThing', { pathParams: { id: '1' }, signal: controller.signal });
    await expect(pending).rejects.toThrow('user went away');
    expect(server.count('GET', '/things/1')).toBe(1);
  });

  it('keeps UTF-8 text intact both ways', async () => {
    const { server, client } = await harness(endpoints, { breaker: false });
    server.route('POST', '/things', (request) => ({ status: 200, body: JSON.parse(request.body) as unknown }));
    const names = { a: 'Müller GmbH', b: 'Łódź', c: '東京' };
    const response = await client.request('createThing', { body: names });
    expect(response.body).toEqual(names);
  });
});

describe('provider client over real HTTP: request shape', () => {
  it('sends query parameters, repeats arrays, skips undefined, and survives a throwing telemetry sink', async () => {
    const { server, client } = await harness(endpoints, {
      breaker: false,
      telemetry: [
        {
          emit: () => {
            throw new Error('sink down');
          },
        },
      ],
    });
    server.route('GET', '/things/1', () => ({ status: 200, body: { ok: true } }));
    await client.request('getThing', { pathParams: { id: '1' }, query: { expand: ['a', 'b'], limit: 10, cursor: undefined, live: false } });
    const recorded = server.requests[0]!;
    expect(recorded.path).toBe('/things/1');
    expect(recorded.query).toBe('expand=a&expand=b&limit=10&live=false');
    expect(recorded.headers['accept']).toBe('application/json');
  });
});
