import type { Address } from '../src/index.js';

/** A sender in Berlin; tests override one field at a time. No real person or company. */
export function berlin(): Address {
  return {
    name: 'Test Sender',
    company: 'Müller GmbH',
    lines: ['Teststraße 1'],
    houseNumber: '1',
    postalCode: '10115',
    city: 'Berlin',
    country: 'DE',
    phone: '+4930123456',
    email: 'sender@example.com',
  };
}

/** What `run` throws, for asserting on a typed error's fields; undefined when it does not throw. */
export function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}
