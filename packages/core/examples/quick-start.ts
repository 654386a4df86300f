import { ApiKeyRing, apiKeyAuth, createProviderClient, systemClock, type Clock } from '@interlock/core';
import { FaultServer } from '@interlock/core/testing';

/** The README's quick start: a provider that fails twice, a client that rides through it. */
export async function quickStart(clock: Clock = systemClock, fetchImpl: typeof fetch = fetch): Promise<string> {
  const provider = await FaultServer.start(clock);
  provider.script('POST', '/v1/charges', [{ status: 503 }, { reset: true }]);
  provider.route('POST', '/v1/charges', () => ({ status: 201, body: { id: 'ch_1', amount: 1099 } }));

  const keys = new ApiKeyRing({ provider: 'acme', clock, keys: [{ id: 'key_2026_11', secret: process.env['ACME_KEY'] ?? 'sk_test_placeholder' }] });
  const acme = createProviderClient({
    provider: 'acme',
    baseUrl: provider.url,
    clock,
    fetch: fetchImpl,
    auth: apiKeyAuth(keys, { in: 'bearer' }),
    accountRateLimits: [{ limit: 100, windowMs: 1_000 }],
    endpoints: {
      createCharge: { method: 'POST', path: '/v1/charges', timeoutMs: 5_000, rateLimits: [{ limit: 25, windowMs: 1_000 }] },
    },
  });

  try {
    const charge = await acme.request<{ id: string }>('createCharge', { body: { amount: 1099, currency: 'eur' } });
    const keysSeen = new Set(provider.requests.map((r) => r.headers['idempotency-key'])).size;
    return `${charge.body.id} after ${charge.attempts} attempts, ${keysSeen} idempotency key`;
  } finally {
    await provider.close();
  }
}

if (process.argv[1]?.endsWith('quick-start.ts')) console.log(await quickStart());
