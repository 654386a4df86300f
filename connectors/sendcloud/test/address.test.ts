import { describe, expect, it } from 'vitest';
import { toAddress, toWireAddress } from '../src/index.js';

// The spec's address example (v3-shipments.openapi.yml, components.schemas.address), with a fake person.
const ROME = { name: 'Test Receiver', address_line_1: 'Via di Prova', house_number: '50', address_line_2: '', postal_code: '00100', city: 'Roma', state_province_code: 'IT-RM', country_code: 'IT', phone_number: '', email: '' };

describe('sendcloud addresses', () => {
  it('reads an ISO 3166-2 state code as its subdivision, and empty fields as absent', () => {
    expect(toAddress(ROME)).toEqual({
      name: 'Test Receiver',
      company: undefined,
      lines: ['Via di Prova'],
      houseNumber: '50',
      postalCode: '00100',
      city: 'Roma',
      stateCode: 'RM',
      country: 'IT',
      phone: undefined,
      email: undefined,
    });
  });

  it('writes the subdivision back with its country, and a third line into the second', () => {
    expect(toWireAddress({ name: 'Test Receiver', lines: ['Via di Prova', 'Scala B', 'Interno 4'], postalCode: '00100', city: 'Roma', stateCode: 'RM', country: 'IT' })).toEqual({
      name: 'Test Receiver',
      address_line_1: 'Via di Prova',
      address_line_2: 'Scala B, Interno 4',
      postal_code: '00100',
      city: 'Roma',
      state_province_code: 'IT-RM',
      country_code: 'IT',
    });
  });
});
