import { fileURLToPath } from 'node:url';
import { weight } from '@interlock/core';
import type { Address, CreateShipmentInput } from '@interlock/logistics';
import { fixturesByName, loadFixtures, type FaultReply, type Fixture } from '@interlock/testkit';
import { SENDCLOUD_CONTRACTS } from '../../src/index.js';

/** A recorded answer: a status, maybe headers, and the body as JSON. */
export type RecordedReply = Extract<FaultReply, { status?: number }>;

/** Credentials shaped like the provider's, so the suite can check none of them leaks. */
export const API_KEY = 'pk_test_recorded:sk_test_sendcloud_4eC39HqLyjWDarjtT1zdp7dc';
export const WEBHOOK_SECRET = 'whsec_sendcloud_contract_suite';

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

/** The shipment the recorded `shipment-create` exchange creates: 500 g, sent as "0.500" kg, with PostNL's standard option. */
export const CREATE_INPUT: CreateShipmentInput = {
  from: FROM,
  to: TO,
  parcels: [{ weight: weight(500, 'g') }],
  service: 'postnl:standard',
  reference: 'order-1042',
};

// Each fixture is checked against the contract it names as it loads: a fixture the provider
// could never send fails here rather than passing a test.
const fixtures = fixturesByName(loadFixtures(fileURLToPath(new URL('../fixtures', import.meta.url)), { contracts: SENDCLOUD_CONTRACTS }));

export function recorded(name: string): Fixture {
  const fixture = fixtures.get(name);
  if (fixture === undefined) throw new TypeError('No fixture named ' + name + ' in test/fixtures');
  return fixture;
}

/** A recorded answer, as the contract suite's simulator serves it. */
export function replyOf(name: string): RecordedReply {
  const { status, headers, body } = recorded(name).response;
  return headers === undefined ? { status, body } : { status, headers, body };
}
