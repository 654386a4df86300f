import { describe, expect, it } from 'vitest';
import {
  createProviderClient,
  isIntegrationError,
  MemoryRateLimitStore,
  parseRateLimitHeaders,
  RateLimiter,
  type EndpointConfig,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from '../../src/index.js';
import { FakeClock } from '../../src/testing.js';

// What the client keeps as plain data until a transport reads it (URL, headers, signal) must
// reach a transport that does read it exactly as a `URL` and `Headers` built up front would have.

const ok = (): Promise<TransportResponse> => Promise.resolve({ status: 200, headers: new Headers(), bodyText: '' });

function clientWith(transport: Transport, endpoints: Record<string, EndpointConfig>, extra: { headers?: Record<string, string>; clock?: FakeClock } = {}) {
  return createProviderClient({
    provider: 'acme',
    baseUrl: 'https://api.acme.test/v2',
    endpoints,
    transport,
    clock: extra.clock ?? new FakeClock({ autoAdvance: true }),
    retryBudget: false,
    ...(extra.headers ? { headers: extra.headers } : {}),
  });
}

describe('the request a transport reads', () => {
  it('carries the same URL and headers on every call, whatever the call adds', async () => {
    const seen: { url: string; headers: [string, string][]; body: string | undefined }[] = [];
    const transport: Transport = (request) => {
      seen.push({ url: request.url.href, headers: [...request.headers], body: request.body });
      return ok();
    };
    const client = clientWith(
      transport,
      { getThing: { method: 'GET', path: '/things/{id}' }, listThings: { method: 'GET', path: 'things' }, createThing: { method: 'POST', path: '/things' } },
      { headers: { 'Acme-Version': ' 2024-01-01 ', Accept: 'application/vnd.acme+json' } },
    );
    await client.request('listThings', { query: { page: 2, tag: ['a b', 'c'], skipped: undefined }, correlationId: 'c-2', headers: { 'ACME-VERSION': '2025-06-01' } });
    await client.request('listThings', { correlationId: 'c-1' });
    await client.request('getThing', { pathParams: { id: 'x/../y' }, correlationId: 'c-3' });
    await client.request('createThing', { body: { name: 'Müller' }, idempotencyKey: 'k-1', correlationId: 'c-4' });

    expect(seen).toEqual([
      {
        url: 'https://api.acme.test/v2/things?page=2&tag=a+b&tag=c',
        headers: [
          ['accept', 'application/vnd.acme+json'],
          ['acme-version', '2025-06-01'],
          ['x-correlation-id', 'c-2'],
        ],
        body: undefined,
      },
      {
        url: 'https://api.acme.test/v2/things',
        headers: [
          ['accept', 'application/vnd.acme+json'],
          ['acme-version', '2024-01-01'],
          ['x-correlation-id', 'c-1'],
        ],
        body: undefined,
      },
      {
        url: 'https://api.acme.test/v2/things/x%2F..%2Fy',
        headers: [
          ['accept', 'application/vnd.acme+json'],
          ['acme-version', '2024-01-01'],
          ['x-correlation-id', 'c-3'],
        ],
        body: undefined,
      },
      {
        url: 'https://api.acme.test/v2/things',
        headers: [
          ['accept', 'application/vnd.acme+json'],
          ['acme-version', '2024-01-01'],
          ['content-type', 'application/json; charset=utf-8'],
          ['idempotency-key', 'k-1'],
          ['x-correlation-id', 'c-4'],
        ],
        body: '{"name":"Müller"}',
      },
    ]);
  });

  it('sends a header named __proto__ as a header', async () => {
    let sent: string | null = null;
    const client = clientWith(
      (request) => {
        sent = request.headers.get('__proto__');
        return ok();
      },
      { getThing: { method: 'GET', path: '/things/1' } },
    );
    await client.request('getThing', { headers: { __proto__: 'kept' } as unknown as Record<string, string> });
    await client.request('getThing', { headers: JSON.parse('{"__proto__":"kept"}') as Record<string, string> });
    expect(sent).toBe('kept');
  });

  it('refuses a header value that cannot be sent before anything is sent, as Headers refuses it', async () => {
    let calls = 0;
    const client = clientWith(
      () => {
        calls++;
        return ok();
      },
      { getThing: { method: 'GET', path: '/things/1' } },
    );
    await expect(client.request('getThing', { headers: { 'x-note': 'a\nb' } })).rejects.toThrow(TypeError);
    await expect(client.request('getThing', { correlationId: 'c\r\nx-injected: 1' })).rejects.toThrow(TypeError);
    expect(calls).toBe(0);
  });

  it('fails the call, not the client, when an endpoint option is invalid', async () => {
    const client = clientWith(ok, { getThing: { method: 'GET', path: '/things/1', retry: { maxAttempts: 0 } } });
    await expect(client.request('getThing')).rejects.toThrow(/maxAttempts/);
  });
});

describe('the attempt signal of a transport that never reads it', () => {
  // Such a transport cannot be aborted; a failure it reports after the attempt's time is still a timeout.
  function slowFailure(clock: FakeClock, ms: number): Transport {
    return async () => {
      await clock.sleep(ms);
      throw Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('ECONNRESET'), { code: 'ECONNRESET' }) });
    };
  }

  it('names a failure after the attempt timeout a timeout', async () => {
    const clock = new FakeClock({ autoAdvance: true });
    const client = clientWith(slowFailure(clock, 5_001), { getThing: { method: 'GET', path: '/things/1', timeoutMs: 5_000, retry: { maxAttempts: 1 } } }, { clock });
    const error = await client.request('getThing').catch((caught: unknown) => caught);
    expect(isIntegrationError(error) && [error.kind, error.reason]).toEqual(['timeout', 'attempt_timeout']);
  });

  it('names a failure after the call deadline a deadline, and one before either a network failure', async () => {
    const clock = new FakeClock({ autoAdvance: true });
    const endpoints = { getThing: { method: 'GET', path: '/things/1', timeoutMs: 5_000, retry: { maxAttempts: 1 } } } satisfies Record<string, EndpointConfig>;
    const late = await clientWith(slowFailure(clock, 2_001), endpoints, { clock })
      .request('getThing', { totalTimeoutMs: 2_000 })
      .catch((caught: unknown) => caught);
    expect(isIntegrationError(late) && [late.kind, late.reason]).toEqual(['timeout', 'deadline_exceeded']);
    const early = await clientWith(slowFailure(clock, 4_999), endpoints, { clock })
      .request('getThing')
      .catch((caught: unknown) => caught);
    expect(isIntegrationError(early) && [early.kind, early.reason]).toEqual(['network', 'ECONNRESET']);
  });

  it("rethrows the caller's reason when the caller aborted meanwhile", async () => {
    const clock = new FakeClock({ autoAdvance: true });
    const controller = new AbortController();
    const transport: Transport = async () => {
      controller.abort(new Error('caller gave up'));
      throw new TypeError('fetch failed');
    };
    const client = clientWith(transport, { getThing: { method: 'GET', path: '/things/1' } }, { clock });
    await expect(client.request('getThing', { signal: controller.signal })).rejects.toThrow('caller gave up');
  });

  it('arms the timer once a transport reads the signal, and aborts it at the timeout', async () => {
    const clock = new FakeClock({ autoAdvance: true });
    let read: TransportRequest | undefined;
    const transport: Transport = (request) =>
      new Promise((_resolve, reject) => {
        read = request;
        request.signal.addEventListener('abort', () => reject(request.signal.reason as Error));
      });
    const client = clientWith(transport, { getThing: { method: 'GET', path: '/things/1', timeoutMs: 3_000, retry: { maxAttempts: 1 } } }, { clock });
    const started = clock.now();
    const error = await client.request('getThing').catch((caught: unknown) => caught);
    expect(isIntegrationError(error) && error.reason).toBe('attempt_timeout');
    expect(clock.now() - started).toBe(3_000);
    expect(read?.signal.aborted).toBe(true);
    expect(clock.pendingTimers).toBe(0);
  });
});

describe('rate-limit headers as a record', () => {
  it('reads a plain record of response headers as it reads Headers', () => {
    const now = Date.UTC(2026, 0, 1);
    const cases: Record<string, string>[] = [
      { 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '7', 'x-ratelimit-reset': '30' },
      { 'ratelimit-limit': '100, 100;w=60', 'ratelimit-remaining': '3', 'ratelimit-reset': '5' },
      { ratelimit: '"default";r=50;t=30, "burst";r=2;t=1' },
      { 'x-ratelimit-remaining': '7' },
      { constructor: '1', 'x-ratelimit-reset': '3' },
    ];
    for (const record of cases) expect(parseRateLimitHeaders(record, now)).toEqual(parseRateLimitHeaders(new Headers(record), now));
    expect(parseRateLimitHeaders(cases[0] ?? {}, now)).toEqual({ limit: 100, remaining: 7, resetAt: now + 30_000 });
  });

  it('grants a free slot synchronously and a contended one as a promise', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, store: new MemoryRateLimitStore() });
    const request = { rules: [{ key: 'k', windows: [{ limit: 1, windowMs: 1_000, marginMs: 0 }] }], maxWaitMs: 5_000, scope: { provider: 'acme', endpoint: 'e', correlationId: 'c' } };
    expect(limiter.acquireAt(request, clock.now())).toBe(0);
    const waiting = limiter.acquireAt(request, clock.now());
    expect(waiting).toBeInstanceOf(Promise);
    await clock.advance(1_000);
    await expect(waiting).resolves.toBe(1_000);
  });
});
