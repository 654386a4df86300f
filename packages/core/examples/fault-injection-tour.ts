/**
 * The main job until the hub exists: drives @interlock/core against a local fault-injecting
 * server, in real time, and prints what the client did at each fault.
 *
 *   npm start            (from the repository root)
 */
import {
  ApiKeyRing,
  IntegrationError,
  MemoryDeadLetters,
  apiKeyAuth,
  createProviderClient,
  systemClock,
  type TelemetryEvent,
} from '@interlock/core';
import { FaultServer } from '@interlock/core/testing';

const line = (text: string): void => console.log(text);
const t0 = Date.now();
const since = (): string => `${String(Date.now() - t0).padStart(5)} ms`;

function describe(event: TelemetryEvent): string | undefined {
  switch (event.type) {
    case 'request.retried':
      return `retry #${event.attempt} of ${event.endpoint} in ${event.delayMs} ms (${event.reason})`;
    case 'request.gave_up':
      return `gave up on ${event.endpoint} after ${event.attempts} attempt(s): ${event.reason}`;
    case 'circuit.state_changed':
      return `circuit of ${event.endpoint}: ${event.from} -> ${event.to} (${event.reason})`;
    case 'circuit.fallback_used':
      return `served a fallback for ${event.endpoint}`;
    case 'queue.dead_lettered':
      return `dead-lettered ${event.endpoint}: ${event.errorKind} (${event.reason})`;
    case 'idempotency.replayed':
      return `replayed the stored outcome of ${event.endpoint} for key ${event.idempotencyKey.slice(0, 13)}…`;
    case 'auth.key_switched':
      return `API key switched ${event.fromKeyId} -> ${event.toKeyId} (${event.reason})`;
    default:
      return undefined;
  }
}

async function main(): Promise<void> {
  const server = await FaultServer.start(systemClock);
  const deadLetters = new MemoryDeadLetters();
  const ring = new ApiKeyRing({ provider: 'demo', clock: systemClock, keys: [{ id: 'key_old', secret: 'sk_demo_old_7b1f0c2d9e' }] });
  const client = createProviderClient({
    provider: 'demo',
    baseUrl: server.url,
    auth: apiKeyAuth(ring, { in: 'bearer' }),
    deadLetters,
    timeoutMs: 300,
    retry: { maxAttempts: 4, backoff: { baseMs: 50, capMs: 1_000 } },
    breaker: { minimumThroughput: 4, failureRatio: 0.5, openMs: 800, windowMs: 5_000 },
    telemetry: [{ emit: (event) => { const text = describe(event); if (text) line(`  ${since()}  ${text}`); } }],
    endpoints: {
      getOrder: { method: 'GET', path: '/orders/{id}' },
      createCharge: { method: 'POST', path: '/charges' },
      // A margin of 50 ms covers the difference between a request on a new connection and one on
      // a warm connection: the provider counts arrivals, the limiter can only count departures.
      listItems: {
        method: 'GET',
        path: '/items',
        rateLimits: [{ limit: 5, windowMs: 1_000, marginMs: 50 }, { limit: 12, windowMs: 4_000, marginMs: 50 }],
        concurrency: 20,
      },
      quote: { method: 'GET', path: '/quote', retry: { maxAttempts: 1 } },
    },
  });
  const step = (title: string): void => line(`\n▶ ${title}`);
  const failed = (error: unknown): string =>
    error instanceof IntegrationError ? `${error.kind} (${error.reason}, attempts ${error.attempts}, retryable ${error.retryable})` : String(error);

  try {
    step('503, 502, then 200: transient failures are retried with jittered backoff');
    server.script('GET', '/orders/o_1', [{ status: 503 }, { status: 502 }]);
    server.route('GET', '/orders/{id}', () => ({ status: 200 }));
    server.route('GET', '/orders/o_1', () => ({ status: 200, body: { id: 'o_1', customer: 'Müller GmbH' } }));
    const order = await client.request<{ customer: string }>('getOrder', { pathParams: { id: 'o_1' } });
    line(`  result: HTTP ${order.status} after ${order.attempts} attempts, customer "${order.body.customer}"`);

    step('429 with Retry-After: 1: the client waits as told');
    server.script('GET', '/orders/o_2', [{ status: 429, headers: { 'retry-after': '1' } }]);
    server.route('GET', '/orders/o_2', () => ({ status: 200, body: { id: 'o_2' } }));
    const throttled = await client.request('getOrder', { pathParams: { id: 'o_2' } });
    line(`  result: HTTP ${throttled.status} after ${throttled.attempts} attempts`);

    step('a response slower than the 300 ms attempt timeout, then a fast one');
    server.script('GET', '/orders/o_3', [{ status: 200, delayMs: 2_000 }]);
    server.route('GET', '/orders/o_3', () => ({ status: 200, body: { id: 'o_3' } }));
    const slow = await client.request('getOrder', { pathParams: { id: 'o_3' } });
    line(`  result: HTTP ${slow.status} after ${slow.attempts} attempts`);

    step('connection reset while creating a charge: retried with the same idempotency key');
    server.script('POST', '/charges', [{ reset: true }, { status: 500 }]);
    server.route('POST', '/charges', () => ({ status: 201, body: { id: 'ch_1', amount: 1099, currency: 'inr' } }));
    const charge = client.operation('createCharge', { body: { amount: 1099, currency: 'inr' } });
    await charge.run();
    const keys = new Set(server.requests.filter((r) => r.path === '/charges').map((r) => r.headers['idempotency-key']));
    line(`  result: ${server.count('POST', '/charges')} attempts at the server, ${keys.size} distinct idempotency key`);
    const replay = await charge.run();
    line(`  running the same operation again answers from: ${replay.source}; the server saw ${server.count('POST', '/charges')} attempts in all`);

    step('422 on a charge: permanent, not retried, dead-lettered');
    server.script('POST', '/charges', [{ status: 422, body: { error: 'amount must be positive' } }]);
    await client.request('createCharge', { body: { amount: -5, currency: 'inr' } }).catch((e: unknown) => line(`  result: ${failed(e)}`));
    line(`  dead letters: ${deadLetters.size}`);

    step('30 list calls under a burst of 5 per second and a sustained 12 per 4 s');
    server.route('GET', '/items', () => ({ status: 200, body: [] }));
    const before = server.requests.length;
    const started = Date.now();
    await Promise.all(Array.from({ length: 30 }, () => client.request('listItems', { totalTimeoutMs: 60_000 })));
    const arrivals = server.requests.slice(before).map((r) => r.at);
    const worst = (windowMs: number): number => Math.max(...arrivals.map((a) => arrivals.filter((b) => b >= a && b - a < windowMs).length));
    line(`  result: 30 calls in ${Date.now() - started} ms; busiest second at the server: ${worst(1_000)} (limit 5), busiest 4 s: ${worst(4_000)} (limit 12)`);

    step('an outage: the circuit opens, a fallback answers, a probe closes it again');
    let down = true;
    server.route('GET', '/quote', () => (down ? { status: 503 } : { status: 200, body: { price: 42 } }));
    for (let i = 0; i < 5; i++) {
      await client.request('quote', { fallback: () => ({ price: 40, stale: true }) }).then(
        (r) => line(`  answer: ${JSON.stringify(r.body)} from ${r.source}`),
        (e: unknown) => line(`  refused: ${failed(e)}`),
      );
    }
    down = false;
    await systemClock.sleep(900);
    const recovered = await client.request('quote');
    line(`  after the open period: ${JSON.stringify(recovered.body)} from ${recovered.source}`);

    step('key rotation: the new key is not live at the provider yet');
    server.route('GET', '/orders/o_4', (r) =>
      r.headers['authorization'] === 'Bearer sk_demo_old_7b1f0c2d9e' ? { status: 200, body: { id: 'o_4' } } : { status: 401 },
    );
    ring.rotate({ id: 'key_new', secret: 'sk_demo_new_3c5a8e0f41' });
    const rotated = await client.request('getOrder', { pathParams: { id: 'o_4' } });
    line(`  result: HTTP ${rotated.status}, no error surfaced; current key is now ${ring.current().id}`);

    line(`\nThe server saw ${server.requests.length} requests; ${deadLetters.size} dead letter(s) kept for replay.`);
  } finally {
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
