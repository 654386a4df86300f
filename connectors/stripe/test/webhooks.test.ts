import { signWebhook } from '@interlock/core';
import { paymentEventSchema } from '@interlock/payments';
import { MemoryTelemetrySink } from '@interlock/testkit';
import { describe, expect, it } from 'vitest';
import { createStripeConnector, stripeWebhookScheme } from '../src/index.js';
import { fixtureBody } from './support/fixtures.js';
import { OLD_WEBHOOK_SECRET, TEST_API_KEY, WEBHOOK_SECRET } from './support/secrets.js';
import { thrown } from './support/thrown.js';

const T0 = Date.UTC(2026, 0, 1);
const EVENTS = fixtureBody('list events for reconciliation')['data'] as Record<string, unknown>[];
const SUCCEEDED = EVENTS[0] as Record<string, unknown>;
const CHARGE = ((EVENTS[1] as { data: { object: Record<string, unknown> } }).data.object);
const REFUND = fixtureBody('retrieve a refund');

function connector(secrets: readonly string[] = [WEBHOOK_SECRET], webhookToleranceMs?: number) {
  const sink = new MemoryTelemetrySink();
  const stripe = createStripeConnector({
    credentials: { apiKey: TEST_API_KEY },
    webhookSecrets: secrets,
    telemetry: [sink],
    ...(webhookToleranceMs === undefined ? {} : { webhookToleranceMs }),
  });
  return { stripe, sink };
}

function delivery(event: unknown, options: { secret?: string; signedAt?: number; now?: number } = {}) {
  const rawBody = JSON.stringify(event);
  const signedAt = options.signedAt ?? T0 + 60_000;
  const headers = signWebhook(stripeWebhookScheme, { rawBody, secret: options.secret ?? WEBHOOK_SECRET, timestamp: signedAt });
  return { rawBody, headers, now: options.now ?? signedAt + 2_000 };
}

const eventOf = (type: string, object: unknown, created = 1_767_225_700) => ({ ...SUCCEEDED, id: `evt_${type.replace(/\W/g, '')}`, type, created, data: { object } });

describe('Stripe webhooks', () => {
  it('turns payment_intent.* into payment.updated, dated by the event', () => {
    const events = connector().stripe.parseWebhook(delivery(SUCCEEDED));
    expect(events).toHaveLength(1);
    const event = paymentEventSchema.parse(events[0]);
    expect(event).toMatchObject({
      id: 'evt_3OaB2cLkdIwHu7ix1Ev2Succ',
      provider: 'stripe',
      providerEventId: 'evt_3OaB2cLkdIwHu7ix1Ev2Succ',
      type: 'payment.updated',
      rawType: 'payment_intent.succeeded',
      occurredAt: T0 + 41_000,
      payment: { id: 'pi_3OaB2cLkdIwHu7ix1Kz8pQ2m', status: 'succeeded', reference: 'order-1042', updatedAt: T0 + 41_000 },
    });
  });

  it('reads a body verified earlier (the hub applies it later) with no signature or replay window', () => {
    const [event] = connector().stripe.eventsFromVerifiedBody(JSON.stringify(SUCCEEDED), 'evt_ignored');
    expect(event).toMatchObject({ providerEventId: 'evt_3OaB2cLkdIwHu7ix1Ev2Succ', type: 'payment.updated', payment: { status: 'succeeded' } });
    expect(thrown(() => connector().stripe.eventsFromVerifiedBody('{not json', 'evt_x'))).toMatchObject({ kind: 'contract_violation' });
  });

  it('accepts a raw Buffer body exactly as received', () => {
    const signed = delivery(SUCCEEDED);
    expect(connector().stripe.parseWebhook({ ...signed, rawBody: Buffer.from(signed.rawBody) })).toHaveLength(1);
  });

  it('verifies against both secrets while one is rolled', () => {
    const { stripe } = connector([WEBHOOK_SECRET, OLD_WEBHOOK_SECRET]);
    expect(stripe.parseWebhook(delivery(SUCCEEDED, { secret: OLD_WEBHOOK_SECRET }))).toHaveLength(1);
    expect(stripe.parseWebhook(delivery(SUCCEEDED, { secret: WEBHOOK_SECRET }))).toHaveLength(1);
    // Stripe sends one v1 per live secret during the overlap.
    const rawBody = JSON.stringify(SUCCEEDED);
    const t = T0 + 60_000;
    const sig = (secret: string) => signWebhook(stripeWebhookScheme, { rawBody, secret, timestamp: t })['stripe-signature']?.split(',v1=')[1];
    const both = { 'stripe-signature': `t=${t / 1000},v1=${sig('whsec_fixture_unrelated_0000')},v1=${sig(WEBHOOK_SECRET)}` };
    expect(connector().stripe.parseWebhook({ rawBody, headers: both, now: t })).toHaveLength(1);
  });

  it('refuses forged, unsigned, wrongly keyed and stale deliveries as auth, naming no secret', () => {
    const { stripe } = connector();
    const signed = delivery(SUCCEEDED);
    const refusals = [
      { ...signed, rawBody: signed.rawBody.replace('"amount":49900', '"amount":1') },
      { ...signed, headers: {} },
      delivery(SUCCEEDED, { secret: OLD_WEBHOOK_SECRET }),
      delivery(SUCCEEDED, { signedAt: T0, now: T0 + 301_000 }),
      { ...signed, headers: { 'stripe-signature': 'v0=abcdef' } },
    ];
    const messages = refusals.map((refused) => {
      try {
        stripe.parseWebhook(refused);
      } catch (error) {
        expect(error).toMatchObject({ kind: 'auth', reason: 'webhook_signature_invalid', provider: 'stripe', endpoint: 'webhook' });
        return (error as Error).message;
      }
      throw new Error('a refused delivery was accepted');
    });
    expect(messages).toEqual([
      'stripe webhook refused: signature_mismatch',
      'stripe webhook refused: missing_signature',
      'stripe webhook refused: signature_mismatch',
      'stripe webhook refused: timestamp_outside_tolerance',
      'stripe webhook refused: malformed_signature',
    ]);
    expect(messages.join(' ')).not.toContain('whsec_');
  });

  it('applies a configured replay window instead of Stripe’s 300 s', () => {
    const late = delivery(SUCCEEDED, { signedAt: T0, now: T0 + 100_000 });
    expect(connector().stripe.parseWebhook(late)).toHaveLength(1);
    expect(thrown(() => connector([WEBHOOK_SECRET], 60_000).stripe.parseWebhook(late))).toMatchObject({ kind: 'auth' });
  });

  it('turns refund.* and charge.refund.updated into refund.updated', () => {
    const { stripe } = connector();
    for (const type of ['refund.updated', 'refund.failed', 'charge.refund.updated']) {
      const [event] = stripe.parseWebhook(delivery(eventOf(type, REFUND)));
      expect(event).toMatchObject({ type: 'refund.updated', rawType: type, refund: { id: 're_3OaB2cLkdIwHu7ix1nR7fUnd', status: 'succeeded', amount: { amountMinor: 10_000, currency: 'INR' } } });
    }
  });

  it('turns charge.refunded into refund.updated for the newest refund the charge carries, else unknown', () => {
    const { stripe } = connector();
    const older = { ...REFUND, id: 're_older', created: 1_767_225_650, amount: 5_000 };
    const withRefunds = { ...CHARGE, amount_refunded: 15_000, refunds: { object: 'list', data: [older, REFUND], has_more: false, url: '/v1/charges/x/refunds' } };
    const announced = stripe.parseWebhook(delivery(eventOf('charge.refunded', withRefunds)));
    expect(announced).toHaveLength(1);
    expect(announced[0]).toMatchObject({ type: 'refund.updated', refund: { id: 're_3OaB2cLkdIwHu7ix1nR7fUnd' } });
    // Since 2022-11-15 the charge no longer embeds its refunds.
    expect(stripe.parseWebhook(delivery(eventOf('charge.refunded', { ...CHARGE, amount_refunded: 15_000 })))).toEqual([
      expect.objectContaining({ type: 'unknown', rawType: 'charge.refunded' }),
    ]);
  });

  it('passes other verified events through as unknown with their raw type', () => {
    const [event] = connector().stripe.parseWebhook(delivery(eventOf('customer.created', { id: 'cus_1', object: 'customer' })));
    expect(paymentEventSchema.parse(event)).toEqual({
      id: 'evt_customercreated',
      provider: 'stripe',
      providerEventId: 'evt_customercreated',
      type: 'unknown',
      rawType: 'customer.created',
      occurredAt: 1_767_225_700_000,
    });
  });

  it('reports a signed body that breaks its contract as a contract violation, not a forgery', () => {
    const { stripe, sink } = connector();
    const garbage = 'not json';
    const headers = signWebhook(stripeWebhookScheme, { rawBody: garbage, secret: WEBHOOK_SECRET, timestamp: T0 });
    expect(thrown(() => stripe.parseWebhook({ rawBody: garbage, headers, now: T0 }))).toMatchObject({ kind: 'contract_violation', reason: 'malformed_json' });
    expect(thrown(() => stripe.parseWebhook(delivery(eventOf('payment_intent.succeeded', CHARGE))))).toMatchObject({ kind: 'contract_violation', endpoint: 'webhook' });
    stripe.parseWebhook(delivery({ ...SUCCEEDED, context: 'workflow_1' }));
    expect(sink.ofType('contract.drift').flatMap((event) => event.drift)).toContain('unknown_field context');
  });
});

describe('the event envelope', () => {
  it('requires data.object to be an object', () => {
    const { stripe } = connector();
    for (const object of [undefined, 'pi_1', ['x']]) {
      expect(thrown(() => stripe.parseWebhook(delivery({ ...SUCCEEDED, data: { object } })))).toMatchObject({ kind: 'contract_violation', reason: 'schema_mismatch' });
    }
  });
});
