import { MemoryTelemetrySink, money, weight } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import type { Address } from '@interlock/logistics';
import { runLogisticsEndToEnd, type LogisticsEndToEndResult, type LogisticsSimulation } from '@interlock/logistics/testing';
import { describe, expect, it } from 'vitest';
import { createDhlConnector } from '../src/index.js';
import { createDhlSimulation } from '../testing/index.js';

const SECRET = 'whsec_dhl_simulation';
const SHIPMENTS = 16;

export const FROM: Address = {
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

export const TO: Address = { name: 'Test Receiver', lines: ['Zakładowa'], houseNumber: '7', postalCode: '90-001', city: 'Łódź', country: 'PL' };

async function onSimulation<T>(run: (clock: FakeClock, simulation: LogisticsSimulation) => Promise<T>): Promise<T> {
  const clock = new FakeClock({ autoAdvance: true, start: Date.UTC(2026, 0, 5, 9) });
  const simulation = await createDhlSimulation({ clock, webhookSecret: SECRET });
  try {
    return await run(clock, simulation);
  } finally {
    await simulation.simulator.close();
  }
}

const connectorFor = (clock: FakeClock, simulation: LogisticsSimulation, telemetry = new MemoryTelemetrySink()) =>
  createDhlConnector({ baseUrl: simulation.simulator.url, apiKeys: ['sk_test_dhl_simulation'], webhookSecrets: [SECRET], clock, fetch: clock.trackFetch(), telemetry: [telemetry] });

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

describe('dhl on its simulation', () => {
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
