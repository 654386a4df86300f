import { createHmac } from 'node:crypto';
import { authenticateDelivery, identifyEvent, isConnectorDescriptor, money, READINESS_CAPABILITIES, type ConnectorContext } from '@interlock/core';
import { paymentsDomain } from '@interlock/payments';
import { FakeClock, MemoryTelemetrySink } from '@interlock/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { descriptor, STRIPE_RATE_LIMITS } from '../src/index.js';
import { createStripeSimulation, type StripeSimulation } from '../testing/index.js';
import { fixtureBody } from './support/fixtures.js';
import { NEXT_API_KEY, OLD_WEBHOOK_SECRET, TEST_API_KEY, WEBHOOK_SECRET } from './support/secrets.js';
import { thrown } from './support/thrown.js';

/** A real Stripe event as recorded from GET /v1/events: `payment_intent.succeeded` for pi_3OaB2c…. */
const EVENT = (fixtureBody('list events for reconciliation')['data'] as Record<string, unknown>[])[0] as Record<string, unknown>;
const RAW_BODY = JSON.stringify(EVENT);
const SIGNED_AT_S = 1_767_225_660;

/**
 * A `Stripe-Signature` made as Stripe's docs describe it (docs.stripe.com/webhooks#verify-manually),
 * with node:crypto alone: hex HMAC-SHA256, keyed with the whole endpoint secret, of `${t}.${body}`.
 */
function stripeSignature(secret: string, body: string, t: number): string {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`, 'utf8').digest('hex')}`;
}

function delivery(header: string, options: { body?: string; nowS?: number } = {}) {
  return { rawBody: options.body ?? RAW_BODY, headers: { 'stripe-signature': header }, now: (options.nowS ?? SIGNED_AT_S + 2) * 1000 };
}

function context(env: ConnectorContext['env'], extra: Partial<ConnectorContext> = {}): ConnectorContext {
  return { env, clock: new FakeClock({ autoAdvance: true }), telemetry: [], webhookSecrets: [WEBHOOK_SECRET], ...extra };
}

describe('the Stripe descriptor', () => {
  it('is the payments connector with id stripe', () => {
    expect(isConnectorDescriptor(descriptor)).toBe(true);
    expect(descriptor.id).toBe('stripe');
    expect(descriptor.domain).toBe(paymentsDomain);
    expect(descriptor.domain.name).toBe('payments');
  });

  it('claims only readiness items it implements, each a known id', () => {
    expect(descriptor.capabilities.every((capability) => (READINESS_CAPABILITIES as readonly string[]).includes(capability))).toBe(true);
    expect([...descriptor.capabilities].sort()).toEqual([
      'auth.key-rotation',
      'auth.secrets-store',
      'auth.webhook-signature-tested',
      'data.coercions-tested',
      'data.field-constants',
      'data.pagination-tested',
      'data.unknown-enum-alert',
      'limits.per-endpoint',
      'webhooks.polling-fallback',
      'webhooks.verify-every-event',
    ]);
  });

  it('documents Stripe’s live limits for the account and for every endpoint the client calls', () => {
    const { account, ...endpoints } = descriptor.limits;
    expect(account).toEqual([{ limit: 100, windowMs: 1_000 }]);
    expect(Object.keys(endpoints).sort()).toEqual([
      'cancelPaymentIntent',
      'capturePaymentIntent',
      'createCustomer',
      'createPaymentIntent',
      'createRefund',
      'listBalanceTransactions',
      'listEvents',
      'listPaymentIntents',
      'listRefunds',
      'retrieveCustomer',
      'retrievePaymentIntent',
      'retrieveRefund',
    ]);
    for (const windows of Object.values(endpoints)) expect(windows).toEqual(STRIPE_RATE_LIMITS.live.endpoint);
  });
});

describe('the Stripe webhook intake', () => {
  const intake = descriptor.webhooks;

  it('accepts a delivery signed as Stripe documents it, with any of the configured secrets', () => {
    const header = stripeSignature(WEBHOOK_SECRET, RAW_BODY, SIGNED_AT_S);
    expect(authenticateDelivery(intake, delivery(header), [WEBHOOK_SECRET])).toEqual({ ok: true });
    expect(authenticateDelivery(intake, delivery(header), [OLD_WEBHOOK_SECRET, WEBHOOK_SECRET])).toEqual({ ok: true });
    // Just inside Stripe's 300 s tolerance.
    expect(authenticateDelivery(intake, delivery(header, { nowS: SIGNED_AT_S + 300 }), [WEBHOOK_SECRET])).toEqual({ ok: true });
  });

  it('refuses a forged, a wrongly keyed, a downgraded and a stale delivery', () => {
    const header = stripeSignature(WEBHOOK_SECRET, RAW_BODY, SIGNED_AT_S);
    const forgedBody = RAW_BODY.replace('"amount":49900', '"amount":1');
    const v0Only = header.replace('v1=', 'v0=');
    const cases = [
      [delivery(header, { body: forgedBody }), 'signature_mismatch'],
      [delivery(stripeSignature(OLD_WEBHOOK_SECRET, RAW_BODY, SIGNED_AT_S)), 'signature_mismatch'],
      [delivery(v0Only), 'malformed_signature'],
      [delivery(header, { nowS: SIGNED_AT_S + 301 }), 'timestamp_outside_tolerance'],
    ] as const;
    for (const [refused, reason] of cases) expect(authenticateDelivery(intake, refused, [WEBHOOK_SECRET])).toEqual({ ok: false, reason });
  });

  it('reads the event id, type and created (Unix seconds) from the signed body', () => {
    expect(identifyEvent(intake, descriptor.id, JSON.parse(RAW_BODY), {})).toEqual({
      eventId: 'evt_3OaB2cLkdIwHu7ix1Ev2Succ',
      type: 'payment_intent.succeeded',
      occurredAt: 1_767_225_641_000,
    });
    expect(intake.signed).toEqual({ eventId: true, eventType: true, occurredAt: true });
    expect(intake.replayWindowMs).toBe(300_000);
    expect(intake.secretsEnv).toBe('STRIPE_WEBHOOK_SECRETS');
  });
});

describe('the Stripe config', () => {
  it('defaults to STRIPE_API_KEYS in live mode with no settlement lag', () => {
    const config = descriptor.config.parse({});
    expect(config).toEqual({ apiKeysEnv: 'STRIPE_API_KEYS', mode: 'live', settlementLagHours: 0 });
    expect(descriptor.reportingLagMs(config)).toBe(0);
    expect(descriptor.reportingLagMs(descriptor.config.parse({ settlementLagHours: 48 }))).toBe(172_800_000);
  });

  it('refuses a mode, a base URL, a lag or a variable name Stripe cannot have, and a key written into the config', () => {
    for (const bad of [{ mode: 'test' }, { baseUrl: 'api.stripe.com' }, { settlementLagHours: -1 }, { apiKeysEnv: '' }, { apiKey: 'sk_live_pasted' }]) {
      expect(descriptor.config.safeParse(bad).success).toBe(false);
    }
  });

  it('fails to create without keys, naming the variable and no value', () => {
    const missing = thrown(() => descriptor.create(descriptor.config.parse({}), context({ STRIPE_SECRET_KEY: TEST_API_KEY })));
    expect(missing).toBeInstanceOf(TypeError);
    expect((missing as Error).message).toContain('STRIPE_API_KEYS');
    expect((missing as Error).message).not.toContain(TEST_API_KEY);
    const renamed = thrown(() => descriptor.create(descriptor.config.parse({ apiKeysEnv: 'SHOP_STRIPE_KEYS' }), context({ SHOP_STRIPE_KEYS: ' , ' })));
    expect((renamed as Error).message).toContain('SHOP_STRIPE_KEYS');
  });
});

describe('a connector created from config', () => {
  let simulation: StripeSimulation | undefined;
  afterEach(async () => simulation?.simulator.close());

  it('holds both keys of the variable, named by position, moves to the second on a 401, and verifies with the context’s secrets', async () => {
    const clock = new FakeClock({ autoAdvance: true });
    simulation = await createStripeSimulation({ clock, webhookSecret: WEBHOOK_SECRET });
    const sink = new MemoryTelemetrySink();
    const config = descriptor.config.parse({ mode: 'sandbox', baseUrl: simulation.simulator.url });
    const stripe = descriptor.create(config, context({ STRIPE_API_KEYS: `${NEXT_API_KEY}, ${TEST_API_KEY}` }, { clock, fetch: clock.trackFetch(), telemetry: [sink] }));
    simulation.simulator.setScenario({
      rules: [{ match: { method: 'POST' }, times: 1, fault: { type: 'status', status: 401, body: { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } } } }],
    });

    const payment = await stripe.createPayment({ amount: money(1_000, 'USD'), captureMethod: 'automatic', reference: 'descriptor-1' });
    expect(simulation.simulator.requests.map((request) => request.headers['authorization'])).toEqual([`Bearer ${NEXT_API_KEY}`, `Bearer ${TEST_API_KEY}`]);
    expect(sink.ofType('auth.key_switched')).toEqual([expect.objectContaining({ fromKeyId: 'STRIPE_API_KEYS#1', toKeyId: 'STRIPE_API_KEYS#2' })]);

    const [created] = simulation.takeWebhookEvents();
    const rawBody = JSON.stringify(created?.payload);
    const t = Math.floor(clock.now() / 1000);
    const events = stripe.parseWebhook({ rawBody, headers: { 'stripe-signature': stripeSignature(WEBHOOK_SECRET, rawBody, t) }, now: clock.now() });
    expect(events).toEqual([expect.objectContaining({ type: 'payment.updated', payment: expect.objectContaining({ id: payment.id }) as unknown })]);
  });
});
