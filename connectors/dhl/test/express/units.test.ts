import { convertWeight, weight, type Length, type Weight } from '@interlock/core';
import type { Parcel } from '@interlock/logistics';
import { describe, expect, it } from 'vitest';
import { createDhlClient, toShipmentWeight, toWireLength, toWirePackage, toWireWeight, unitSystemFor } from '../../src/index.js';
import { API_KEY, connectorFor, FROM, onSimulation, TO } from '../helpers.js';

const cm = (value: number): Length => ({ value, unit: 'cm' });
const box = { length: cm(30), width: cm(20), height: cm(10) };

/** Each weight, integer and decimal in every unit, with what MyDHL must be sent in kilograms and in pounds (to its thousandth, rounded up). */
const WEIGHTS: readonly [Weight, number, number][] = [
  [weight(500, 'g'), 0.5, 1.103],
  [weight(1_250, 'g'), 1.25, 2.756],
  [weight(2, 'kg'), 2, 4.41],
  [weight(0.5, 'kg'), 0.5, 1.103],
  [weight(3, 'lb'), 1.361, 3],
  [weight(2.75, 'lb'), 1.248, 2.75],
  [weight(16, 'oz'), 0.454, 1],
  [weight(7.5, 'oz'), 0.213, 0.469],
];

describe('dhl express weights and dimensions', () => {
  it('converts every weight exactly into the unit system the message declares: 500 g is 0.5 kg, never 500', () => {
    for (const [stated, kilograms, pounds] of WEIGHTS) {
      expect(toWireWeight(stated, 'metric'), `${stated.value} ${stated.unit} in kg`).toBe(kilograms);
      expect(toWireWeight(stated, 'imperial'), `${stated.value} ${stated.unit} in lb`).toBe(pounds);
    }
    expect(toWireWeight(weight(500, 'g'), 'metric')).not.toBe(500);
  });

  it('declares imperial only when every parcel is weighed in pounds or ounces', () => {
    const parcel = (unit: Weight['unit']): Parcel => ({ weight: weight(1, unit), dimensions: box });
    expect(unitSystemFor([parcel('lb'), parcel('oz')])).toBe('imperial');
    expect(unitSystemFor([parcel('lb'), parcel('kg')])).toBe('metric');
    expect(unitSystemFor([parcel('g')])).toBe('metric');
  });

  it('writes dimensions in centimetres or inches, rounded up to a thousandth and to DHL\'s minimum of 1', () => {
    expect(toWireLength({ value: 254, unit: 'mm' }, 'metric')).toBe(25.4);
    expect(toWireLength({ value: 10, unit: 'in' }, 'metric')).toBe(25.4);
    expect(toWireLength(cm(10), 'imperial')).toBe(3.938);
    expect(toWireLength({ value: 4, unit: 'mm' }, 'metric')).toBe(1);
    expect(toWirePackage({ weight: weight(750, 'g'), dimensions: box }, 'metric', 'quoteRates')).toEqual({ weight: 0.75, dimensions: { length: 30, width: 20, height: 10 } });
  });

  it('carries each weight through the simulation: sent in the declared system, tracked back as the same weight', { timeout: 30_000 }, async () => {
    await onSimulation(async (clock, simulation) => {
      const connector = connectorFor(clock, simulation, { express: true });
      const tracking = createDhlClient({ baseUrl: simulation.simulator.url, apiKeys: [API_KEY], clock, telemetry: [], fetch: clock.trackFetch() });
      const tracked: (Weight | undefined)[] = [];
      for (const [index, [stated, kilograms, pounds]] of WEIGHTS.entries()) {
        const shipment = await connector.createShipment({ from: FROM, to: TO, parcels: [{ weight: stated, dimensions: box }], service: 'U', reference: `weight-${index}` });
        const sent = JSON.parse(simulation.simulator.requests.at(-1)?.body ?? '{}') as { content: { unitOfMeasurement: string; packages: { weight: number }[] } };
        const imperial = stated.unit === 'lb' || stated.unit === 'oz';
        expect(sent.content).toMatchObject({ unitOfMeasurement: imperial ? 'imperial' : 'metric', packages: [{ weight: imperial ? pounds : kilograms }] });
        const page = await tracking.call('track', { query: { trackingNumber: shipment.id } });
        tracked.push(page.shipments?.[0] === undefined ? undefined : toShipmentWeight(page.shipments[0]));
      }
      expect(tracked).toEqual(WEIGHTS.map(([stated, kilograms, pounds]) => (stated.unit === 'lb' || stated.unit === 'oz' ? weight(pounds, 'lb') : weight(kilograms, 'kg'))));
      // 500 g went out as 0.5 kg and is tracked as 500 g: never 500 kg.
      expect(tracked[0] && convertWeight(tracked[0], 'g')).toEqual(weight(500, 'g'));
    });
  });
});
