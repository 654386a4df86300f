import { quote } from '../render.js';
import { recordedFiles } from '../common/tests.js';
import type { GeneratedFile, TemplateContext } from '../template.js';
import { CANCELED, CREATE_INPUT, CREATED, DELIVERED, RATES, SECOND, TRACKING, UNKNOWN_NUMBER } from './samples.js';

/** The canonical addresses the generated tests send: the text of the samples, as callers give it. */
const ADDRESSES = `export const FROM: Address = {
  name: 'Test Sender',
  company: 'Müller GmbH',
  lines: ['Teststraat'],
  houseNumber: '1',
  postalCode: '1011 AB',
  city: 'Amsterdam',
  country: 'NL',
  phone: '+31201234567',
  email: 'sender@example.com',
};

export const TO: Address = { name: 'Test Receiver', lines: ['Zakładowa'], houseNumber: '7', postalCode: '90-001', city: 'Łódź', country: 'PL' };`;

/** test/contract/: the shared contract suite on the recorded fixtures, and the fixtures replayed one by one. */
export function contractTestFiles(context: TemplateContext): GeneratedFile[] {
  const { camel, constant, id, pascal } = context.names;
  return [
    ...recordedFiles(context, {
      imports: `import { weight } from '@interlock/core';
import type { Address, CreateShipmentInput } from '@interlock/logistics';`,
      inputs: `${ADDRESSES}

/** The shipment the recorded \`shipment-create\` exchange creates: 500 g, sent as "0.500" kg. */
export const CREATE_INPUT: CreateShipmentInput = {
  from: FROM,
  to: TO,
  parcels: [{ weight: weight(${CREATE_INPUT.weightGrams}, 'g') }],
  service: ${quote(CREATE_INPUT.service)},
  reference: ${quote(CREATE_INPUT.reference)},
};`,
    }),
    {
      path: 'test/contract/spec.ts',
      content: `import type { LogisticsConnector } from '@interlock/logistics';
import type { ConnectorContractSpec } from '@interlock/testkit';
import { create${pascal}Connector, ${constant}_RATE_LIMITS } from '../../src/index.js';
import { API_KEY, CREATE_INPUT, replyOf, WEBHOOK_SECRET } from './recorded.js';

const read = replyOf('shipment-get-delivered');
// Its contract is a shipment, an object: spread, it makes the broken, drifted and new-status variants.
const shipment = read.body as Record<string, unknown>;

/** Everything the shared connector contract suite needs to know about ${id}. */
export const ${camel}Spec: ConnectorContractSpec<LogisticsConnector> = {
  provider: '${id}',
  credentials: [API_KEY, WEBHOOK_SECRET],
  create: ({ baseUrl, clock, fetch, telemetry }) => create${pascal}Connector({ baseUrl, apiKeys: [API_KEY], webhookSecrets: [WEBHOOK_SECRET], clock, fetch, telemetry }),
  read: { method: 'GET', path: '/v1/shipments/:id', reply: read, call: (connector) => connector.getShipment(${quote(DELIVERED.id)}) },
  write: {
    method: 'POST',
    path: '/v1/shipments',
    idempotencyHeader: 'Idempotency-Key',
    reply: replyOf('shipment-create'),
    call: (connector) => connector.createShipment(CREATE_INPUT),
  },
  errors: [
    { name: 'invalid address', kind: 'invalid_request', operation: 'write', reply: replyOf('error-invalid-address') },
    { name: 'idempotency key reused', kind: 'conflict', operation: 'write', reply: replyOf('error-idempotency-key-reused') },
    { name: 'invalid API key', kind: 'auth', reply: replyOf('error-invalid-api-key') },
    { name: 'shipment not found', kind: 'not_found', reply: replyOf('error-resource-missing') },
    { name: 'rate limited', kind: 'rate_limited', reply: replyOf('error-rate-limited') },
    { name: 'carrier down', kind: 'unavailable', reply: replyOf('error-service-unavailable') },
    { name: 'shipment body broken', kind: 'contract_violation', reply: { status: 200, body: { id: shipment['id'], object: 'shipment' } } },
  ],
  limits: { operation: 'read', windows: ${constant}_RATE_LIMITS.read },
  drift: { reply: { status: 200, body: { ...shipment, co2_grams: 412 } } },
  unknownEnum: { reply: { status: 200, body: { ...shipment, status: 'held_at_customs' } }, raw: 'held_at_customs' },
};
`,
    },
    {
      path: 'test/contract/fixtures.test.ts',
      content: `import { money } from '@interlock/core';
import type { LogisticsConnector } from '@interlock/logistics';
import { replayFixtures, type FixtureReplay } from '@interlock/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { ${constant}_API_BASE_URL, create${pascal}Connector } from '../../src/index.js';
import { API_KEY, CREATE_INPUT, recorded, WEBHOOK_SECRET } from './recorded.js';

let active: FixtureReplay | undefined;
afterEach(() => active?.dispose());

/** A connector whose every request must match one of the named exchanges, each used once. */
function replaying(...exchanges: string[]): { connector: LogisticsConnector; replay: FixtureReplay } {
  active = replayFixtures(${constant}_API_BASE_URL, exchanges.map(recorded));
  return { connector: create${pascal}Connector({ apiKeys: [API_KEY], webhookSecrets: [WEBHOOK_SECRET] }), replay: active };
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const collected: T[] = [];
  for await (const item of items) collected.push(item);
  return collected;
}

describe('${id} against recorded exchanges', () => {
  it('quotes rates as Money, with the day they stay valid', async () => {
    const { connector, replay } = replaying('rates-quote');
    const rates = await connector.quoteRates({ from: CREATE_INPUT.from, to: CREATE_INPUT.to, parcels: CREATE_INPUT.parcels });
    expect(rates.map((rate) => [rate.service, rate.amount, rate.transitDays])).toEqual([
      ['standard', money(${RATES[0]?.amount ?? 0}, 'EUR'), ${RATES[0]?.transit_days ?? 0}],
      ['express', money(${RATES[1]?.amount ?? 0}, 'EUR'), ${RATES[1]?.transit_days ?? 0}],
    ]);
    expect(rates[0]?.validUntil).toBe(Date.UTC(2026, 0, 6, 9));
    replay.assertDone();
  });

  it('buys a label under an idempotency key, the text of the addresses kept as sent', async () => {
    const { connector, replay } = replaying('shipment-create');
    await expect(connector.createShipment(CREATE_INPUT)).resolves.toMatchObject({
      provider: '${id}',
      status: 'label_created',
      reference: ${quote(CREATED.reference)},
      trackingNumbers: [${quote(CREATED.tracking_numbers[0] ?? '')}],
      from: { company: 'Müller GmbH' },
      to: { city: 'Łódź' },
      parcels: [{ weight: { value: 0.5, unit: 'kg' } }],
      price: money(${CREATED.price.amount}, 'EUR'),
      label: { format: 'pdf' },
      createdAt: Date.UTC(2026, 0, 5, 9),
    });
    replay.assertDone();
  });

  it('reads a delivered shipment and voids another', async () => {
    const { connector, replay } = replaying('shipment-get-delivered', 'shipment-cancel');
    await expect(connector.getShipment(${quote(DELIVERED.id)})).resolves.toMatchObject({ status: 'delivered', statusRaw: 'delivered' });
    await expect(connector.cancelShipment(${quote(CANCELED.id)})).resolves.toMatchObject({ status: 'canceled' });
    replay.assertDone();
  });

  it('lists shipments to the last page', async () => {
    const { connector, replay } = replaying('shipments-list-page-1', 'shipments-list-page-2');
    const shipments = await all(connector.listShipments({ createdFrom: Date.UTC(2026, 0, 5, 9), createdTo: Date.UTC(2026, 0, 6, 9) }));
    expect(shipments.map((shipment) => shipment.id)).toEqual([${quote(CREATED.id)}, ${quote(SECOND.id)}]);
    replay.assertDone();
  });

  it('tracks a batch with a result per number, local scan times resolved in the carrier zone', async () => {
    const { connector, replay } = replaying('tracking-batch');
    const [known, unknown] = await connector.track([${quote(TRACKING.tracking_number ?? '')}, ${quote(UNKNOWN_NUMBER.tracking_number)}]);
    expect(known).toMatchObject({ found: true, tracks: [{ status: 'delivered', updatedAt: Date.UTC(2026, 0, 6, 9) }] });
    expect(known?.found === true ? known.tracks[0]?.events.map((event) => event.status) : []).toEqual(['in_transit', 'out_for_delivery', 'delivered']);
    expect(unknown).toMatchObject({ found: false, error: { kind: 'not_found' } });
    replay.assertDone();
  });

  it('classifies a recorded address refusal without retrying it', async () => {
    const { connector, replay } = replaying('error-invalid-address');
    await expect(connector.createShipment(CREATE_INPUT)).rejects.toMatchObject({ kind: 'invalid_request', providerCode: 'invalid_address', attempts: 1 });
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
`,
    },
  ];
}

/** test/webhooks.test.ts and test/simulation.test.ts: the webhook path, and the end-to-end run on the simulation. */
export function behaviourTestFiles({ names }: TemplateContext): GeneratedFile[] {
  const { id, pascal, snake } = names;
  return [
    {
      path: 'test/webhooks.test.ts',
      content: `import { readFileSync } from 'node:fs';
import { signWebhook } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { create${pascal}Connector, webhookScheme } from '../src/index.js';

const SECRET = 'whsec_${snake}_webhooks';
const NOW = Date.UTC(2026, 0, 6, 9);
const connector = create${pascal}Connector({ apiKeys: ['sk_test_${snake}_webhooks'], webhookSecrets: [SECRET] });
const body = (name: string): string => readFileSync(new URL('./webhooks/' + name + '.json', import.meta.url), 'utf8');

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('${id} webhooks', () => {
  it('turns a signed tracking event into the number\\'s whole track', () => {
    const rawBody = body('tracking-delivered');
    const events = connector.parseWebhook({ rawBody, headers: signWebhook(webhookScheme, { rawBody, secret: SECRET, timestamp: NOW }), now: NOW });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'tracking.updated',
      provider: '${id}',
      occurredAt: NOW,
      track: { trackingNumber: ${quote(TRACKING.tracking_number ?? '')}, status: 'delivered', updatedAt: Date.UTC(2026, 0, 6, 9) },
    });
    expect(events[0]?.track?.events[2]?.location).toEqual({ city: 'Łódź', postalCode: '90-001', country: 'PL' });
  });

  it('refuses a body changed after signing, as ingress refuses it', () => {
    const rawBody = body('tracking-delivered');
    const headers = signWebhook(webhookScheme, { rawBody, secret: SECRET, timestamp: NOW });
    expect(thrown(() => connector.parseWebhook({ rawBody: rawBody.replace('"delivered"', '"returned"'), headers, now: NOW }))).toMatchObject({
      kind: 'auth',
      reason: 'webhook_signature_invalid',
    });
  });

  it('takes a signed body that is not JSON for the carrier breaking its contract', () => {
    const rawBody = 'not json';
    const headers = signWebhook(webhookScheme, { rawBody, secret: SECRET, timestamp: NOW });
    expect(thrown(() => connector.parseWebhook({ rawBody, headers, now: NOW }))).toMatchObject({ kind: 'contract_violation', reason: 'malformed_json' });
  });

  it('reads a shipment event the hub verified earlier, under the id it deduped on', () => {
    const [event] = connector.eventsFromVerifiedBody(body('shipment-created'), 'evt_from_ingress');
    expect(event).toMatchObject({ type: 'shipment.updated', providerEventId: 'evt_from_ingress', rawType: 'shipment.created', shipment: { status: 'label_created' } });
  });

  it('keeps an event type it does not act on as unknown', () => {
    const rawBody = JSON.stringify({ id: 'evt_other', object: 'event', type: 'integration.updated', created_at: NOW / 1000, data: { object: {} } });
    expect(connector.eventsFromVerifiedBody(rawBody, 'evt_other')).toMatchObject([{ type: 'unknown', rawType: 'integration.updated' }]);
  });
});
`,
    },
    {
      path: 'test/simulation.test.ts',
      content: `import { MemoryTelemetrySink, money, weight } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import type { Address } from '@interlock/logistics';
import { runLogisticsEndToEnd, type LogisticsEndToEndResult, type LogisticsSimulation } from '@interlock/logistics/testing';
import { describe, expect, it } from 'vitest';
import { create${pascal}Connector } from '../src/index.js';
import { create${pascal}Simulation } from '../testing/index.js';

const SECRET = 'whsec_${snake}_simulation';
const SHIPMENTS = 16;

${ADDRESSES}

async function onSimulation<T>(run: (clock: FakeClock, simulation: LogisticsSimulation) => Promise<T>): Promise<T> {
  const clock = new FakeClock({ autoAdvance: true, start: Date.UTC(2026, 0, 5, 9) });
  const simulation = await create${pascal}Simulation({ clock, webhookSecret: SECRET });
  try {
    return await run(clock, simulation);
  } finally {
    await simulation.simulator.close();
  }
}

const connectorFor = (clock: FakeClock, simulation: LogisticsSimulation, telemetry = new MemoryTelemetrySink()) =>
  create${pascal}Connector({ baseUrl: simulation.simulator.url, apiKeys: ['sk_test_${snake}_simulation'], webhookSecrets: [SECRET], clock, fetch: clock.trackFetch(), telemetry: [telemetry] });

function endToEnd(webhooks: boolean): Promise<LogisticsEndToEndResult> {
  return onSimulation((clock, simulation) => {
    const telemetry = new MemoryTelemetrySink();
    return runLogisticsEndToEnd({
      clock,
      simulation,
      connector: connectorFor(clock, simulation, telemetry),
      telemetry,
      shipments: SHIPMENTS,
      webhooks,
      input: (index) => ({ from: FROM, to: TO, parcels: [{ weight: weight(250 + index, 'g') }], service: 'standard', reference: 'order-' + index }),
    });
  });
}

describe('${id} on its simulation', () => {
  // The run is bound by virtual time; the timeout is for CI machines running many suites at once.
  it('buys every label once and settles every parcel on its true final status through faults and messy webhooks', { timeout: 60_000 }, async () => {
    const result = await endToEnd(true);
    expect(result.created).toBe(SHIPMENTS);
    expect(result.duplicateLabels).toBe(0);
    expect(result.unsettled).toEqual([]);
    expect(result.wrongFinal).toEqual([]);
    expect(result.backwardSteps).toBe(0);
    expect(result.webhooks.refused).toBeGreaterThan(0);
    expect(result.webhooks.crashed).toBe(0);
    expect(result.unknownCodes).toEqual([]);
  });

  it('settles every parcel by polling alone when every webhook is dropped', { timeout: 60_000 }, async () => {
    const result = await endToEnd(false);
    expect(result.unsettled).toEqual([]);
    expect(result.wrongFinal).toEqual([]);
    expect(result.settledBy.polling).toBe(SHIPMENTS);
  });

  it('quotes, ships abroad with a declaration, voids, finds and tracks through the simulated API', async () => {
    await onSimulation(async (clock, simulation) => {
      const connector = connectorFor(clock, simulation);
      const parcels = [{ weight: weight(1_500, 'g') }];
      const rates = await connector.quoteRates({ from: FROM, to: TO, parcels });
      expect(rates.map((rate) => [rate.service, rate.amount])).toEqual([
        ['standard', money(695, 'EUR')],
        ['express', money(1_390, 'EUR')],
      ]);

      const london = { ...TO, country: 'GB', postalCode: 'SW1A 1AA', city: 'London' };
      const customs = {
        contentsType: 'merchandise' as const,
        incoterm: 'DAP' as const,
        exporterEori: 'NL123456789',
        contents: [{ description: 'Cotton T-shirt', hsCode: '610910', quantity: 2, unitValue: money(1_500, 'EUR'), unitWeight: weight(200, 'g'), originCountry: 'PT' }],
      };
      const abroad = await connector.createShipment({ from: FROM, to: london, parcels, service: 'express', reference: 'order-abroad', customs });
      expect(abroad).toMatchObject({ status: 'label_created', to: { country: 'GB' }, parcels: [{ weight: { value: 1.5, unit: 'kg' } }] });
      await expect(connector.findShipmentByReference('order-abroad')).resolves.toMatchObject({ id: abroad.id });
      await expect(connector.findShipmentByReference('order-never')).resolves.toBeUndefined();

      await expect(connector.cancelShipment(abroad.id)).resolves.toMatchObject({ status: 'canceled' });
      await expect(connector.cancelShipment(abroad.id)).rejects.toMatchObject({ kind: 'conflict', providerCode: 'shipment_not_cancelable' });
      await expect(connector.getShipment(abroad.id)).resolves.toMatchObject({ status: 'canceled' });

      const [voided, unknown] = await connector.track([abroad.trackingNumbers[0] ?? '', 'TRK-NEVER-ISSUED']);
      expect(voided).toMatchObject({ found: true, tracks: [{ status: 'canceled' }] });
      expect(unknown).toMatchObject({ found: false, error: { kind: 'not_found' } });

      const listed = [];
      for await (const shipment of connector.listShipments({ createdFrom: clock.now() - 60_000 })) listed.push(shipment.id);
      expect(listed).toEqual([abroad.id]);
    });
  });
});
`,
    },
  ];
}
