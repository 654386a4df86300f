import { money } from '@interlock/core';
import type { LogisticsConnector } from '@interlock/logistics';
import { replayFixtures, type FixtureReplay } from '@interlock/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { SENDCLOUD_API_BASE_URL, createSendcloudConnector } from '../../src/index.js';
import { API_KEY, CREATE_INPUT, recorded, WEBHOOK_SECRET } from './recorded.js';

let active: FixtureReplay | undefined;
afterEach(() => active?.dispose());

/** A connector whose every request must match one of the named exchanges, each used once. */
function replaying(...exchanges: string[]): { connector: LogisticsConnector; replay: FixtureReplay } {
  active = replayFixtures(SENDCLOUD_API_BASE_URL, exchanges.map(recorded));
  return { connector: createSendcloudConnector({ apiKeys: [API_KEY], webhookSecrets: [WEBHOOK_SECRET] }), replay: active };
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const collected: T[] = [];
  for await (const item of items) collected.push(item);
  return collected;
}

describe('sendcloud against recorded exchanges', () => {
  it('quotes rates as Money, with the day they stay valid', async () => {
    const { connector, replay } = replaying('rates-quote');
    const rates = await connector.quoteRates({ from: CREATE_INPUT.from, to: CREATE_INPUT.to, parcels: CREATE_INPUT.parcels });
    expect(rates.map((rate) => [rate.service, rate.amount, rate.transitDays])).toEqual([
      ['standard', money(495, 'EUR'), 2],
      ['express', money(990, 'EUR'), 1],
    ]);
    expect(rates[0]?.validUntil).toBe(Date.UTC(2026, 0, 6, 9));
    replay.assertDone();
  });

  it('buys a label under an idempotency key, the text of the addresses kept as sent', async () => {
    const { connector, replay } = replaying('shipment-create');
    await expect(connector.createShipment(CREATE_INPUT)).resolves.toMatchObject({
      provider: 'sendcloud',
      status: 'label_created',
      reference: 'order-1042',
      trackingNumbers: ['TRK00000000000001'],
      from: { company: 'Müller GmbH' },
      to: { city: 'Łódź' },
      parcels: [{ weight: { value: 0.5, unit: 'kg' } }],
      price: money(495, 'EUR'),
      label: { format: 'pdf' },
      createdAt: Date.UTC(2026, 0, 5, 9),
    });
    replay.assertDone();
  });

  it('reads a delivered shipment and voids another', async () => {
    const { connector, replay } = replaying('shipment-get-delivered', 'shipment-cancel');
    await expect(connector.getShipment('shp_00000000000001')).resolves.toMatchObject({ status: 'delivered', statusRaw: 'delivered' });
    await expect(connector.cancelShipment('shp_00000000000001')).resolves.toMatchObject({ status: 'canceled' });
    replay.assertDone();
  });

  it('lists shipments to the last page', async () => {
    const { connector, replay } = replaying('shipments-list-page-1', 'shipments-list-page-2');
    const shipments = await all(connector.listShipments({ createdFrom: Date.UTC(2026, 0, 5, 9), createdTo: Date.UTC(2026, 0, 6, 9) }));
    expect(shipments.map((shipment) => shipment.id)).toEqual(['shp_00000000000001', 'shp_00000000000002']);
    replay.assertDone();
  });

  it('tracks a batch with a result per number, local scan times resolved in the carrier zone', async () => {
    const { connector, replay } = replaying('tracking-batch');
    const [known, unknown] = await connector.track(['TRK00000000000001', 'TRK99999999999999']);
    expect(known).toMatchObject({ found: true, tracks: [{ status: 'delivered', updatedAt: Date.UTC(2026, 0, 6, 9) }] });
    expect(known?.found === true ? known.tracks[0]?.events.map((event) => event.status) : []).toEqual(['in_transit', 'out_for_delivery', 'delivered']);
    expect(unknown).toMatchObject({ found: false, error: { kind: 'not_found' } });
    replay.assertDone();
  });

  it('classifies a recorded address refusal without retrying it', async () => {
    const { connector, replay } = replaying('error-invalid-address');
    await expect(connector.createShipment(CREATE_INPUT)).rejects.toMatchObject({ kind: 'invalid_request', providerCode: 'required', attempts: 1 });
    replay.assertDone();
  });

  it('refuses a shipment across a customs border without a declaration, before any call', async () => {
    const { connector, replay } = replaying();
    await expect(connector.createShipment({ ...CREATE_INPUT, to: { ...CREATE_INPUT.to, country: 'GB', postalCode: 'SW1A 1AA', city: 'London' } })).rejects.toMatchObject({
      kind: 'invalid_request',
      reason: 'customs_required',
    });
    replay.assertDone();
  });
});
