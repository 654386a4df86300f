import { describe, expect, it } from 'vitest';
import { headerValues, singleHeader } from '../../src/webhooks/index.js';

describe('header readers', () => {
  const headers = { one: 'a', many: ['b', 'c'], single: ['d'], absent: undefined };

  it('lists every line of a header', () => {
    expect(headerValues(headers, 'one')).toEqual(['a']);
    expect(headerValues(headers, 'many')).toEqual(['b', 'c']);
    expect(headerValues(headers, 'absent')).toEqual([]);
    expect(headerValues(headers, 'nothing')).toEqual([]);
  });

  it('reads a single value, refusing a repeated header as ambiguous', () => {
    expect(singleHeader(headers, 'one')).toBe('a');
    expect(singleHeader(headers, 'single')).toBe('d');
    expect(singleHeader(headers, 'many')).toBeUndefined();
    expect(singleHeader(headers, 'absent')).toBeUndefined();
  });

  it('looks names up as given: lowercase, like node', () => {
    expect(headerValues({ 'Stripe-Signature': 'x' }, 'stripe-signature')).toEqual([]);
  });
});
