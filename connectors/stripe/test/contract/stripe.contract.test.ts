import { money } from '@interlock/core';
import type { ConnectorContractSpec } from '@interlock/testkit';
import { runConnectorContractSuite } from '@interlock/testkit/vitest';
import { createStripeConnector, STRIPE_RATE_LIMITS, type StripeConnector } from '../../src/index.js';
import { fixture, fixtureBody } from '../support/fixtures.js';
import { TEST_API_KEY, WEBHOOK_SECRET } from '../support/secrets.js';

const RETRIEVED = fixtureBody('retrieve a partially refunded PaymentIntent with its latest charge expanded');
const CREATED = fixtureBody('create a PaymentIntent');
const errorReply = (name: string) => {
  const { status, body } = fixture(name).response;
  return { status, body };
};

/** The shared suite, fed with Stripe's documented errors, limits and recorded bodies. */
const spec: ConnectorContractSpec<StripeConnector> = {
  provider: 'stripe',
  credentials: [TEST_API_KEY, WEBHOOK_SECRET],
  create: ({ baseUrl, clock, fetch, telemetry }) =>
    createStripeConnector({ baseUrl, clock, fetch, telemetry, credentials: { apiKey: TEST_API_KEY }, webhookSecrets: [WEBHOOK_SECRET] }),
  read: {
    method: 'GET',
    path: '/v1/payment_intents/:id',
    reply: { status: 200, body: RETRIEVED },
    call: (connector) => connector.getPayment(RETRIEVED['id'] as string),
  },
  write: {
    method: 'POST',
    path: '/v1/payment_intents',
    idempotencyHeader: 'Idempotency-Key',
    reply: { status: 200, body: CREATED },
    call: (connector) => connector.createPayment({ amount: money(49_900, 'INR'), captureMethod: 'automatic', reference: 'order-1042' }),
  },
  errors: [
    { name: 'card declined (402 card_error)', kind: 'business_rejected', operation: 'write', reply: errorReply('a card declined for insufficient funds') },
    { name: 'idempotency key reused (400 idempotency_error)', kind: 'conflict', operation: 'write', reply: errorReply('an idempotency key reused with other parameters') },
    { name: 'bad API key (401)', kind: 'auth', reply: errorReply('the API key is refused') },
    { name: 'no such PaymentIntent (404 resource_missing)', kind: 'not_found', reply: errorReply('a PaymentIntent that does not exist') },
    { name: 'missing parameter (400 invalid_request_error)', kind: 'invalid_request', reply: errorReply('a missing parameter') },
    { name: 'PaymentIntent without its status', kind: 'contract_violation', reply: { status: 200, body: { ...RETRIEVED, status: undefined } } },
    // The transient ones come last: their retries trip the read endpoint's breaker, as they should.
    { name: 'rate limited (429 rate_limit)', kind: 'rate_limited', reply: errorReply('too many requests') },
    { name: 'object locked (429 lock_timeout)', kind: 'rate_limited', reply: errorReply('an object locked by a concurrent request') },
    { name: 'Stripe failure (500 api_error)', kind: 'unavailable', reply: errorReply("an error on Stripe's side") },
  ],
  limits: { operation: 'read', windows: [...STRIPE_RATE_LIMITS.live.endpoint, ...STRIPE_RATE_LIMITS.live.account] },
  drift: {
    // A field newer than 2023-08-16, and amount_received renamed: reported, and the read still works.
    reply: { status: 200, body: { ...RETRIEVED, amount_received: undefined, amount_collected: 49_900, presentment_details: { presentment_amount: 49_900 } } },
  },
  unknownEnum: { reply: { status: 200, body: { ...RETRIEVED, status: 'requires_reauthorization' } }, raw: 'requires_reauthorization' },
};

runConnectorContractSuite(spec);
