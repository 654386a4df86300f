import { ApiKeyRing, money, systemClock } from '@interlock/core';
import { maxInAnyWindow } from '@interlock/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { createStripeConnector, STRIPE_API_VERSION } from '../src/index.js';
import { NEXT_API_KEY, TEST_API_KEY, WEBHOOK_SECRET } from './support/secrets.js';
import { simulatedStripe, type SimulatedStripe } from './support/stage.js';

let stage: SimulatedStripe | undefined;
const start = async (...args: Parameters<typeof simulatedStripe>) => (stage = await simulatedStripe(...args));
afterEach(async () => stage?.close());

const order = (reference: string, extra: Record<string, unknown> = {}) => ({
  amount: money(49_900, 'INR'),
  captureMethod: 'automatic' as const,
  reference,
  ...extra,
});

describe('Stripe connector against the simulation', () => {
  it('pins Stripe-Version, authenticates with the bearer key and sends a key on every POST only', async () => {
    const { connector, simulation } = await start();
    const payment = await connector.createPayment(order('order-1'));
    await connector.getPayment(payment.id);
    const [post, get] = simulation.simulator.requests;
    expect(post?.headers).toMatchObject({ 'stripe-version': STRIPE_API_VERSION, authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/x-www-form-urlencoded' });
    expect(post?.headers['idempotency-key']).toMatch(/.+/);
    expect(get?.headers).toMatchObject({ 'stripe-version': STRIPE_API_VERSION });
    expect(get?.headers).not.toHaveProperty('idempotency-key');
    expect(get?.query).toBe('expand%5B%5D=latest_charge');
  });

  it('charges once when a lost response makes the caller retry with the same key', async () => {
    const { connector, simulation } = await start();
    simulation.simulator.setScenario({ rules: [{ match: { method: 'POST', path: '/v1/payment_intents' }, times: 3, fault: { type: 'lost_response' } }] });
    await expect(connector.createPayment(order('order-2', { idempotencyKey: 'caller-key-2' }))).rejects.toMatchObject({ kind: 'network', retryable: true });
    const payment = await connector.createPayment(order('order-2', { idempotencyKey: 'caller-key-2' }));
    expect(simulation.chargesByKey()).toEqual(new Map([['caller-key-2', 1]]));
    expect(simulation.simulator.idempotentReplays).toBe(3);
    expect(payment).toMatchObject({ reference: 'order-2', status: 'requires_action' });
  });

  it('creates the customer on the way, once per payment key', async () => {
    const { connector, simulation } = await start();
    const input = order('order-3', { customer: { name: 'Łódź Trading', email: 'ap@lodz.example' }, idempotencyKey: 'order-3-key' });
    const first = await connector.createPayment(input);
    const again = await connector.createPayment(input);
    expect(again.id).toBe(first.id);
    expect(simulation.simulator.resource('customers').list()).toHaveLength(1);
    const customer = await connector.getCustomer(first.customerId as string);
    expect(customer).toMatchObject({ name: 'Łódź Trading', email: 'ap@lodz.example' });
    const known = await connector.createPayment(order('order-4', { customer: { id: customer.id } }));
    expect(known.customerId).toBe(customer.id);
    expect(simulation.simulator.resource('customers').list()).toHaveLength(1);
    await expect(connector.createPayment(order('order-5', { customer: { id: 'cus_missing' } }))).rejects.toMatchObject({ kind: 'not_found', providerCode: 'resource_missing' });
  });

  it('refuses what Stripe would reject before sending anything', async () => {
    const { connector, simulation } = await start();
    await expect(connector.createPayment(order('order-6', { idempotencyKey: 'k'.repeat(256) }))).rejects.toMatchObject({ kind: 'invalid_request', reason: 'idempotency_key_invalid' });
    await expect(connector.createPayment({ ...order('order-7'), amount: money(5_125, 'KWD') })).rejects.toMatchObject({ reason: 'amount_precision' });
    await expect(connector.createPayment(order('order-8', { metadata: { reference: 'x' } }))).rejects.toMatchObject({ reason: 'metadata_invalid' });
    await expect(connector.createCustomer({ name: 'x' }, { idempotencyKey: '' })).rejects.toMatchObject({ reason: 'idempotency_key_invalid' });
    await expect(connector.capturePayment('pi_x', { idempotencyKey: '' })).rejects.toMatchObject({ reason: 'idempotency_key_invalid' });
    await expect(connector.cancelPayment('pi_x', { idempotencyKey: '' })).rejects.toMatchObject({ reason: 'idempotency_key_invalid' });
    await expect(connector.refundPayment('pi_x', { idempotencyKey: '' })).rejects.toMatchObject({ reason: 'idempotency_key_invalid' });
    expect(simulation.simulator.requests).toHaveLength(0);
  });

  it('authorises, captures in part, refunds the rest and reads every state back', async () => {
    const { connector, simulation } = await start();
    const created = await connector.createPayment({ amount: money(15_000, 'KWD'), captureMethod: 'manual', reference: 'order-9' });
    simulation.customerCompletes(created);
    await expect(connector.getPayment(created.id)).resolves.toMatchObject({ status: 'authorized', amountCaptured: money(0, 'KWD') });
    await expect(connector.capturePayment(created.id, { amount: money(12_000, 'USD') })).rejects.toMatchObject({ kind: 'invalid_request', reason: 'currency_mismatch' });
    const captured = await connector.capturePayment(created.id, { amount: money(12_000, 'KWD') });
    expect(captured).toMatchObject({ status: 'succeeded', amountCaptured: money(12_000, 'KWD') });
    // The released 3.000 KWD is Stripe's refund of the authorisation, not of the payment.
    await expect(connector.getPayment(created.id)).resolves.toMatchObject({ status: 'succeeded', amountRefunded: money(0, 'KWD') });
    const partial = await connector.refundPayment(created.id, { amount: money(2_000, 'KWD'), reason: 'requested_by_customer' });
    expect(partial).toMatchObject({ status: 'succeeded', amount: money(2_000, 'KWD'), reason: 'requested_by_customer', paymentId: created.id });
    await expect(connector.getRefund(partial.id)).resolves.toEqual(partial);
    await expect(connector.getPayment(created.id)).resolves.toMatchObject({ status: 'partially_refunded', amountRefunded: money(2_000, 'KWD') });
    const rest = await connector.refundPayment(created.id, { reason: 'parcel lost' });
    expect(rest).toMatchObject({ amount: money(10_000, 'KWD'), reason: 'parcel lost' });
    await expect(connector.getPayment(created.id)).resolves.toMatchObject({ status: 'refunded', amountRefunded: money(12_000, 'KWD') });
    await expect(connector.refundPayment(created.id)).rejects.toMatchObject({ kind: 'invalid_request', providerCode: 'charge_already_refunded', status: 400 });
    await expect(connector.refundPayment(created.id, { amount: money(10, 'EUR') })).rejects.toMatchObject({ reason: 'currency_mismatch' });
  });

  it('cancels an authorisation, and refuses to cancel a payment that succeeded', async () => {
    const { connector, simulation } = await start();
    const held = await connector.createPayment({ ...order('order-10'), captureMethod: 'manual' });
    simulation.customerCompletes(held);
    await expect(connector.cancelPayment(held.id)).resolves.toMatchObject({ status: 'canceled' });
    await expect(connector.getPayment(held.id)).resolves.toMatchObject({ status: 'canceled', amountRefunded: money(0, 'INR'), amountCaptured: money(0, 'INR') });
    const paid = await connector.createPayment(order('order-11'));
    simulation.customerCompletes(paid);
    await expect(connector.cancelPayment(paid.id)).rejects.toMatchObject({ kind: 'invalid_request', providerCode: 'payment_intent_unexpected_state' });
    await expect(connector.capturePayment(paid.id)).rejects.toMatchObject({ providerCode: 'payment_intent_unexpected_state' });
    await expect(connector.getPayment('pi_00000000000404')).rejects.toMatchObject({ kind: 'not_found', status: 404 });
  });

  it('reads a declined attempt as failed, by polling and by webhook', async () => {
    const { connector, simulation, clock } = await start();
    const payment = await connector.createPayment(order('order-12'));
    simulation.takeWebhookEvents();
    simulation.customerDeclines(payment, 'insufficient_funds');
    await expect(connector.getPayment(payment.id)).resolves.toMatchObject({ status: 'failed', failure: { code: 'insufficient_funds', providerCode: 'insufficient_funds' } });
    const deliveries = simulation.takeWebhookEvents();
    expect(deliveries.map((event) => event.type)).toEqual(['charge.failed', 'payment_intent.payment_failed']);
    const failed = deliveries[1];
    const rawBody = JSON.stringify(failed?.payload);
    const events = connector.parseWebhook({ rawBody, headers: simulation.signWebhook(rawBody, failed as never, clock.now()), now: clock.now() });
    expect(events[0]?.payment).toMatchObject({ status: 'failed', failure: { code: 'insufficient_funds' } });
    simulation.customerDeclines(payment, 'stolen_card');
    await expect(connector.getPayment(payment.id)).resolves.toMatchObject({ failure: { code: 'fraud_suspected' } });
  });

  it('lets Stripe’s idempotency_error through as a conflict when another process reused the key', async () => {
    const { connector, simulation, clock } = await start();
    await connector.createPayment(order('order-13', { idempotencyKey: 'shared-key' }));
    const elsewhere = createStripeConnector({
      baseUrl: simulation.simulator.url,
      credentials: { apiKey: TEST_API_KEY },
      webhookSecrets: [WEBHOOK_SECRET],
      clock,
      fetch: clock.trackFetch(),
    });
    await expect(elsewhere.createPayment(order('order-14', { idempotencyKey: 'shared-key' }))).rejects.toMatchObject({
      kind: 'conflict',
      providerCode: 'idempotency_error',
      status: 400,
      attempts: 1,
    });
    // In one process, core sees the reuse first and never sends it.
    await expect(connector.createPayment(order('order-15', { idempotencyKey: 'shared-key' }))).rejects.toMatchObject({ kind: 'conflict', reason: 'idempotency_key_reused' });
  });

  it('sends the current key of a ring and moves to the other when Stripe refuses it', async () => {
    const ring = new ApiKeyRing({ provider: 'stripe', clock: systemClock, keys: [{ id: 'rolled', secret: NEXT_API_KEY }, { id: 'current', secret: TEST_API_KEY }] });
    const { connector, simulation } = await start({ credentials: { keys: ring } });
    simulation.simulator.setScenario({
      rules: [{ match: { method: 'POST' }, times: 1, fault: { type: 'status', status: 401, body: { error: { type: 'invalid_request_error', message: 'Invalid API Key provided: sk_test_****XyZ' } } } }],
    });
    await connector.createPayment(order('order-16'));
    expect(simulation.simulator.requests.map((request) => request.headers['authorization'])).toEqual([`Bearer ${NEXT_API_KEY}`, `Bearer ${TEST_API_KEY}`]);
    expect(ring.current().id).toBe('current');
  });

  it('keeps a sandbox key within 25 requests per second across endpoints', async () => {
    const { connector, simulation } = await start({ mode: 'sandbox' });
    const payment = await connector.createPayment(order('order-17'));
    const reads = Array.from({ length: 40 }, (_, index) => (index % 2 === 0 ? connector.getPayment(payment.id) : connector.getCustomer('cus_missing').catch(() => undefined)));
    await Promise.all(reads);
    expect(maxInAnyWindow(simulation.simulator.requests.map((request) => request.at), 1_000)).toBeLessThanOrEqual(25);
  });
});
