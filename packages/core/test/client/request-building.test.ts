import { describe, expect, it } from 'vitest';
import { buildPath, encodeForm } from '../../src/index.js';

describe('buildPath', () => {
  it('fills and encodes path parameters so an id cannot change the path', () => {
    expect(buildPath('/v1/payment_intents/{id}/capture', { id: 'pi_1/../x' })).toBe('/v1/payment_intents/pi_1%2F..%2Fx/capture');
    expect(() => buildPath('/v1/refunds/{id}')).toThrow('Missing path parameter "id"');
  });
});

describe('encodeForm', () => {
  it('encodes nested objects and arrays the way form APIs expect', () => {
    const form = encodeForm({
      amount: 1099,
      currency: 'inr',
      metadata: { order: 'A-1', customer: 'Müller GmbH' },
      payment_method_types: ['card', 'upi'],
      description: null,
      skipped: undefined,
      capture: false,
    });
    expect([...form]).toEqual([
      ['amount', '1099'],
      ['currency', 'inr'],
      ['metadata[order]', 'A-1'],
      ['metadata[customer]', 'Müller GmbH'],
      ['payment_method_types[0]', 'card'],
      ['payment_method_types[1]', 'upi'],
      ['description', ''],
      ['capture', 'false'],
    ]);
  });
});
