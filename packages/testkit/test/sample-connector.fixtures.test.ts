import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkFixture, FakeClock, fixturesByName, loadFixtures, MemoryTelemetrySink, ProviderSimulator, replayFixtures, type FixtureReplay } from '../src/index.js';
import { money } from '@interlock/core';
import { createAcmeConnector } from './sample-connector/index.js';
import { ACME_API_KEY } from './sample-connector/spec.js';
import { ACME_CONTRACTS } from './sample-connector/wire.js';

const BASE = 'https://api.acme.test';
const fixtureDir = fileURLToPath(new URL('./sample-connector/fixtures', import.meta.url));

let replay: FixtureReplay | undefined;
afterEach(() => replay?.dispose());

describe('sample connector against recorded fixtures', () => {
  const fixtures = loadFixtures(fixtureDir, { contracts: ACME_CONTRACTS });

  it('normalises a recorded payment to the canonical model', async () => {
    replay = replayFixtures(BASE, [fixturesByName(fixtures).get('retrieve a succeeded payment')!]);
    const sink = new MemoryTelemetrySink();
    const acme = createAcmeConnector({ baseUrl: BASE, apiKey: ACME_API_KEY, telemetry: [sink] });
    await expect(acme.getPayment('pay_1')).resolves.toEqual({
      id: 'pay_1',
      amount: money(125000, 'INR'),
      status: 'succeeded',
      statusRaw: 'succeeded',
      customerName: 'Müller GmbH',
      createdAt: Date.UTC(2026, 0, 1),
    });
    expect(sink.ofType('contract.drift')[0]?.drift).toContain('unknown_field risk_score');
    replay.assertDone();
  });

  it('classifies a recorded decline', async () => {
    replay = replayFixtures(BASE, [fixturesByName(fixtures).get('create a payment that is declined')!]);
    const acme = createAcmeConnector({ baseUrl: BASE, apiKey: ACME_API_KEY });
    await expect(acme.createPayment({ amount: money(500, 'INR'), customerName: 'x', reference: 'r' })).rejects.toMatchObject({
      kind: 'business_rejected',
      providerCode: 'card_declined',
      attempts: 1,
    });
    replay.assertDone();
  });

  it('refuses to load a fixture that breaks the connector’s contract, or names one it lacks', () => {
    const good = fixturesByName(fixtures).get('retrieve a succeeded payment')!;
    const broken = { ...good, response: { ...good.response, body: { id: 'pay_1', object: 'payment', amount: '125000' } } };
    expect(() => checkFixture(broken, 'broken.json', { contracts: ACME_CONTRACTS })).toThrow(/broken.json breaks contract "payment"/);
    expect(() => checkFixture({ ...good, contract: 'refund' }, 'r.json', { contracts: ACME_CONTRACTS })).toThrow(/does not declare/);
    expect(() => checkFixture({ name: 'x' }, 'x.json')).toThrow(/x.json is not a valid fixture/);
    expect(() => fixturesByName([good, good])).toThrow(/Two fixtures/);
  });
});

describe('sample connector against the simulator', () => {
  it('keeps "Müller GmbH", "Łódź" and "東京" intact through transforms and the wire', async () => {
    const clock = new FakeClock({ autoAdvance: true });
    const simulator = await ProviderSimulator.start({
      clock,
      resources: [
        {
          name: 'payments',
          path: '/v1/payments',
          idPrefix: 'pay_',
          create: ({ id, body, now }) => ({ id, object: 'payment', status: 'pending', created: Math.floor(now / 1000), ...body }),
        },
      ],
    });
    try {
      const acme = createAcmeConnector({ baseUrl: simulator.url, apiKey: ACME_API_KEY, clock, fetch: clock.trackFetch() });
      for (const name of ['Müller GmbH', 'Łódź', '東京']) {
        const created = await acme.createPayment({ amount: money(1000, 'JPY'), customerName: name, reference: `ref-${name}` });
        const read = await acme.getPayment(created.id);
        expect(read).toMatchObject({ customerName: name, amount: money(1000, 'JPY'), status: 'pending' });
      }
      expect(simulator.resource('payments').list().map((p) => (p['metadata'] as { reference: string }).reference)).toEqual(['ref-Müller GmbH', 'ref-Łódź', 'ref-東京']);
    } finally {
      await simulator.close();
    }
  });
});
