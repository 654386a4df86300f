import { randomBytes } from 'node:crypto';
import { weight } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import type { Address } from '@interlock/logistics';
import { descriptor } from '@interlock/sendcloud';
import { createSendcloudSimulation } from '@interlock/sendcloud/testing';
import { describe, it } from 'vitest';
import { expectSoundShipmentsThroughHub } from './through-hub.js';

const SHIPMENTS = 60;
const SHARE = 0.2;
const FROM: Address = { name: 'Sender', company: 'Müller GmbH', lines: ['Teststraat'], houseNumber: '1', postalCode: '1011 AB', city: 'Amsterdam', country: 'NL' };
const TO: Address = { name: 'Receiver', lines: ['Zakładowa'], houseNumber: '7', postalCode: '90-001', city: 'Łódź', country: 'PL' };
/** The simulation's own status ids and its spelling of "Delivery delayed": no mapping knows them, so the connector must report them. */
const ON_PURPOSE = {
  drift: ['unknown_enum statuses[].parent_status (delivery-delayed)'],
  unknownValues: ['sendcloud.status_id: 90001', 'sendcloud.status_id: 90002', 'sendcloud.parent_status: delivery-delayed'],
};

describe('Sendcloud end to end through the hub', () => {
  it('settles every parcel in the hub where the carrier ends its route, and counts what it refused', async () => {
    const clock = new FakeClock({ autoAdvance: true });
    // Made per run: nothing key-shaped is written in the source.
    const webhookSecret = randomBytes(18).toString('hex');
    const simulation = await createSendcloudSimulation({ clock, webhookSecret, seed: 11 });
    const options = {
      clock,
      simulation,
      provider: {
        descriptor,
        options: { apiKeysEnv: 'E2E_SENDCLOUD_KEYS', baseUrl: simulation.simulator.url },
        env: { E2E_SENDCLOUD_KEYS: `${randomBytes(8).toString('hex')}:${randomBytes(16).toString('hex')}`, [descriptor.webhooks.secretsEnv]: webhookSecret },
      },
      shipments: SHIPMENTS,
      // A Sendcloud shipping option code, as its v3 spec's examples name one: carrier, then product.
      input: (index: number) => ({ from: FROM, to: TO, parcels: [{ weight: weight(250 + index, 'g') }], service: 'postnl:standard', reference: `order-${index}` }),
      transientShare: SHARE,
      seed: 11,
    };
    await expectSoundShipmentsThroughHub('sendcloud', options, ON_PURPOSE);
  });
});
