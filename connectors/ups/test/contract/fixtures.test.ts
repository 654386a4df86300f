import { MemoryTelemetrySink } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import { ProviderSimulator } from '@interlock/testkit/simulator';
import { describe, expect, it } from 'vitest';
import { alertContract, createUpsConnector, errorContract, trackResponseContract, UPS_ALERT_CREDENTIAL_HEADER } from '../../src/index.js';
import { CLIENT, CREDENTIAL, DELIVERED_ALERT, ERRORS, TRACK_RESPONSE, TRACKING_NUMBER, withTokenEndpoint } from '../fixtures/recorded.js';

async function withStage<T>(run: (stage: { simulator: ProviderSimulator; clock: FakeClock; telemetry: MemoryTelemetrySink }) => Promise<T>): Promise<T> {
  const clock = new FakeClock({ autoAdvance: true, start: Date.UTC(2024, 3, 23, 14) });
  const simulator = await ProviderSimulator.start({ clock, idempotencyHeader: false });
  try {
    return await run({ simulator, clock, telemetry: new MemoryTelemetrySink() });
  } finally {
    await simulator.close();
  }
}

const connectorOn = (stage: { simulator: ProviderSimulator; clock: FakeClock; telemetry: MemoryTelemetrySink }) =>
  createUpsConnector({ baseUrl: stage.simulator.url, credentials: CLIENT, webhookSecrets: [CREDENTIAL], clock: stage.clock, fetch: withTokenEndpoint(stage.clock.trackFetch()), telemetry: [stage.telemetry] });

describe('ups fixtures, shaped from the official specs', () => {
  it('are bodies UPS could send: each satisfies its wire contract', () => {
    expect(trackResponseContract.schema.safeParse(TRACK_RESPONSE).success).toBe(true);
    expect(alertContract.schema.safeParse(DELIVERED_ALERT).success).toBe(true);
    for (const reply of Object.values(ERRORS)) expect(errorContract.schema.safeParse(reply.body).success).toBe(true);
  });

  it('replays the tracking answer through the connector: GMT time read, padding trimmed, newest last, status from the type', async () => {
    await withStage(async (stage) => {
      stage.simulator.route('GET', `/api/track/v1/details/${TRACKING_NUMBER}`, () => ({ status: 200, body: TRACK_RESPONSE }));
      const [result] = await connectorOn(stage).track([TRACKING_NUMBER]);
      expect(result).toMatchObject({ found: true, tracks: [{ trackingNumber: TRACKING_NUMBER, status: 'exception', statusRaw: 'X/SR', service: 'UPS Ground' }] });
      const events = result?.found === true ? (result.tracks[0]?.events ?? []) : [];
      expect(events.map((event) => [event.rawCode, event.rawText, new Date(event.occurredAt).toISOString()])).toEqual([
        ['M/MP', 'Shipper created a label, UPS has not received the package yet.', '2021-02-09T23:00:00.000Z'],
        ['X/SR', 'Your package was released by the customs agency.', '2021-02-10T07:47:00.000Z'],
      ]);
      expect(events[1]?.location).toEqual({ city: 'Alpharetta', country: 'US' });
      expect(stage.telemetry.ofType('contract.drift')).toEqual([]);
    });
  });

  it('answers an unknown number as found: false beside the others, and fails the batch only for the service', async () => {
    await withStage(async (stage) => {
      stage.simulator.route('GET', `/api/track/v1/details/${TRACKING_NUMBER}`, () => ({ status: 200, body: TRACK_RESPONSE }));
      stage.simulator.route('GET', '/api/track/v1/details/1ZUNKNOWN0000000', () => ERRORS.notFound);
      const results = await connectorOn(stage).track(['1ZUNKNOWN0000000', TRACKING_NUMBER]);
      expect(results.map((result) => [result.trackingNumber, result.found])).toEqual([
        ['1ZUNKNOWN0000000', false],
        [TRACKING_NUMBER, true],
      ]);
      stage.simulator.route('GET', '/api/track/v1/details/1ZAUTHFAIL000000', () => ERRORS.invalidToken);
      await expect(connectorOn(stage).track(['1ZAUTHFAIL000000'])).rejects.toMatchObject({ kind: 'auth', providerCode: 'UJ0001' });
    });
  });

  it('reads the spec\'s delivery push as a read request, with no drift', async () => {
    await withStage(async (stage) => {
      const rawBody = JSON.stringify(DELIVERED_ALERT);
      const [event] = connectorOn(stage).parseWebhook({ rawBody, headers: { [UPS_ALERT_CREDENTIAL_HEADER]: CREDENTIAL }, now: stage.clock.now() });
      expect(event).toMatchObject({ type: 'tracking.updated', rawType: 'track_alert', occurredAt: Date.parse('2024-04-23T13:50:04Z') });
      expect(event?.track).toBeUndefined();
      expect(stage.telemetry.ofType('contract.drift')).toEqual([]);
    });
  });
});
