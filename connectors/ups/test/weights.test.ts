import { convertWeight, weight, type Weight } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import { describe, expect, it } from 'vitest';
import { createUpsClient, toWeight } from '../src/index.js';
import { createUpsSimulation, wireWeight } from '../testing/index.js';

const WEIGHTS: readonly Weight[] = [
  weight(500, 'g'),
  weight(1_234.5, 'g'),
  weight(2, 'kg'),
  weight(0.75, 'kg'),
  weight(3, 'lb'),
  weight(1.25, 'lb'),
  weight(16, 'oz'),
  weight(2.5, 'oz'),
];

/** UPS reports metric weights in KGS and imperial ones in LBS: the value each must come back as. */
const expected = (sent: Weight): Weight => (sent.unit === 'g' || sent.unit === 'kg' ? convertWeight(sent, 'kg') : convertWeight(sent, 'lb'));

describe('ups weights', () => {
  it('reads KGS and LBS decimal text exactly, in the unit UPS names', () => {
    expect(toWeight({ unitOfMeasurement: 'KGS', weight: '0.500000' })).toEqual(weight(0.5, 'kg'));
    expect(toWeight({ unitOfMeasurement: 'LBS', weight: '5.00' })).toEqual(weight(5, 'lb'));
    expect(toWeight({ unitOfMeasurement: 'STONE', weight: '1' })).toBeUndefined();
    expect(toWeight({ unitOfMeasurement: 'KGS', weight: 'about 2' })).toBeUndefined();
  });

  it.each(WEIGHTS)('keeps $value $unit exact through the transform', (sent) => {
    const read = toWeight(wireWeight(sent));
    expect(read).toEqual(expected(sent));
    expect(convertWeight(read ?? weight(0, 'g'), 'g').value).toBeCloseTo(convertWeight(sent, 'g').value, 9);
  });

  it('keeps every weight exact through the simulated Tracking API: 500 g is 0.5 kg, never 500 kg', async () => {
    const clock = new FakeClock({ autoAdvance: true, start: Date.UTC(2026, 5, 1, 12) });
    const simulation = await createUpsSimulation({ clock, credential: 'ups-weights-credential' });
    try {
      const api = createUpsClient({
        baseUrl: simulation.simulator.url,
        credentials: { clientId: 'weights-client', clientSecret: 'weights-secret' },
        clock,
        telemetry: [],
        alsoRedact: [],
        fetch: clock.trackFetch(),
      });
      for (const [index, sent] of WEIGHTS.entries()) {
        const [number = ''] = simulation.ship({ reference: `weight-${index}`, weight: sent }).trackingNumbers;
        const body = await api.call('track', { pathParams: { inquiryNumber: number } });
        const read = toWeight(body.trackResponse.shipment[0]?.package?.[0]?.weight);
        expect(read, `${sent.value} ${sent.unit}`).toEqual(expected(sent));
      }
      const [half = ''] = simulation.ship({ reference: 'half-kilo', weight: weight(500, 'g') }).trackingNumbers;
      const body = await api.call('track', { pathParams: { inquiryNumber: half } });
      expect(toWeight(body.trackResponse.shipment[0]?.package?.[0]?.weight)).toEqual({ value: 0.5, unit: 'kg' });
    } finally {
      await simulation.simulator.close();
    }
  });
});
