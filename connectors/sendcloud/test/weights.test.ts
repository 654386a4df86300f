import { weight, type Weight } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import { describe, expect, it } from 'vitest';
import { createSendcloudConnector, toParcel, toWireParcel } from '../src/index.js';
import { createSendcloudSimulation } from '../testing/index.js';
import { FROM, TO } from './contract/recorded.js';

/** Every weight in, the "kg" text Sendcloud takes, and the kg read back from that text. */
const CASES: readonly (readonly [Weight, string, number])[] = [
  [weight(500, 'g'), '0.500', 0.5],
  [weight(1, 'g'), '0.001', 0.001],
  [weight(1_234.5, 'g'), '1.235', 1.235],
  [weight(2, 'kg'), '2.000', 2],
  [weight(0.25, 'kg'), '0.250', 0.25],
  [weight(1, 'lb'), '0.454', 0.454],
  [weight(2.5, 'lb'), '1.134', 1.134],
  [weight(16, 'oz'), '0.454', 0.454],
  [weight(0.5, 'oz'), '0.015', 0.015],
];

describe('sendcloud weights', () => {
  it.each(CASES)('sends %o as "%s" kg and reads it back exactly', (given, text, kg) => {
    const wire = toWireParcel({ weight: given });
    expect(wire).toMatchObject({ weight: { value: text, unit: 'kg' } });
    expect(toParcel({ weight: { value: text, unit: 'kg' } }).weight).toEqual({ value: kg, unit: 'kg' });
  });

  it('sends dimensions as centimetre text with their unit, whatever unit they were given in', () => {
    const dimensions = { length: { value: 30, unit: 'cm' as const }, width: { value: 200, unit: 'mm' as const }, height: { value: 4, unit: 'in' as const } };
    expect(toWireParcel({ weight: weight(1, 'kg'), dimensions })).toEqual({
      weight: { value: '1.000', unit: 'kg' },
      dimensions: { length: '30', width: '20', height: '10.16', unit: 'cm' },
    });
  });

  it("reads each of Sendcloud's weight units, its `lbs` as pounds, and refuses one it does not document", () => {
    expect(toParcel({ weight: { value: '1.5', unit: 'lbs' } }).weight).toEqual({ value: 1.5, unit: 'lb' });
    expect(toParcel({ weight: { value: '8', unit: 'oz' } }).weight).toEqual({ value: 8, unit: 'oz' });
    expect(toParcel({ weight: { value: '250', unit: 'g' } }).weight).toEqual({ value: 250, unit: 'g' });
    let refused: unknown;
    try {
      toParcel({ weight: { value: '1', unit: 'stone' } });
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({ kind: 'contract_violation' });
  });

  it('keeps every weight exact through the simulated carrier: 500 g is 0.5 kg, never 500 kg', async () => {
    const clock = new FakeClock({ autoAdvance: true, start: Date.UTC(2026, 0, 5, 9) });
    const simulation = await createSendcloudSimulation({ clock, webhookSecret: 'whsec_weights' });
    try {
      const connector = createSendcloudConnector({ baseUrl: simulation.simulator.url, apiKeys: ['pk_test_weights:sk_test_weights'], webhookSecrets: ['whsec_weights'], clock, fetch: clock.trackFetch() });
      for (const [index, [given, text, kg]] of CASES.entries()) {
        const shipment = await connector.createShipment({ from: FROM, to: TO, parcels: [{ weight: given }], service: 'postnl:standard', reference: 'weight-' + index });
        const sent = simulation.simulator.requests.filter((request) => request.path.endsWith('/shipments/announce')).at(-1);
        expect(JSON.parse(sent?.body ?? '{}')).toMatchObject({ parcels: [{ weight: { value: text, unit: 'kg' } }] });
        expect(shipment.parcels[0]?.weight).toEqual({ value: kg, unit: 'kg' });
        expect((await connector.getShipment(shipment.id)).parcels[0]?.weight).toEqual({ value: kg, unit: 'kg' });
      }
    } finally {
      await simulation.simulator.close();
    }
  });
});
