import { describe, expect, it } from 'vitest';
import type { IntegrationError} from '../../src/index.js';
import { MemoryDeadLetters } from '../../src/index.js';
import { harness } from '../support/harness.js';

const breaker = { minimumThroughput: 4, failureRatio: 0.5, openMs: 30_000, windowMs: 60_000 };

describe('provider client over real HTTP: circuit breaker', () => {
  it('opens on transient failures, answers without calling the provider, then closes after a good probe', async () => {
    const { server, client, clock, sink } = await harness(
      { quote: { method: 'GET', path: '/quote', retry: { maxAttempts: 1 } } } as const,
      { breaker },
    );
    let healthy = false;
    server.route('GET', '/quote', () => (healthy ? { status: 200, body: { price: 1 } } : { status: 503 }));
    for (let i = 0; i < 4; i++) await expect(client.request('quote')).rejects.toMatchObject({ kind: 'unavailable', reason: 'http_503' });
    expect(client.circuitState('quote')).toBe('open');

    const refused = (await client.request('quote').catch((e: unknown) => e)) as IntegrationError;
    expect(refused).toMatchObject({ kind: 'unavailable', reason: 'circuit_open', requestMayHaveReachedProvider: false });
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect(server.count('GET', '/quote')).toBe(4);

    const degraded = await client.request('quote', { fallback: () => ({ price: 'cached' }) });
    expect(degraded).toMatchObject({ source: 'fallback', status: 0, body: { price: 'cached' } });
    expect(degraded.degradedBy?.reason).toBe('circuit_open');
    expect(sink.ofType('circuit.fallback_used')).toHaveLength(1);

    healthy = true;
    await clock.advance(30_000);
    expect((await client.request('quote')).body).toEqual({ price: 1 });
    expect(client.circuitState('quote')).toBe('closed');
    expect(sink.ofType('circuit.state_changed').map((e) => `${e.from}->${e.to}`)).toEqual(['closed->open', 'open->half_open', 'half_open->closed']);
  });

  it('is never tripped by 4xx answers', async () => {
    const { server, client } = await harness({ find: { method: 'GET', path: '/find' } } as const, { breaker });
    server.route('GET', '/find', () => ({ status: 404 }));
    for (let i = 0; i < 20; i++) await expect(client.request('find')).rejects.toMatchObject({ kind: 'not_found' });
    expect(client.circuitState('find')).toBe('closed');
    expect(server.count('GET', '/find')).toBe(20);
  });
});

describe('provider client over real HTTP: queue and dead letters', () => {
  it('runs urgent work before batch work and refuses beyond the depth limit', async () => {
    const { server, client, sink } = await harness(
      { send: { method: 'POST', path: '/send', concurrency: 1 } } as const,
      { breaker: false, queue: { maxDepth: 3 } },
    );
    server.route('POST', '/send', () => ({ status: 200, delayMs: 100 }));
    const order = (label: string, priority: 'urgent' | 'normal' | 'batch') =>
      client.request('send', { body: { label }, priority }).then(() => label);
    const first = order('first', 'normal');
    const rest = [order('batch-1', 'batch'), order('batch-2', 'batch'), order('urgent', 'urgent')];
    await new Promise((resolve) => setImmediate(resolve));
    expect(client.queueDepth()).toMatchObject({ waiting: 3, byPriority: { urgent: 1, normal: 0, batch: 2 } });
    await expect(order('overflow', 'normal')).rejects.toMatchObject({ kind: 'rate_limited', reason: 'queue_full' });
    await Promise.all([first, ...rest]);
    expect(server.requests.map((r) => (JSON.parse(r.body) as { label: string }).label)).toEqual(['first', 'urgent', 'batch-1', 'batch-2']);
    expect(sink.ofType('queue.rejected')).toMatchObject([{ depth: 3, maxDepth: 3, priority: 'normal' }]);
  });

  it('dead-letters what fails permanently and what exhausts its budget, with the last error and attempts', async () => {
    const deadLetters = new MemoryDeadLetters();
    const { server, client, sink } = await harness(
      { create: { method: 'POST', path: '/orders', retry: { maxAttempts: 3 } } } as const,
      { breaker: false, deadLetters },
    );
    server.script('POST', '/orders', [{ status: 422, body: { error: 'bad amount' } }]);
    server.route('POST', '/orders', () => ({ status: 503 }));
    await expect(client.request('create', { body: { amount: -1 } })).rejects.toMatchObject({ kind: 'invalid_request' });
    // A 503 does not prove the provider did nothing, and nobody holds this call's key: it may have happened.
    await expect(client.request('create', { body: { amount: 5 } })).rejects.toMatchObject({ kind: 'outcome_unknown', reason: 'http_503', attempts: 3 });
    const letters = deadLetters.list();
    expect(letters).toHaveLength(2);
    expect(letters[0]).toMatchObject({ endpoint: 'create', attempts: 1, request: { method: 'POST', path: '/orders', body: { amount: -1 } }, error: { kind: 'invalid_request', status: 422 } });
    expect(letters[1]).toMatchObject({ attempts: 3, error: { kind: 'outcome_unknown', reason: 'http_503' } });
    expect(letters[1]!.request.idempotencyKey).toBe(server.requests[1]!.headers['idempotency-key']);
    expect(sink.ofType('queue.dead_lettered')).toHaveLength(2);
  });
});
