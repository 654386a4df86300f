import { weight } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import { describe, expect, it } from 'vitest';
import { createSendcloudConnector, descriptor, SENDCLOUD_TOKEN_URL } from '../src/index.js';
import { createSendcloudSimulation, type SendcloudSimulation } from '../testing/index.js';
import { FROM, TO } from './contract/recorded.js';

const CLIENT = { clientId: 'sendcloud-test-client', clientSecret: 'sendcloud-test-client-secret' };
const TOKEN_PATH = '/oauth2/token/';
const HOUR = 60 * 60_000;

/** Sendcloud's token endpoint on the simulation: a fresh token per grant, valid an hour. */
function issueTokens(simulation: SendcloudSimulation): () => number {
  let issued = 0;
  simulation.simulator.route('POST', TOKEN_PATH, () => {
    issued++;
    return { status: 200, body: { access_token: `sim-token-${issued}`, token_type: 'Bearer', expires_in: 3600, scope: 'api' } };
  });
  return () => issued;
}

async function onSimulation(run: (clock: FakeClock, simulation: SendcloudSimulation) => Promise<void>): Promise<void> {
  const clock = new FakeClock({ autoAdvance: true, start: Date.UTC(2026, 0, 5, 9) });
  const simulation = await createSendcloudSimulation({ clock, webhookSecret: 'whsec_oauth2' });
  try {
    await run(clock, simulation);
  } finally {
    await simulation.simulator.close();
  }
}

describe('sendcloud with an OAuth2 client', () => {
  it('calls with a client-credentials token of scope api, asked for once and again before it expires, instead of Basic auth', async () => {
    await onSimulation(async (clock, simulation) => {
      const issued = issueTokens(simulation);
      const connector = createSendcloudConnector({
        oauth2: { ...CLIENT, tokenUrl: `${simulation.simulator.url}${TOKEN_PATH}` },
        baseUrl: simulation.simulator.url,
        webhookSecrets: ['whsec_oauth2'],
        clock,
        fetch: clock.trackFetch(),
      });
      const startedAt = clock.now();
      const shipment = await connector.createShipment({ from: FROM, to: TO, parcels: [{ weight: weight(500, 'g') }], service: 'postnl:standard', reference: 'oauth2-1' });
      await connector.track(shipment.trackingNumbers);
      expect(issued()).toBe(1);

      const requests = simulation.simulator.requests;
      const [grant] = requests.filter((request) => request.path === TOKEN_PATH);
      expect(new URLSearchParams(grant?.body)).toEqual(new URLSearchParams({ grant_type: 'client_credentials', scope: 'api' }));
      expect(grant?.headers['authorization']).toBe(`Basic ${Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString('base64')}`);
      const calls = requests.filter((request) => request.path !== TOKEN_PATH);
      expect(calls.length).toBeGreaterThanOrEqual(2);
      expect(calls.every((request) => request.headers['authorization'] === 'Bearer sim-token-1')).toBe(true);

      // Four minutes before it lapses: refreshed ahead, never sent expired.
      await clock.sleep(HOUR - 4 * 60_000 - (clock.now() - startedAt));
      await connector.track(shipment.trackingNumbers);
      expect(issued()).toBe(2);
      expect(simulation.simulator.requests.at(-1)?.headers['authorization']).toBe('Bearer sim-token-2');
    });
  });

  it('is what the descriptor builds when the config names the client variable, whose value no error repeats', async () => {
    await onSimulation(async (clock, simulation) => {
      issueTokens(simulation);
      const config = descriptor.config.parse({ baseUrl: simulation.simulator.url, oauth2ClientEnv: 'SENDCLOUD_OAUTH2_CLIENT', tokenUrl: `${simulation.simulator.url}${TOKEN_PATH}` });
      const context = (env: Record<string, string>) => ({ env, clock, telemetry: [], webhookSecrets: ['whsec_oauth2'], fetch: clock.trackFetch() });
      const connector = descriptor.create(config, context({ SENDCLOUD_OAUTH2_CLIENT: `${CLIENT.clientId}:${CLIENT.clientSecret}` }));
      await connector.track(['3SYZXG000000001']);
      expect(simulation.simulator.requests.at(-1)?.headers['authorization']).toBe('Bearer sim-token-1');

      expect(() => descriptor.create(config, context({}))).toThrow(/SENDCLOUD_OAUTH2_CLIENT/);
      const malformed = () => descriptor.create(config, context({ SENDCLOUD_OAUTH2_CLIENT: 'only-a-secret-value' }));
      expect(malformed).toThrow(/SENDCLOUD_OAUTH2_CLIENT must be client_id:client_secret/);
      expect(malformed).not.toThrow(/only-a-secret-value/);
      expect(descriptor.config.parse({}).tokenUrl).toBe(SENDCLOUD_TOKEN_URL);
    });
  });
});
