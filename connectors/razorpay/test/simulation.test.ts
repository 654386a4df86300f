import { money, parseContract } from '@interlock/core';
import { afterEach, describe, expect, it } from 'vitest';
import { webhookContract } from '../src/wire/index.js';
import { feeOf } from '../testing/index.js';
import { KEY_ID, KEY_SECRET, stage, type Stage } from './support.js';

let current: Stage | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

const auth = { authorization: `Basic ${Buffer.from(`${KEY_ID}:${KEY_SECRET}`).toString('base64')}`, 'content-type': 'application/json' };

async function call(s: Stage, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${s.simulation.simulator.url}${path}`, { method, headers: { ...auth, ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('the Razorpay simulation', () => {
  it('refuses what Razorpay refuses, in Razorpay’s error shape', async () => {
    current = await stage();
    expect(await call(current, 'POST', '/v1/orders', { amount: 295991, currency: 'KWD' })).toMatchObject({ status: 400, body: { error: { code: 'BAD_REQUEST_ERROR', field: 'amount', reason: 'NA' } } });
    expect(await call(current, 'POST', '/v1/orders', { amount: 100, currency: 'XXX' })).toMatchObject({ status: 400, body: { error: { field: 'currency' } } });
    expect(await call(current, 'POST', '/v1/orders', { amount: 10.5, currency: 'INR' })).toMatchObject({ status: 400, body: { error: { field: 'amount' } } });
    expect(await call(current, 'POST', '/v1/orders', { amount: 100, currency: 'INR', receipt: 'r'.repeat(41) })).toMatchObject({ status: 400, body: { error: { field: 'receipt' } } });
    const notes = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`k${i}`, 'v']));
    expect(await call(current, 'POST', '/v1/orders', { amount: 100, currency: 'INR', notes })).toMatchObject({ status: 400, body: { error: { field: 'notes' } } });
    expect(await call(current, 'GET', '/v1/orders?count=101')).toMatchObject({ status: 400, body: { error: { field: 'count' } } });
    expect(await call(current, 'GET', '/v1/orders?count=0')).toMatchObject({ status: 400 });
    expect(await call(current, 'GET', '/v1/orders?skip=x')).toMatchObject({ status: 400, body: { error: { field: 'skip' } } });
    expect(await call(current, 'GET', '/v1/settlements/recon/combined?month=1')).toMatchObject({ status: 400, body: { error: { field: 'year' } } });
    expect(await call(current, 'GET', '/v1/settlements/recon/combined?year=2026&month=13')).toMatchObject({ status: 400, body: { error: { field: 'month' } } });
    expect(await call(current, 'GET', '/v1/refunds/rfnd_Nope')).toMatchObject({ status: 400, body: { error: { description: 'The id provided does not exist' } } });
    expect(await call(current, 'GET', '/v1/payments/pay_Nope/refunds')).toMatchObject({ status: 400 });
    expect(await call(current, 'POST', '/v1/payments/pay_Nope/capture', {})).toMatchObject({ status: 400 });
    expect(await call(current, 'POST', '/v1/payments/pay_Nope/refund', {})).toMatchObject({ status: 400 });
  });

  it('serialises empty notes as [] and lists orders and refunds as collections', async () => {
    current = await stage();
    const created = await call(current, 'POST', '/v1/orders', { amount: 1000, currency: 'INR', receipt: 'n-1', payment_capture: 1 });
    expect(created.body).toMatchObject({ entity: 'order', notes: [], status: 'created', amount_due: 1000 });
    expect(await call(current, 'GET', '/v1/orders?receipt=n-1')).toMatchObject({ status: 200, body: { entity: 'collection', count: 1 } });
    expect(await call(current, 'GET', '/v1/refunds')).toMatchObject({ status: 200, body: { entity: 'collection', count: 0, items: [] } });
  });

  it('guards captures and refunds the way Razorpay does', async () => {
    current = await stage();
    const { connector, simulation } = current;
    const manual = await connector.createPayment({ amount: money(1000, 'INR'), captureMethod: 'manual', reference: 'g-1' });
    simulation.customerCompletes(manual);
    const [attempt] = simulation.state.paymentsOf(manual.id);
    const path = `/v1/payments/${attempt?.id ?? ''}`;
    expect(await call(current, 'POST', `${path}/refund`, {})).toMatchObject({ status: 400, body: { error: { field: 'payment_id' } } });
    expect(await call(current, 'POST', `${path}/capture`, { amount: 1000, currency: 'USD' })).toMatchObject({ status: 400, body: { error: { field: 'currency' } } });
    expect(await call(current, 'POST', `${path}/capture`, { amount: 1000, currency: 'INR' })).toMatchObject({ status: 200, body: { status: 'captured', fee: 24, tax: 4 } });
    expect(await call(current, 'POST', `${path}/refund`, { amount: 2000 }, { 'x-refund-idempotency': 'refund-too-much' })).toMatchObject({ status: 400, body: { error: { field: 'amount' } } });
    expect(await call(current, 'POST', `${path}/refund`, { amount: 'x' }, { 'x-refund-idempotency': 'refund-not-a-num' })).toMatchObject({ status: 400 });
    expect(await call(current, 'POST', `${path}/refund`, {}, { 'x-refund-idempotency': 'short' })).toMatchObject({ status: 400, body: { error: { field: 'X-Refund-Idempotency' } } });
    expect(await call(current, 'POST', `${path}/refund`, {}, { 'x-refund-idempotency': 'refund-full-0001' })).toMatchObject({ status: 200, body: { amount: 1000, status: 'processed' } });
    expect(await call(current, 'POST', `${path}/refund`, {}, { 'x-refund-idempotency': 'refund-full-0002' })).toMatchObject({ status: 400 });
    expect(await call(current, 'GET', `${path}/refunds`)).toMatchObject({ status: 200, body: { count: 1 } });
    expect(await call(current, 'GET', '/v1/payments/pay_Nope')).toMatchObject({ status: 400 });
    // A paid order does not take a second payment.
    simulation.customerCompletes(manual);
    expect(simulation.state.paymentsOf(manual.id)).toHaveLength(1);
  });

  it('raises webhook events in Razorpay’s envelope, as snapshots', async () => {
    current = await stage();
    const { connector, simulation } = current;
    const payment = await connector.createPayment({ amount: money(1000, 'INR'), captureMethod: 'automatic', reference: 'e-1' });
    simulation.customerCompletes(payment);
    const events = simulation.takeWebhookEvents();
    for (const event of events) {
      const envelope = parseContract(webhookContract, event.payload).value;
      expect(envelope.event).toBe(event.type);
      expect(envelope.account_id).toMatch(/^acc_/);
    }
    const authorized = events[0]?.payload as { payload: { payment: { entity: { status: string } } } };
    expect(authorized.payload.payment.entity.status).toBe('authorized');
    const signed = simulation.signWebhook('{}', events[0] ?? { id: 'evt_x', type: 'x', payload: {}, occurredAt: 0 }, 0);
    expect(Object.keys(signed).sort()).toEqual(['x-razorpay-event-id', 'x-razorpay-signature']);
  });

  it('counts orders per receipt, settles captured payments once and can lose a line', async () => {
    current = await stage();
    const { connector, simulation, clock } = current;
    const payment = await connector.createPayment({ amount: money(10000, 'INR'), captureMethod: 'automatic', reference: 'c-1' });
    simulation.customerCompletes(payment);
    expect(simulation.chargesByKey().get('c-1')).toBe(1);
    simulation.settle(clock.now());
    simulation.settle(clock.now());
    expect(simulation.state.reconLines()).toHaveLength(1);
    // As Razorpay reports it: the line's fee is the payment entity's, GST included, and credit = amount − fee.
    const [captured] = simulation.state.paymentsOf(payment.id);
    expect(feeOf(10000)).toEqual({ fee: 236, tax: 36 });
    expect(simulation.state.reconLines()[0]).toMatchObject({ amount: 10000, fee: captured?.fee, tax: captured?.tax, credit: 10000 - 236, order_receipt: 'c-1' });
    simulation.dropSettlementLineFor(payment.id);
    expect(simulation.state.reconLines()).toHaveLength(0);
    expect(() => simulation.dropSettlementLineFor(payment.id)).toThrow(/no settlement line/);
    expect(() => simulation.customerCompletes({ ...payment, id: 'order_Unknown000001' })).toThrow(/no order/);
    expect(() => simulation.customerFails({ ...payment, id: 'order_Unknown000001' })).toThrow(/no order/);
  });
});
