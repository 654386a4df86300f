import { MemoryTelemetrySink, money, weight } from '@interlock/core';
import type { LogisticsConnector } from '@interlock/logistics';
import { replayFixtures, type Fixture, type FixtureReplay } from '@interlock/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { SENDCLOUD_API_BASE_URL, createSendcloudConnector } from '../../src/index.js';
import { API_KEY, CREATE_INPUT, recorded, WEBHOOK_SECRET } from './recorded.js';

let active: FixtureReplay | undefined;
afterEach(() => active?.dispose());

const FIRST = '00000000-0000-4000-8000-000000000001';
const SECOND = '00000000-0000-4000-8000-000000000002';

/** A connector whose every request must match one of the named exchanges, each used once; `sent` keeps the bodies it sent. */
function replaying(...exchanges: (string | Fixture)[]): { connector: LogisticsConnector; replay: FixtureReplay; sent: unknown[]; telemetry: MemoryTelemetrySink } {
  active = replayFixtures(SENDCLOUD_API_BASE_URL, exchanges.map((name) => (typeof name === 'string' ? recorded(name) : name)));
  const sent: unknown[] = [];
  // Core's transport hands fetch a Request, its body inside.
  const recording: typeof fetch = async (input, init) => {
    if (input instanceof Request && input.body !== null) sent.push(JSON.parse(await input.clone().text()));
    return fetch(input, init);
  };
  const telemetry = new MemoryTelemetrySink();
  return { connector: createSendcloudConnector({ apiKeys: [API_KEY], webhookSecrets: [WEBHOOK_SECRET], fetch: recording, telemetry: [telemetry] }), replay: active, sent, telemetry };
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const collected: T[] = [];
  for await (const item of items) collected.push(item);
  return collected;
}

describe('sendcloud against recorded exchanges', () => {
  it('refuses a quote with a typed error before any call: the Shipping Options spec is not pinned', async () => {
    const { connector, replay } = replaying();
    await expect(connector.quoteRates({ from: CREATE_INPUT.from, to: CREATE_INPUT.to, parcels: CREATE_INPUT.parcels })).rejects.toMatchObject({
      kind: 'invalid_request',
      reason: 'operation_unsupported',
      requestMayHaveReachedProvider: false,
    });
    replay.assertDone();
  });

  it('announces a label synchronously, the text of the addresses kept as sent', async () => {
    const { connector, replay, sent } = replaying('shipment-create');
    await expect(connector.createShipment(CREATE_INPUT)).resolves.toMatchObject({
      id: FIRST,
      provider: 'sendcloud',
      carrier: 'postnl',
      service: 'postnl:standard',
      status: 'label_created',
      statusRaw: 'READY_TO_SEND',
      reference: 'order-1042',
      trackingNumbers: ['3SYZXG0000001'],
      from: { company: 'Müller GmbH', lines: ['Teststraat'], houseNumber: '1' },
      to: { city: 'Łódź', lines: ['Zakładowa'] },
      parcels: [{ weight: { value: 0.5, unit: 'kg' } }],
      label: { format: 'pdf', url: `https://panel.sendcloud.sc/api/v3/parcels/383707301/documents/label` },
      createdAt: Date.UTC(2026, 0, 5, 9),
      updatedAt: Date.UTC(2026, 0, 5, 9, 0, 0, 500),
    });
    expect(sent).toMatchObject([{
      external_reference_id: 'order-1042',
      order_number: 'order-1042',
      ship_with: { type: 'shipping_option_code', properties: { shipping_option_code: 'postnl:standard' } },
      from_address: { company_name: 'Müller GmbH', address_line_1: 'Teststraat', house_number: '1', phone_number: '+31201234567' },
      parcels: [{ weight: { value: '0.500', unit: 'kg' } }],
    }]);
    replay.assertDone();
  });

  it('reads every recorded shape without drift: the contracts list every field the spec examples send', async () => {
    const { connector, replay, telemetry } = replaying('shipment-create', 'shipment-get-cancelled', 'shipments-list-page-1', 'shipments-list-page-2', 'tracking-found');
    await connector.createShipment(CREATE_INPUT);
    await connector.getShipment(FIRST);
    await all(connector.listShipments({ createdFrom: Date.UTC(2026, 0, 5, 9) }));
    await connector.track(['3SYZXG132912330']);
    expect(telemetry.ofType('contract.drift')).toEqual([]);
    expect(telemetry.ofType('enum.unknown_value')).toEqual([]);
    replay.assertDone();
  });

  it('takes a failed announcement for what it is: the shipment, an exception without a label, its zone-less times read in Amsterdam', async () => {
    const { connector, replay } = replaying('shipment-create-failed');
    const shipment = await connector.createShipment({ ...CREATE_INPUT, reference: 'order-1045' });
    expect(shipment).toMatchObject({
      status: 'exception',
      statusRaw: 'ANNOUNCEMENT_FAILED',
      reference: 'order-1045',
      trackingNumbers: ['3SYZXG8498635'],
      createdAt: Date.UTC(2018, 0, 1, 20, 45, 30),
      updatedAt: Date.UTC(2018, 0, 1, 20, 47, 12),
    });
    expect(shipment.label).toBeUndefined();
    expect(shipment.to.stateCode).toBeUndefined();
    replay.assertDone();
  });

  it('reads a ready shipment, and cancels one to read it back cancelled', async () => {
    const { connector, replay } = replaying('shipment-get-ready', 'shipment-cancel', 'shipment-get-cancelled');
    await expect(connector.getShipment(SECOND)).resolves.toMatchObject({ status: 'label_created', statusRaw: 'READY_TO_SEND', reference: 'order-1043' });
    await expect(connector.cancelShipment(FIRST)).resolves.toMatchObject({ id: FIRST, status: 'canceled', statusRaw: 'CANCELLED' });
    replay.assertDone();
  });

  it('answers a queued cancellation with the shipment as it still is', async () => {
    const { connector, replay } = replaying('shipment-cancel-queued', 'shipment-get-ready');
    await expect(connector.cancelShipment(SECOND)).resolves.toMatchObject({ id: SECOND, status: 'label_created' });
    replay.assertDone();
  });

  it('refuses a cancellation Sendcloud rejects as a conflict, without retrying it', async () => {
    const { connector, replay } = replaying('error-shipment-not-cancelable');
    await expect(connector.cancelShipment(FIRST)).rejects.toMatchObject({ kind: 'conflict', providerCode: 'invalid', attempts: 1 });
    replay.assertDone();
  });

  it('lists the shipments created in the window to the last page, by update time and the Link header', async () => {
    const { connector, replay } = replaying('shipments-list-page-1', 'shipments-list-page-2');
    const shipments = await all(connector.listShipments({ createdFrom: Date.UTC(2026, 0, 5, 9), createdTo: Date.UTC(2026, 0, 6, 9) }));
    expect(shipments.map((shipment) => shipment.id)).toEqual([FIRST, SECOND]);
    replay.assertDone();
  });

  it('fails the whole batch on a failure other than an unknown number, such as a refused key', async () => {
    const refusal = recorded('error-invalid-api-key');
    const { connector, replay } = replaying('tracking-found', { ...refusal, request: { ...refusal.request, path: '/v2/tracking/AHDJ290827' } });
    await expect(connector.track(['3SYZXG132912330', 'AHDJ290827'])).rejects.toMatchObject({ kind: 'auth', providerCode: 'authentication_failed' });
    replay.assertDone();
  });

  it('takes a refused list filter for the invalid request it is, whatever status its error object claims', async () => {
    const { connector, replay } = replaying('error-list-validation');
    await expect(all(connector.listShipments({ createdFrom: Date.UTC(2026, 0, 5, 9) }))).rejects.toMatchObject({ kind: 'invalid_request', providerCode: 'validation_error', status: 400 });
    replay.assertDone();
  });

  it('tracks a number through its consolidated statuses, offsets kept, and another Sendcloud does not know', async () => {
    const { connector, replay } = replaying('tracking-found', 'tracking-not-found');
    const [known, unknown] = await connector.track(['3SYZXG132912330', 'AHDJ290827']);
    expect(known).toMatchObject({ found: true, tracks: [{ status: 'delivered', statusRaw: 'delivered', updatedAt: Date.parse('2022-01-26T10:15:42.120Z') }] });
    expect(known?.found === true ? known.tracks[0]?.events.map((event) => [event.rawCode, event.status]) : []).toEqual([
      ['announcing', 'label_created'],
      ['ready-to-send', 'label_created'],
      ['shipment-on-route', 'in_transit'],
      ['delivered', 'delivered'],
    ]);
    expect(unknown).toMatchObject({ trackingNumber: 'AHDJ290827', found: false, error: { kind: 'not_found' } });
    replay.assertDone();
  });

  it('classifies a recorded field refusal without retrying it', async () => {
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

  it('refuses a character no label can print with a typed error naming the field, never the text, before any call', async () => {
    const { connector, replay } = replaying();
    const error = await connector.createShipment({ ...CREATE_INPUT, to: { ...CREATE_INPUT.to, name: 'Jan\u0000Jansen' } }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'invalid_request', reason: 'unsupported_characters', requestMayHaveReachedProvider: false });
    expect((error as Error).message).toContain('U+0000');
    expect((error as Error).message).not.toContain('Jansen');
    replay.assertDone();
  });

  it('refuses declarations Sendcloud cannot take as they are, before any call', async () => {
    const { connector, replay } = replaying();
    const london = { ...CREATE_INPUT.to, country: 'GB', postalCode: 'SW1A 1AA', city: 'London' };
    const item = { description: 'Cotton T-shirt', hsCode: '610910', quantity: 1, unitValue: money(1_500, 'EUR'), unitWeight: weight(200, 'g'), originCountry: 'PT' };
    const customs = { contentsType: 'merchandise' as const, incoterm: 'DAP' as const, exporterEori: 'NL123456789', invoiceNumber: 'INV-1', contents: [item] };
    const refusal = (changes: object) => connector.createShipment({ ...CREATE_INPUT, to: london, customs: { ...customs, ...changes } });
    await expect(refusal({ invoiceNumber: undefined })).rejects.toMatchObject({ reason: 'customs_invoice_required' });
    await expect(refusal({ contentsType: 'returned_goods' })).rejects.toMatchObject({ reason: 'customs_contents_unsupported' });
    await expect(refusal({ contents: [{ ...item, quantity: 2 }] })).rejects.toMatchObject({ reason: 'customs_quantity_ambiguous' });
    await expect(connector.createShipment({ ...CREATE_INPUT, to: london, customs, parcels: [...CREATE_INPUT.parcels, ...CREATE_INPUT.parcels] })).rejects.toMatchObject({
      reason: 'customs_multi_parcel_unsupported',
    });
    replay.assertDone();
  });
});
