import { fileURLToPath } from 'node:url';
import { fixturesByName, loadFixtures, type Fixture } from '@interlock/testkit';
import { STRIPE_CONTRACTS } from '../../src/index.js';

const FIXTURE_DIR = fileURLToPath(new URL('../fixtures', import.meta.url));

/** Every recorded exchange, each checked against the wire contract it names as it loads. */
export const FIXTURES: ReadonlyMap<string, Fixture> = fixturesByName(loadFixtures(FIXTURE_DIR, { contracts: STRIPE_CONTRACTS }));

export function fixture(name: string): Fixture {
  const found = FIXTURES.get(name);
  if (!found) throw new Error(`No fixture named "${name}"`);
  return found;
}

/** A fixture's response body as an object, for tests that change one field of it. */
export function fixtureBody(name: string): Record<string, unknown> {
  return structuredClone(fixture(name).response.body) as Record<string, unknown>;
}
