import { createHash } from 'node:crypto';
import { guardTransition, isIntegrationError, money, signWebhook } from '@interlock/core';
import { FakeClock, MemoryTelemetrySink } from '@interlock/core/testing';
import { paymentStatusMachine, type PaymentEvent } from '@interlock/payments';
import { afterEach, describe, expect, it } from 'vitest';
import { createRazorpayConnector, razorpayWebhookScheme as scheme, WEBHOOK_REPLAY_WINDOW_MS, type RazorpayConnector } from '../src/index.js';
import { KEY_ID, KEY_SECRET, OLD_WEBHOOK_SECRET, stage, WEBHOOK_SECRET, type Stage } from './support.js';

const NOW = Date.UTC(2026, 0, 1, 12);

/** What an event is known by: its signed body, since Razorpay signs no id. */
const digest = (rawBody: string): string => `sha256:${createHash('sha256').update(rawBody).digest('hex')}`;

function connector(secrets: readonly string[], sink?: MemoryTelemetrySink): RazorpayConnector {
  return createRazorpayConnector({
    credentials: { keyId: KEY_ID, keySecret: KEY_SECRET },
    webhookSecrets: secrets,
    clock: new FakeClock({ start: NOW }),
    ...(sink ? { telemetry: [sink] } : {}),
  });
}

function envelope(event: string, createdAt: number, entities: Record<string, unknown>): string {
  const payload = Object.fromEntries(Object.entries(entities).map(([name, entity]) => [name, { entity }]));
  return JSON.stringify({ entity: 'event', account_id: 'acc_BFQ7uQEaa7j2z7', event, contains: Object.keys(entities), payload, created_at: Math.floor(createdAt / 1000) });
}

const PAYMENT = {
  id: 'pay_Webhook00001',
  entity: 'payment',
  amount: 50000,
  currency: 'INR',
  status: 'captured',
  order_id: 'order_Webhook0001',
  method: 'upi',
  amount_refunded: 0,
  refund_status: null,
  captured: true,
  notes: [],
  // Webhook samples send "" where the entity docs say null.
  error_code: '',
  error_description: '',
  error_reason: '',
  created_at: Math.floor(NOW / 1000) - 5,
};

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isIntegrationError(error) && error.kind === 'auth' && error.reason === 'webhook_signature_invalid') return error.message;
    throw error;
  }
  throw new Error('the delivery was accepted');
}

describe('webhook verification', () => {
  const rawBody = envelope('payment.captured', NOW - 1000, { payment: PAYMENT });
  const signed = (secret: string, id = 'evt_Captured000001') => signWebhook(scheme, { rawBody, secret, id });

  it('accepts a delivery signed with the secret and names it by its signed body, not by the unsigned x-razorpay-event-id', () => {
    const [event] = connector([WEBHOOK_SECRET]).parseWebhook({ rawBody, headers: signed(WEBHOOK_SECRET), now: NOW });
    expect(event).toMatchObject({ providerEventId: digest(rawBody), type: 'payment.updated', rawType: 'payment.captured', payment: { id: 'order_Webhook0001', status: 'succeeded' } });
  });

  it('accepts raw bytes as well as text', () => {
    const events = connector([WEBHOOK_SECRET]).parseWebhook({ rawBody: Buffer.from(rawBody), headers: signed(WEBHOOK_SECRET), now: NOW });
    expect(events).toHaveLength(1);
  });

  it('refuses a forged body, a missing signature and a signature that is not hex', () => {
    const razorpay = connector([WEBHOOK_SECRET]);
    expect(refusal(() => razorpay.parseWebhook({ rawBody: rawBody.replace('50000', '5'), headers: signed(WEBHOOK_SECRET), now: NOW }))).toMatch(/signature_mismatch/);
    expect(refusal(() => razorpay.parseWebhook({ rawBody, headers: {}, now: NOW }))).toMatch(/missing_signature/);
    expect(refusal(() => razorpay.parseWebhook({ rawBody, headers: { 'x-razorpay-signature': 'not-hex!' }, now: NOW }))).toMatch(/malformed_signature/);
  });

  it('accepts either secret while one is rotated, and only the new one after', () => {
    const rotating = connector([WEBHOOK_SECRET, OLD_WEBHOOK_SECRET]);
    expect(rotating.parseWebhook({ rawBody, headers: signed(OLD_WEBHOOK_SECRET), now: NOW })).toHaveLength(1);
    expect(rotating.parseWebhook({ rawBody, headers: signed(WEBHOOK_SECRET), now: NOW })).toHaveLength(1);
    expect(refusal(() => connector([WEBHOOK_SECRET]).parseWebhook({ rawBody, headers: signed(OLD_WEBHOOK_SECRET), now: NOW }))).toMatch(/signature_mismatch/);
  });

  it('refuses a genuine event older than the replay window, by its signed created_at', () => {
    const old = envelope('payment.captured', NOW - WEBHOOK_REPLAY_WINDOW_MS - 60_000, { payment: PAYMENT });
    const headers = signWebhook(scheme, { rawBody: old, secret: WEBHOOK_SECRET, id: 'evt_Old00000000001' });
    expect(refusal(() => connector([WEBHOOK_SECRET]).parseWebhook({ rawBody: old, headers, now: NOW }))).toMatch(/outside the replay window/);
    // A retry within Razorpay's 24 hours still passes.
    const retried = envelope('payment.captured', NOW - 23 * 3600_000, { payment: PAYMENT });
    const retriedHeaders = signWebhook(scheme, { rawBody: retried, secret: WEBHOOK_SECRET, id: 'evt_Retry000000001' });
    expect(connector([WEBHOOK_SECRET]).parseWebhook({ rawBody: retried, headers: retriedHeaders, now: NOW })).toHaveLength(1);
  });

  it('reads a body verified earlier (the hub applies it later) without the replay window, by the id it was deduped on', () => {
    const old = envelope('payment.captured', NOW - WEBHOOK_REPLAY_WINDOW_MS - 60_000, { payment: PAYMENT });
    const [event] = connector([WEBHOOK_SECRET]).eventsFromVerifiedBody(old, 'evt_Stored0000001');
    expect(event).toMatchObject({ providerEventId: 'evt_Stored0000001', type: 'payment.updated', payment: { id: 'order_Webhook0001', status: 'succeeded' } });
    expect(() => connector([WEBHOOK_SECRET]).eventsFromVerifiedBody('{not json', 'evt_x')).toThrow(/not JSON/);
  });

  it('honours a configured window', () => {
    const strict = createRazorpayConnector({ credentials: { keyId: KEY_ID, keySecret: KEY_SECRET }, webhookSecrets: [WEBHOOK_SECRET], webhookToleranceMs: 500 });
    expect(refusal(() => strict.parseWebhook({ rawBody, headers: signed(WEBHOOK_SECRET), now: NOW }))).toMatch(/replay window/);
  });

  it('names a delivery without x-razorpay-event-id by its body too, as the hub does', () => {
    const unnamed = { 'x-razorpay-signature': signWebhook(scheme, { rawBody, secret: WEBHOOK_SECRET })['x-razorpay-signature'] as string };
    expect(connector([WEBHOOK_SECRET]).parseWebhook({ rawBody, headers: unnamed, now: NOW })[0]?.providerEventId).toBe(digest(rawBody));
  });

  it('calls a signed body that is not JSON a contract violation, and an envelope without its fields too', () => {
    const razorpay = connector([WEBHOOK_SECRET]);
    const garbage = 'not json';
    expect(() => razorpay.parseWebhook({ rawBody: garbage, headers: signWebhook(scheme, { rawBody: garbage, secret: WEBHOOK_SECRET }), now: NOW })).toThrow(
      expect.objectContaining({ kind: 'contract_violation', reason: 'malformed_json' }) as Error,
    );
    const bare = JSON.stringify({ entity: 'event', event: 'payment.captured' });
    expect(() => razorpay.parseWebhook({ rawBody: bare, headers: signWebhook(scheme, { rawBody: bare, secret: WEBHOOK_SECRET }), now: NOW })).toThrow(
      expect.objectContaining({ kind: 'contract_violation', reason: 'schema_mismatch' }) as Error,
    );
  });

  it('refuses to start without a webhook secret', () => {
    expect(() => connector([])).toThrow(/webhook secret/);
  });
});

describe('webhook events', () => {
  const parse = (event: string, entities: Record<string, unknown>, sink?: MemoryTelemetrySink): PaymentEvent[] => {
    const rawBody = envelope(event, NOW - 1000, entities);
    return connector([WEBHOOK_SECRET], sink).parseWebhook({ rawBody, headers: signWebhook(scheme, { rawBody, secret: WEBHOOK_SECRET, id: `evt_${event}` }), now: NOW });
  };

  it('dates an event by its created_at second, never later', () => {
    const [event] = parse('payment.captured', { payment: PAYMENT });
    expect(event?.occurredAt).toBe(Math.floor((NOW - 1000) / 1000) * 1000);
    expect(event?.payment?.updatedAt).toBe(event?.occurredAt);
  });

  it('turns events it does not act on into unknown, still verified', () => {
    const [event] = parse('payment.dispute.created', { dispute: { id: 'disp_1', entity: 'dispute' } });
    expect(event).toMatchObject({ type: 'unknown', rawType: 'payment.dispute.created' });
    expect(event?.payment).toBeUndefined();
  });

  it('reads refund.failed as a failed refund of the order', () => {
    const refund = { id: 'rfnd_1', entity: 'refund', amount: 100, currency: 'INR', payment_id: PAYMENT.id, notes: [], created_at: Math.floor(NOW / 1000), status: 'failed' };
    const [event] = parse('refund.failed', { refund, payment: { ...PAYMENT, amount_refunded: 0 } });
    expect(event).toMatchObject({ type: 'refund.updated', refund: { paymentId: 'order_Webhook0001', status: 'failed', amount: money(100, 'INR') } });
  });

  it('reports drift in a webhook entity through the connector telemetry', () => {
    const sink = new MemoryTelemetrySink();
    parse('payment.captured', { payment: { ...PAYMENT, fee_bearer: 'platform' } }, sink);
    expect(sink.ofType('contract.drift')[0]?.drift).toContain('unknown_field payload.payment.entity.fee_bearer');
  });

  it('lets the ordering guard refuse a payment.authorized snapshot that arrives after payment.captured', () => {
    const [captured] = parse('payment.captured', { payment: PAYMENT });
    const [authorized] = parse('payment.authorized', { payment: { ...PAYMENT, status: 'authorized', captured: false } });
    const current = { status: captured?.payment?.status ?? '', updatedAt: captured?.occurredAt ?? 0 };
    expect(guardTransition(paymentStatusMachine, current, { status: authorized?.payment?.status ?? '', occurredAt: authorized?.occurredAt ?? 0 })).toEqual({
      apply: false,
      reason: 'backward_transition',
    });
  });
});

describe('webhooks from the simulation', () => {
  let current: Stage | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });

  it('raises payment.authorized, payment.captured and order.paid for an auto-capture order, each verifiable', async () => {
    current = await stage();
    const { connector: razorpay, simulation, clock } = current;
    const payment = await razorpay.createPayment({ amount: money(25000, 'INR'), captureMethod: 'automatic', reference: 'wh-1' });
    simulation.customerCompletes(payment);
    const events = simulation.takeWebhookEvents();
    expect(events.map((event) => event.type)).toEqual(['payment.authorized', 'payment.captured', 'order.paid']);
    const parsed = events.flatMap((event) => {
      const rawBody = JSON.stringify(event.payload);
      return razorpay.parseWebhook({ rawBody, headers: simulation.signWebhook(rawBody, event, clock.now()), now: clock.now() });
    });
    const [authorized, captured, paid] = events.map((event) => digest(JSON.stringify(event.payload)));
    expect(parsed.map((event) => [event.providerEventId, event.payment?.id, event.payment?.status])).toEqual([
      [authorized, payment.id, 'authorized'],
      [captured, payment.id, 'succeeded'],
      [paid, payment.id, 'succeeded'],
    ]);
    expect(parsed[2]?.payment?.reference).toBe('wh-1');
    expect(simulation.takeWebhookEvents()).toEqual([]);
  });
});
