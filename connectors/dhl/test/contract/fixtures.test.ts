import { convertWeight, weight } from '@interlock/core';
import type { LogisticsConnector } from '@interlock/logistics';
import { shipmentPolling } from '@interlock/logistics';
import { replayFixtures, type FixtureReplay } from '@interlock/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { createDhlConnector, shipmentsContract, toShipmentWeight } from '../../src/index.js';
import { API_KEY, recorded } from './recorded.js';

let active: FixtureReplay | undefined;
afterEach(() => active?.dispose());

/** A connector whose every request must match one of the named exchanges, each used once. */
function replaying(...exchanges: string[]): { connector: LogisticsConnector; replay: FixtureReplay } {
  active = replayFixtures('https://api-eu.dhl.com', exchanges.map(recorded));
  return { connector: createDhlConnector({ apiKeys: [API_KEY] }), replay: active };
}

describe('dhl against recorded exchanges', () => {
  it('reads a delivered express shipment, zone-less event times in German time and Z times as UTC', async () => {
    const { connector, replay } = replaying('shipments-express-delivered');
    const [result] = await connector.track(['7777777770']);
    expect(result).toMatchObject({ found: true, tracks: [{ carrierShipmentId: '7777777770', service: 'express', status: 'delivered', statusRaw: 'delivered' }] });
    if (result?.found !== true) throw new Error('not found');
    const [track] = result.tracks;
    expect(track?.events.map((event) => [event.status, new Date(event.occurredAt).toISOString()])).toEqual([
      ['label_created', '2018-03-01T19:12:00.000Z'],
      ['in_transit', '2018-03-02T06:53:47.000Z'],
      ['delivered', '2018-03-02T16:33:00.000Z'],
    ]);
    expect(track?.events[1]).toMatchObject({ rawCode: 'transit', rawText: 'customs inspection', location: { country: 'NL', postalCode: '1043 AG' } });
    expect(track?.estimatedDeliveryAt).toBe(Date.UTC(2018, 7, 3));
    replay.assertDone();
  });

  it('answers a settled number again from the ledger, without a second call', async () => {
    const { connector, replay } = replaying('shipments-express-delivered');
    await connector.track(['7777777770']);
    // The replay holds one exchange: a second call would find no match and fail the batch.
    await expect(connector.track(['7777777770'])).resolves.toMatchObject([{ found: true, tracks: [{ status: 'delivered' }] }]);
    replay.assertDone();
  });

  it('keeps every shipment a number holds across services, and polls the one DHL updated last', async () => {
    const { connector, replay } = replaying('shipments-two-services');
    const [result] = await connector.track(['00340434292135100186']);
    expect(result).toMatchObject({ found: true, tracks: [{ service: 'parcel-de', status: 'in_transit' }, { service: 'post-de', status: 'delivered' }] });
    replay.assertDone();
    replaying('shipments-two-services');
    await expect(shipmentPolling.read(createDhlConnector({ apiKeys: [API_KEY] }), '00340434292135100186')).resolves.toMatchObject({ status: 'in_transit' });
  });

  it('reads the weight as DHL states it, unit and all: 500 g is 0.5 kg and never 500 kg', () => {
    const page = shipmentsContract.schema.parse(recorded('shipments-two-services').response.body);
    const [grams, kilograms] = (page.shipments ?? []).map(toShipmentWeight);
    expect(grams).toEqual(weight(500, 'g'));
    expect(kilograms).toEqual(weight(0.5, 'kg'));
    expect(grams && convertWeight(grams, 'kg')).toEqual(weight(0.5, 'kg'));
  });

  it('reads every page of a number with more shipments than one page holds', async () => {
    const { connector, replay } = replaying('shipments-page-1', 'shipments-page-2');
    const [result] = await connector.track(['1234567890']);
    expect(result?.found === true ? result.tracks.map((track) => track.carrierShipmentId) : []).toEqual([0, 1, 2, 3, 4, 5].map((i) => `1234567890-${i}`));
    replay.assertDone();
  });

  it('reports a number DHL does not know beside the others of its batch', async () => {
    const { connector, replay } = replaying('error-not-found', 'shipments-express-delivered');
    const results = await connector.track(['8264715546', '7777777770']);
    expect(results).toMatchObject([
      { trackingNumber: '8264715546', found: false, error: { kind: 'not_found' } },
      { trackingNumber: '7777777770', found: true },
    ]);
    replay.assertDone();
  });

  it('fails the whole batch on a refused key, never reporting numbers as unknown', async () => {
    const { connector } = replaying('error-unauthorized');
    await expect(connector.track(['7777777770'])).rejects.toMatchObject({ kind: 'auth', status: 401 });
  });
});
