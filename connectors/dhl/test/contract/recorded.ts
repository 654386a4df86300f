import { fileURLToPath } from 'node:url';
import { fixturesByName, loadFixtures, type FaultReply, type Fixture } from '@interlock/testkit';
import { DHL_CONTRACTS } from '../../src/index.js';

/** A recorded answer: a status, maybe headers, and the body as JSON. */
export type RecordedReply = Extract<FaultReply, { status?: number }>;

/** A credential shaped like a DHL-API-Key (32 letters and digits), so the suite can check none leaks. */
export const API_KEY = 'Zq4vN8kT2mW6yR1pX5sB9dH3jL7cF0aG';

// Each fixture is checked against the contract it names as it loads: a fixture DHL could never
// send fails here rather than passing a test.
const fixtures = fixturesByName(loadFixtures(fileURLToPath(new URL('../fixtures', import.meta.url)), { contracts: DHL_CONTRACTS }));

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
