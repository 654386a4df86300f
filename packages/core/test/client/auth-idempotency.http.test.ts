import { describe, expect, it } from 'vitest';
import {
  ApiKeyRing,
  IntegrationError,
  MemoryDeadLetters,
  OAuth2TokenManager,
  apiKeyAuth,
  bearerTokenAuth,
  type ProviderErrorTable,
} from '../../src/index.js';
import { FakeClock } from '../../src/testing.js';
import { harness } from '../support/harness.js';

const endpoints = {
  charge: { method: 'POST', path: '/charges', retry: { maxAttempts: 3 } },
  balance: { method: 'GET', path: '/balance' },
} as const;

describe('provider client over real HTTP: idempotent operations', () => {
  it('replays the first outcome when an operation runs again, without calling the provider', async () => {
    const { server, client, sink } = await harness(endpoints, { breaker: false });
    server.route('POST', '/charges', (request) => ({ status: 201, body: { id: 'ch_1', key: request.headers['idempotency-key'] } }));
    const operation = client.operation('charge', { body: { amount: 500, currency: 'inr' } });
    const first = await operation.run();
    const again = await operation.run();
    expect(first.source).toBe('provider');
    expect(again).toMatchObject({ source: 'replay', status: 201, body: first.body, idempotencyKey: operation.idempotencyKey });
    expect(server.count('POST', '/charges')).toBe(1);
    expect(sink.ofType('idempotency.replayed')).toHaveLength(1);
  });

  it('refuses a key reused with a different payload as a conflict', async () => {
    const { server, client } = await harness(endpoints, { breaker: false });
    server.route('POST', '/charges', () => ({ status: 201, body: {} }));
    await client.request('charge', { body: { amount: 500 }, idempotencyKey: 'order-42' });
    const error = await client.request('charge', { body: { amount: 900 }, idempotencyKey: 'order-42' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ kind: 'conflict', reason: 'idempotency_key_reused', retryable: false });
    expect(server.count('POST', '/charges')).toBe(1);
  });

  it('replays a permanent failure, but frees the key after a transient one so the same operation can run again', async () => {
    const { server, client } = await harness(endpoints, { breaker: false });
    server.script('POST', '/charges', [{ status: 402, body: { error: 'declined' } }]);
    const declined = client.operation('charge', { body: { amount: 1 } });
    await expect(declined.run()).rejects.toMatchObject({ kind: 'business_rejected' });
    await expect(declined.run()).rejects.toMatchObject({ kind: 'business_rejected', status: 402 });
    expect(server.count('POST', '/charges')).toBe(1);

    server.script('POST', '/charges', [{ status: 503 }, { status: 503 }, { status: 503 }]);
    server.route('POST', '/charges', () => ({ status: 201, body: { id: 'ch_2' } }));
    const flaky = client.operation('charge', { body: { amount: 2 } });
    await expect(flaky.run()).rejects.toMatchObject({ kind: 'unavailable', attempts: 3 });
    await expect(flaky.run()).resolves.toMatchObject({ source: 'provider', body: { id: 'ch_2' } });
    const keys = server.requests.slice(1).map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(4);
    expect(new Set(keys)).toEqual(new Set([flaky.idempotencyKey]));
  });
});

describe('provider client over real HTTP: credentials', () => {
  it('rotates API keys without a failed request when the new key is not live yet', async () => {
    const clock = new FakeClock();
    const ring = new ApiKeyRing({ provider: 'acme', clock, keys: [{ id: 'key_2026_10', secret: 'sk_test_old_0123456789' }] });
    const { server, client, sink } = await harness(endpoints, { breaker: false, auth: apiKeyAuth(ring, { in: 'bearer' }) });
    server.route('GET', '/balance', (request) =>
      request.headers['authorization'] === 'Bearer sk_test_old_0123456789' ? { status: 200, body: { available: 1 } } : { status: 401 },
    );
    ring.rotate({ id: 'key_2026_11', secret: 'sk_test_new_9876543210' });
    const response = await client.request('balance');
    expect(response).toMatchObject({ status: 200, attempts: 1 });
    expect(ring.current().id).toBe('key_2026_10');
    expect(sink.ofType('auth.key_switched').map((e) => e.reason)).toContain('rejected');
    expect(sink.ofType('request.gave_up')).toHaveLength(0);
  });

  it('refreshes an OAuth2 token the provider refused and re-sends once', async () => {
    const clock = new FakeClock();
    const tokens = ['token-one-aaaaaaaa', 'token-two-bbbbbbbb'];
    const manager = new OAuth2TokenManager({
      provider: 'acme',
      clock,
      fetchToken: () => Promise.resolve({ accessToken: tokens.shift() as string, expiresAt: clock.now() + 3_600_000 }),
    });
    const { server, client } = await harness(endpoints, { breaker: false, auth: bearerTokenAuth(manager) });
    server.route('GET', '/balance', (request) =>
      request.headers['authorization'] === 'Bearer token-two-bbbbbbbb' ? { status: 200, body: {} } : { status: 401 },
    );
    await expect(client.request('balance')).resolves.toMatchObject({ status: 200 });
    expect(server.requests.map((r) => r.headers['authorization'])).toEqual(['Bearer token-one-aaaaaaaa', 'Bearer token-two-bbbbbbbb']);
  });

  it('never lets a credential reach an event, an error, a log line or a dead letter, even when the provider echoes it', async () => {
    const secret = 'sk_test_51HxSecretValue0000';
    const queryKey = 'maps-test-query-key-0000000000';
    const ring = new ApiKeyRing({ provider: 'acme', clock: new FakeClock(), keys: [{ id: 'k1', secret }] });
    const echoTable: ProviderErrorTable = {
      extract: (body) => ({ message: (body as { message?: string } | undefined)?.message }),
      codes: {},
    };
    const deadLetters = new MemoryDeadLetters();
    const logged: string[] = [];
    const { server, client, sink } = await harness(endpoints, {
      breaker: false,
      errors: echoTable,
      deadLetters,
      auth: apiKeyAuth(ring, { in: 'bearer' }),
      telemetry: [{ emit: (event) => logged.push(JSON.stringify(event)) }],
    });
    // The provider echoes what it was sent: the Authorization header and the full URL.
    server.route('POST', '/charges', (request) => ({
      status: 400,
      body: { message: `bad request with ${request.headers['authorization']} to ${request.path}?key=${queryKey}` },
    }));
    client.redactor.addSecret(queryKey);
    const error = (await client
      .request('charge', { body: { amount: 1, note: `copy of ${secret}` }, headers: { 'x-api-key': secret } })
      .catch((e: unknown) => e)) as IntegrationError;
    expect(error).toBeInstanceOf(IntegrationError);
    expect(server.requests[0]!.headers['authorization']).toBe(`Bearer ${secret}`);
    const everything = [
      error.message,
      String(error.stack),
      JSON.stringify(error),
      JSON.stringify(deadLetters.list()),
      JSON.stringify(sink.events),
      ...logged,
    ].join('\n');
    expect(everything).toContain('bad request with [REDACTED] to /charges?key=[REDACTED]');
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(queryKey);
    expect(everything).not.toContain(Buffer.from(secret).toString('base64'));
  });
});
