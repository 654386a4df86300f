import { convertWeight, weight, type Weight } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { createDhlClient, fromWireWeight, toShipmentWeight } from '../src/index.js';
import { API_KEY, onSimulation, shipInput, thrown } from './helpers.js';

const WEIGHTS: readonly Weight[] = [weight(500, 'g'), weight(1_250.5, 'g'), weight(2, 'kg'), weight(0.5, 'kg'), weight(3, 'lb'), weight(2.75, 'lb'), weight(16, 'oz'), weight(7.5, 'oz')];

describe('dhl weights', () => {
  it('reads integer and decimal weights in g, kg, lb and oz exactly as stated', () => {
    for (const stated of WEIGHTS) expect(fromWireWeight(stated.value, stated.unit, 'details.weight.value')).toEqual(stated);
  });

  it('converts only when asked, exactly: 500 g is 0.5 kg and never 500 kg', () => {
    const grams = fromWireWeight(500, 'g', 'details.weight.value');
    expect(convertWeight(grams, 'kg')).toEqual(weight(0.5, 'kg'));
    expect(convertWeight(grams, 'kg')).not.toEqual(weight(500, 'kg'));
    expect(convertWeight(fromWireWeight(16, 'oz', 'details.weight.value'), 'lb')).toEqual(weight(1, 'lb'));
  });

  it('refuses a weight without a unit it knows rather than guessing one', () => {
    expect(thrown(() => fromWireWeight(500, undefined, 'details.weight.value'))).toMatchObject({ kind: 'contract_violation' });
    expect(thrown(() => fromWireWeight(500, 'stone', 'details.weight.value'))).toMatchObject({ kind: 'contract_violation' });
  });

  it('carries each weight through the simulation and back unchanged', { timeout: 30_000 }, async () => {
    await onSimulation(async (clock, simulation) => {
      const api = createDhlClient({ baseUrl: simulation.simulator.url, apiKeys: [API_KEY], clock, telemetry: [], fetch: clock.trackFetch() });
      const read: (Weight | undefined)[] = [];
      for (const [index, stated] of WEIGHTS.entries()) {
        const [number = ''] = simulation.ship(shipInput(index, { weight: stated })).trackingNumbers;
        const page = await api.call('track', { query: { trackingNumber: number } });
        read.push(page.shipments?.[0] === undefined ? undefined : toShipmentWeight(page.shipments[0]));
      }
      expect(read).toEqual(WEIGHTS);
      expect(read[0] && convertWeight(read[0], 'kg')).toEqual(weight(0.5, 'kg'));
    });
  });
});
