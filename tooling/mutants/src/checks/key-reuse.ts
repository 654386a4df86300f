import assert from 'node:assert/strict';
import { createProviderClient, isIntegrationError } from '@interlock/core';
import { FakeClock, FaultServer } from '@interlock/testkit';

/**
 * Core's idempotency guarantee for a caller's key: the same key with another payload is a
 * `conflict`, refused without a request, never answered with the first call's outcome. A charge
 * of 500, then of 900 under the same key, through core's client over real HTTP.
 */
export async function keyReuseIsConflict(): Promise<void> {
  const clock = new FakeClock({ autoAdvance: true });
  const server = await FaultServer.start(clock);
  try {
    server.route('POST', '/charges', (request) => ({ status: 201, body: { id: 'ch_1', body: request.body } }));
    const client = createProviderClient({ provider: 'acme', baseUrl: server.url, clock, fetch: clock.trackFetch(), breaker: false, endpoints: { charge: { method: 'POST', path: '/charges' } } });
    await client.request('charge', { body: { amount: 500 }, idempotencyKey: 'order-42' });
    const again = await client.request('charge', { body: { amount: 900 }, idempotencyKey: 'order-42' }).then(
      (response) => `answered from ${response.source}`,
      (error: unknown) => (isIntegrationError(error) ? `${error.kind} (${error.reason})` : String(error)),
    );
    assert.equal(again, 'conflict (idempotency_key_reused)', `a key reused with another payload was ${again}`);
    assert.equal(server.count('POST', '/charges'), 1, 'the reused key was sent again');
  } finally {
    await server.close();
  }
}
