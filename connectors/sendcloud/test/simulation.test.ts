import { MemoryTelemetrySink, money, weight } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import { runLogisticsEndToEnd, trackAborted, type LogisticsEndToEndResult, type LogisticsSimulation } from '@interlock/logistics/testing';
import type { FaultRule, FaultScenario, WebhookEvent } from '@interlock/testkit/simulator';
import { describe, expect, it } from 'vitest';
import { createSendcloudConnector } from '../src/index.js';
import { createSendcloudSimulation, type SendcloudSimulation } from '../testing/index.js';
import { FROM, TO } from './contract/recorded.js';

const SECRET = 'whsec_sendcloud_simulation';
const SHIPMENTS = 16;

const HOUR = 60 * 60_000;
/**
 * Ten minutes with the whole API down, from the simulator's start: while the labels are being
 * bought, so every run meets it (later, the pollers' jittered backoff may happen to sleep through it).
 */
const outage: FaultRule = { name: 'outage', from: 0, until: 10 * 60_000, fault: { type: 'status', status: 503 } };

/**
 * The simulation as a bad day at Sendcloud: on top of the run's own faults (late, duplicated,
 * reordered, dropped, forged deliveries), every third webhook is held back three hours, and the
 * whole API answers 503 for ten minutes.
 */
function badDay(simulation: LogisticsSimulation, clock: FakeClock): LogisticsSimulation {
  const held: { due: number; event: WebhookEvent }[] = [];
  let seen = 0;
  const simulator = new Proxy(simulation.simulator, {
    get(target, key, receiver) {
      if (key === 'setScenario') return (scenario: FaultScenario) => target.setScenario({ rules: [outage, ...scenario.rules] });
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    ...simulation,
    simulator,
    scan: () => simulation.scan(),
    takeWebhookEvents() {
      const now = clock.now();
      const fresh = simulation.takeWebhookEvents().filter((event) => {
        if (++seen % 3 !== 0) return true;
        held.push({ due: now + 3 * HOUR, event });
        return false;
      });
      const due = held.filter((entry) => entry.due <= now);
      held.splice(0, held.length, ...held.filter((entry) => entry.due > now));
      return [...fresh, ...due.map((entry) => entry.event)];
    },
  };
}

async function onSimulation<T>(run: (clock: FakeClock, simulation: SendcloudSimulation) => Promise<T>): Promise<T> {
  const clock = new FakeClock({ autoAdvance: true, start: Date.UTC(2026, 0, 5, 9) });
  const simulation = await createSendcloudSimulation({ clock, webhookSecret: SECRET });
  try {
    return await run(clock, simulation);
  } finally {
    await simulation.simulator.close();
  }
}

const connectorFor = (clock: FakeClock, simulation: LogisticsSimulation, telemetry = new MemoryTelemetrySink()) =>
  createSendcloudConnector({ baseUrl: simulation.simulator.url, apiKeys: ['pk_test_simulation:sk_test_simulation'], webhookSecrets: [SECRET], clock, fetch: clock.trackFetch(), telemetry: [telemetry] });

function endToEnd(webhooks: boolean): Promise<LogisticsEndToEndResult & { outageRefusals: number }> {
  return onSimulation(async (clock, simulation) => {
    const telemetry = new MemoryTelemetrySink();
    const result = await runLogisticsEndToEnd({
      clock,
      simulation: badDay(simulation, clock),
      connector: connectorFor(clock, simulation, telemetry),
      telemetry,
      shipments: SHIPMENTS,
      webhooks,
      input: (index) => ({ from: FROM, to: TO, parcels: [{ weight: weight(250 + index, 'g') }], service: 'postnl:standard', reference: 'order-' + index }),
    });
    return { ...result, outageRefusals: simulation.simulator.faultsInjected.get('outage') ?? 0 };
  });
}

describe('sendcloud on its simulation', () => {
  it('stops tracking when its caller stops waiting: an aborted read rejects with its reason and asks the carrier nothing', async () => {
    await onSimulation( async (clock, simulation) => {
      const { error, requests } = await trackAborted(connectorFor(clock, simulation), simulation, ['SIM0000001', 'SIM0000002']);
      expect(error).toMatchObject({ message: 'closing' });
      expect(requests).toBe(0);
    });
  });

  // The run is bound by virtual time; the timeout is for CI machines running many suites at once.
  it('buys every label once and settles every parcel on its true final status through faults, webhooks hours late and an outage', { timeout: 60_000 }, async () => {
    const result = await endToEnd(true);
    expect(result.outageRefusals).toBeGreaterThan(0);
    expect(result.created).toBe(SHIPMENTS);
    expect(result.duplicateLabels).toBe(0);
    expect(result.unsettled).toEqual([]);
    expect(result.wrongFinal).toEqual([]);
    expect(result.backwardSteps).toBe(0);
    expect(result.webhooks.refused).toBeGreaterThan(0);
    expect(result.webhooks.crashed).toBe(0);
    expect(result.unknownCodes).toEqual(['delivery-delayed']);
    // Alerted once each: tracking's unmapped "delivery-delayed" and the two webhook status ids the
    // simulation numbers itself (on route, delayed), which no map lists and no track is moved by.
    expect(result.unknownAlerts).toBe(3);
  });

  it('settles every parcel by polling alone when every webhook is dropped', { timeout: 60_000 }, async () => {
    const result = await endToEnd(false);
    expect(result.unsettled).toEqual([]);
    expect(result.wrongFinal).toEqual([]);
    expect(result.settledBy.polling).toBe(SHIPMENTS);
    expect(result.backwardSteps).toBe(0);
    expect(result.outageRefusals).toBeGreaterThan(0);
    expect(result.unknownCodes).toEqual(['delivery-delayed']);
    expect(result.unknownAlerts).toBe(1);
  });

  it('refuses quotes, ships abroad with a declaration, cancels, finds and tracks through the simulated API', async () => {
    await onSimulation(async (clock, simulation) => {
      const connector = connectorFor(clock, simulation);
      const parcels = [{ weight: weight(1_500, 'g') }];
      await expect(connector.quoteRates({ from: FROM, to: TO, parcels })).rejects.toMatchObject({ reason: 'operation_unsupported' });

      const london = { ...TO, country: 'GB', postalCode: 'SW1A 1AA', city: 'London' };
      const customs = {
        contentsType: 'merchandise' as const,
        incoterm: 'DAP' as const,
        exporterEori: 'NL123456789',
        invoiceNumber: 'INV-123',
        contents: [{ description: 'Cotton T-shirt', hsCode: '610910', quantity: 1, unitValue: money(1_500, 'EUR'), unitWeight: weight(200, 'g'), originCountry: 'PT' }],
      };
      const service = 'dhl_express:worldwide/incoterm=dap';
      const abroad = await connector.createShipment({ from: FROM, to: london, parcels, service, reference: 'order-abroad', customs });
      expect(abroad).toMatchObject({ status: 'label_created', carrier: 'dhl_express', service, to: { country: 'GB' }, parcels: [{ weight: { value: 1.5, unit: 'kg' } }] });
      const announced = simulation.simulator.requests.find((request) => request.path.endsWith('/announce'));
      expect(JSON.parse(announced?.body ?? '{}')).toMatchObject({
        customs_information: { invoice_number: 'INV-123', export_reason: 'commercial_goods', tax_numbers: { sender: [{ name: 'EORI', country_code: 'NL', value: 'NL123456789' }], receiver: [], importer_of_record: [] } },
        parcels: [{ parcel_items: [{ hs_code: '610910', quantity: 1, price: { value: '15.00', currency: 'EUR' }, weight: { value: 0.2, unit: 'kg' }, origin_country: 'PT' }] }],
      });
      await expect(connector.findShipmentByReference('order-abroad')).resolves.toMatchObject({ id: abroad.id });
      await expect(connector.findShipmentByReference('order-never')).resolves.toBeUndefined();

      await expect(connector.cancelShipment(abroad.id)).resolves.toMatchObject({ status: 'canceled', statusRaw: 'CANCELLED' });
      await expect(connector.cancelShipment(abroad.id)).rejects.toMatchObject({ kind: 'conflict', providerCode: 'invalid' });
      await expect(connector.getShipment(abroad.id)).resolves.toMatchObject({ status: 'canceled' });

      // Tracking's consolidated statuses spell no cancellation the spec shows: the entry stays raw and the track where it was.
      const [voided, unknown] = await connector.track([abroad.trackingNumbers[0] ?? '', 'SIM-NEVER-ISSUED']);
      expect(voided).toMatchObject({ found: true, tracks: [{ status: 'label_created', events: [{ rawCode: 'ready-to-send' }, { status: 'unknown', rawCode: 'cancelled' }] }] });
      expect(unknown).toMatchObject({ found: false, error: { kind: 'not_found' } });

      const listed = [];
      for await (const shipment of connector.listShipments({ createdFrom: clock.now() - 60_000 })) listed.push(shipment.id);
      expect(listed).toEqual([abroad.id]);
    });
  });
});
