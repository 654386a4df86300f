import { collectAll, money } from '@interlock/core';
import { MemoryTelemetrySink } from '@interlock/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { stage, type Stage } from './support.js';

let current: Stage | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

async function fresh(overrides: Parameters<typeof stage>[0] = {}): Promise<Stage> {
  current = await stage(overrides);
  return current;
}

const INR = (minor: number) => money(minor, 'INR');

describe('createPayment: an order the customer pays through Checkout', () => {
  it('reads an order no more once its caller stops waiting: an aborted read rejects with its reason and asks Razorpay nothing', async () => {
    const { connector, simulation } = await fresh();
    const payment = await connector.createPayment({ amount: INR(50000), captureMethod: 'automatic', reference: 'order-abort' });
    const before = simulation.simulator.requests.length;
    await expect(connector.getPayment(payment.id, { signal: AbortSignal.abort(new Error('closing')) })).rejects.toThrow('closing');
    expect(simulation.simulator.requests.length).toBe(before);
  });

  it('creates an order that waits for the customer, with the reference as receipt and metadata as notes', async () => {
    const { connector, simulation } = await fresh();
    const payment = await connector.createPayment({ amount: INR(50000), captureMethod: 'automatic', reference: 'order-1', metadata: { cart: 'C-1' } });
    expect(payment).toMatchObject({ provider: 'razorpay', status: 'requires_action', statusRaw: 'created', reference: 'order-1', metadata: { cart: 'C-1' }, amountCaptured: INR(0) });
    expect(payment.id).toMatch(/^order_[A-Za-z0-9]{14}$/);
    expect(simulation.state.order(payment.id)?.receipt).toBe('order-1');
    expect(simulation.simulator.count('GET', '/v1/orders')).toBe(0);
  });

  it('after a lost answer, finds the order it made by receipt instead of creating a second one', async () => {
    const sink = new MemoryTelemetrySink();
    const { connector, simulation } = await fresh({ telemetry: [sink] });
    simulation.simulator.setScenario({ rules: [{ match: { method: 'POST', path: '/v1/orders' }, times: 1, fault: { type: 'lost_response' } }] });
    const payment = await connector.createPayment({ amount: INR(50000), captureMethod: 'automatic', reference: 'order-lost' });
    expect(simulation.chargesByKey().get('order-lost')).toBe(1);
    expect(simulation.simulator.count('POST', '/v1/orders')).toBe(1);
    expect(payment.id).toBe(simulation.state.allOrders()[0]?.id);
    expect(sink.ofType('idempotency.found_existing')).toHaveLength(1);
  });

  it('after a 503, looks first and creates again when nothing was made', async () => {
    const { connector, simulation } = await fresh();
    simulation.simulator.setScenario({ rules: [{ match: { method: 'POST', path: '/v1/orders' }, times: 1, fault: { type: 'status', status: 503 } }] });
    await connector.createPayment({ amount: INR(50000), captureMethod: 'automatic', reference: 'order-503' });
    expect(simulation.simulator.count('POST', '/v1/orders')).toBe(2);
    expect(simulation.simulator.count('GET', '/v1/orders')).toBe(1);
    expect(simulation.chargesByKey().get('order-503')).toBe(1);
  });

  it('after a 429, creates again without looking: Razorpay throttles before it processes, so nothing was made', async () => {
    const { connector, simulation } = await fresh();
    simulation.simulator.setScenario({ rules: [{ match: { method: 'POST', path: '/v1/orders' }, times: 1, fault: { type: 'rate_limit', retryAfterSeconds: 1 } }] });
    await connector.createPayment({ amount: INR(50000), captureMethod: 'automatic', reference: 'order-429' });
    expect(simulation.simulator.count('POST', '/v1/orders')).toBe(2);
    expect(simulation.simulator.count('GET', '/v1/orders')).toBe(0);
    expect(simulation.chargesByKey().get('order-429')).toBe(1);
  });

  it('a caller retrying with its own key gets the same order, paid or not, and never a second one', async () => {
    const { connector, simulation } = await fresh();
    const input = { amount: INR(50000), captureMethod: 'automatic' as const, reference: 'order-crash', idempotencyKey: 'crash-key-1' };
    const first = await connector.createPayment(input);
    simulation.customerCompletes(first);
    const again = await connector.createPayment(input);
    expect(again).toMatchObject({ id: first.id, status: 'succeeded', amountCaptured: INR(50000) });
    expect(simulation.chargesByKey().get('order-crash')).toBe(1);
  });

  it('a key reused for another amount is a conflict, and another key with the same reference is a new order', async () => {
    const { connector, simulation } = await fresh();
    await connector.createPayment({ amount: INR(50000), captureMethod: 'automatic', reference: 'order-k', idempotencyKey: 'key-k-1' });
    await expect(connector.createPayment({ amount: INR(60000), captureMethod: 'automatic', reference: 'order-k', idempotencyKey: 'key-k-1' })).rejects.toMatchObject({
      kind: 'conflict',
      reason: 'idempotency_key_reused',
    });
    await connector.createPayment({ amount: INR(50000), captureMethod: 'automatic', reference: 'order-k', idempotencyKey: 'key-k-2' });
    expect(simulation.chargesByKey().get('order-k')).toBe(2);
  });

  it('refuses a reference Razorpay cannot keep as a receipt, without sending anything', async () => {
    const { connector, simulation } = await fresh();
    await expect(connector.createPayment({ amount: INR(100), captureMethod: 'automatic', reference: 'r'.repeat(41) })).rejects.toMatchObject({
      kind: 'invalid_request',
      reason: 'reference_length',
    });
    expect(simulation.simulator.requests).toHaveLength(0);
  });
});

describe('key rotation', () => {
  it('holds two key pairs while one is rotated: a 401 on the first switches to the second, id and secret together', async () => {
    const retired = { keyId: 'rzp_test_fixtureRetired1', keySecret: 'fixture_secret_retired_01' };
    const active = { keyId: 'rzp_test_fixtureActive01', keySecret: 'fixture_secret_active_001' };
    const { connector, simulation } = await fresh({ credentials: { keys: [retired, active] } });
    const basic = (pair: typeof active): string => `Basic ${Buffer.from(`${pair.keyId}:${pair.keySecret}`).toString('base64')}`;
    const payment = await connector.createPayment({ amount: INR(1000), captureMethod: 'automatic', reference: 'order-rotated' });
    simulation.simulator.route('GET', '/v1/orders/:id', (request) =>
      request.headers['authorization'] === basic(active)
        ? { status: 200, body: simulation.state.order(payment.id) }
        : { status: 401, body: { error: { code: 'BAD_REQUEST_ERROR', description: 'Authentication failed', source: 'NA', step: 'NA', reason: 'NA', metadata: {} } } },
    );
    await expect(connector.getPayment(payment.id)).resolves.toMatchObject({ id: payment.id });
    const auths = simulation.simulator.requests.filter((r) => r.method === 'GET' && r.path === `/v1/orders/${payment.id}`).map((r) => r.headers['authorization']);
    expect(auths).toEqual([basic(retired), basic(active)]);
  });
});

describe('getPayment', () => {
  it('derives the status from the order and its attempts: declined, then paid', async () => {
    const { connector, simulation } = await fresh();
    const payment = await connector.createPayment({ amount: INR(50000), captureMethod: 'automatic', reference: 'order-g' });
    simulation.customerFails(payment);
    expect(await connector.getPayment(payment.id)).toMatchObject({ status: 'failed', failure: { code: 'card_declined', providerCode: 'card_declined' } });
    simulation.customerFails(payment, { reason: 'payment_cancelled', description: 'Payment was cancelled by the customer' });
    expect((await connector.getPayment(payment.id)).failure).toEqual({ code: 'canceled_by_customer', providerCode: 'payment_cancelled', message: 'Payment was cancelled by the customer' });
    simulation.customerCompletes(payment);
    const paid = await connector.getPayment(payment.id);
    expect(paid).toMatchObject({ status: 'succeeded', amountCaptured: INR(50000) });
    expect(paid.failure).toBeUndefined();
  });

  it('reads one payment attempt by its pay_ id, keyed on its order', async () => {
    const { connector, simulation } = await fresh();
    const payment = await connector.createPayment({ amount: INR(50000), captureMethod: 'automatic', reference: 'order-p' });
    simulation.customerCompletes(payment);
    const [attempt] = simulation.state.paymentsOf(payment.id);
    expect(await connector.getPayment(attempt?.id ?? '')).toMatchObject({ id: payment.id, status: 'succeeded' });
  });

  it('calls an unknown order not_found (Razorpay answers 400 for it)', async () => {
    const { connector } = await fresh();
    await expect(connector.getPayment('order_Missing0000001')).rejects.toMatchObject({ kind: 'not_found', status: 400, attempts: 1 });
  });
});

describe('capturePayment', () => {
  it('captures the authorised attempt of a manual-capture order', async () => {
    const { connector, simulation } = await fresh();
    const payment = await connector.createPayment({ amount: INR(70000), captureMethod: 'manual', reference: 'order-m' });
    simulation.customerCompletes(payment);
    expect(await connector.getPayment(payment.id)).toMatchObject({ status: 'authorized', amountCaptured: INR(0) });
    expect(await connector.capturePayment(payment.id)).toMatchObject({ status: 'succeeded', amountCaptured: INR(70000) });
    // Capturing again is harmless: the payment is returned as it is.
    expect(await connector.capturePayment(payment.id)).toMatchObject({ status: 'succeeded' });
    expect(simulation.simulator.count('POST', '/v1/payments/:id/capture')).toBe(1);
  });

  it('a capture whose answer was lost is retried and ends captured once', async () => {
    const { connector, simulation } = await fresh();
    const payment = await connector.createPayment({ amount: INR(70000), captureMethod: 'manual', reference: 'order-ml' });
    simulation.customerCompletes(payment);
    simulation.simulator.setScenario({ rules: [{ match: { method: 'POST', path: /\/capture$/ }, times: 1, fault: { type: 'lost_response' } }] });
    expect(await connector.capturePayment(payment.id)).toMatchObject({ status: 'succeeded', amountCaptured: INR(70000) });
    expect(simulation.simulator.count('POST', '/v1/payments/:id/capture')).toBe(2);
  });

  it('captures by pay_ id too, and refuses what cannot be captured', async () => {
    const { connector, simulation } = await fresh();
    const payment = await connector.createPayment({ amount: INR(70000), captureMethod: 'manual', reference: 'order-mp' });
    await expect(connector.capturePayment(payment.id)).rejects.toMatchObject({ kind: 'invalid_request', reason: 'nothing_to_capture' });
    simulation.customerCompletes(payment);
    const [attempt] = simulation.state.paymentsOf(payment.id);
    await expect(connector.capturePayment(attempt?.id ?? '', { amount: money(70000, 'USD') })).rejects.toMatchObject({ reason: 'currency_mismatch' });
    expect(await connector.capturePayment(attempt?.id ?? '', { amount: INR(70000) })).toMatchObject({ id: payment.id, status: 'succeeded' });
  });

  it('passes Razorpay’s refusal of a partial capture through as invalid_request', async () => {
    const { connector, simulation } = await fresh();
    const payment = await connector.createPayment({ amount: INR(70000), captureMethod: 'manual', reference: 'order-mpart' });
    simulation.customerCompletes(payment);
    await expect(connector.capturePayment(payment.id, { amount: INR(100) })).rejects.toMatchObject({ kind: 'invalid_request', providerCode: 'BAD_REQUEST_ERROR' });
  });
});

describe('refundPayment', () => {
  async function paid(reference: string, amount = 80000): Promise<{ stage: Stage; id: string }> {
    const s = await fresh();
    const payment = await s.connector.createPayment({ amount: INR(amount), captureMethod: 'automatic', reference });
    s.simulation.customerCompletes(payment);
    return { stage: s, id: payment.id };
  }

  it('refunds part, then the rest, of an order’s captured payment', async () => {
    const { stage: s, id } = await paid('order-r');
    const partial = await s.connector.refundPayment(id, { amount: INR(30000), reason: 'one item returned' });
    expect(partial).toMatchObject({ paymentId: id, amount: INR(30000), status: 'succeeded', reason: 'one item returned' });
    expect(await s.connector.getPayment(id)).toMatchObject({ status: 'partially_refunded', amountRefunded: INR(30000) });
    const rest = await s.connector.refundPayment(id);
    expect(rest.amount).toEqual(INR(50000));
    expect(await s.connector.getPayment(id)).toMatchObject({ status: 'refunded', amountRefunded: INR(80000) });
    await expect(s.connector.refundPayment(id)).rejects.toMatchObject({ kind: 'invalid_request', reason: 'nothing_to_refund' });
    expect(await s.connector.getRefund(partial.id)).toMatchObject({ id: partial.id, status: 'succeeded' });
  });

  it('keeps one X-Refund-Idempotency key across retries, so a refund whose answer was lost is paid once', async () => {
    const { stage: s, id } = await paid('order-rr');
    s.simulation.simulator.setScenario({
      rules: [
        { match: { method: 'POST', path: /\/refund$/ }, times: 1, fault: { type: 'status', status: 503 } },
        { match: { method: 'POST', path: /\/refund$/ }, times: 1, fault: { type: 'lost_response' } },
      ],
    });
    const refund = await s.connector.refundPayment(id, { amount: INR(1000) });
    const keys = s.simulation.simulator.requests.filter((request) => request.path.endsWith('/refund')).map((request) => request.headers['x-refund-idempotency']);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(s.simulation.state.allRefunds()).toHaveLength(1);
    expect(s.simulation.simulator.idempotentReplays).toBe(1);
    expect(refund.amount).toEqual(INR(1000));
  });

  it('sends a caller key Razorpay would refuse as a stable digest, and calls its reuse for another amount a conflict', async () => {
    const { stage: s, id } = await paid('order-rk');
    await s.connector.refundPayment(id, { amount: INR(1000), idempotencyKey: 'r#1' });
    const [request] = s.simulation.simulator.requests.filter((r) => r.path.endsWith('/refund'));
    expect(request?.headers['x-refund-idempotency']).toMatch(/^ik_[0-9a-f]{40}$/);
    await expect(s.connector.refundPayment(id, { amount: INR(2000), idempotencyKey: 'r#1' })).rejects.toMatchObject({ kind: 'conflict' });
    expect(s.simulation.state.allRefunds()).toHaveLength(1);
  });

  it('refunds a pay_ id directly and refuses an order with nothing captured', async () => {
    const { stage: s, id } = await paid('order-rp');
    const [attempt] = s.simulation.state.paymentsOf(id);
    const refund = await s.connector.refundPayment(attempt?.id ?? '', { amount: INR(500) });
    expect(refund.paymentId).toBe(attempt?.id);
    const unpaid = await s.connector.createPayment({ amount: INR(100), captureMethod: 'automatic', reference: 'order-unpaid' });
    await expect(s.connector.refundPayment(unpaid.id)).rejects.toMatchObject({ reason: 'nothing_to_refund' });
  });
});

describe('cancelPayment', () => {
  it('returns a failed payment as it is and refuses the rest: Razorpay cannot void or cancel', async () => {
    const { connector, simulation } = await fresh();
    const unpaid = await connector.createPayment({ amount: INR(100), captureMethod: 'manual', reference: 'order-c1' });
    await expect(connector.cancelPayment(unpaid.id)).rejects.toMatchObject({ kind: 'invalid_request', reason: 'cancel_not_supported' });
    simulation.customerCompletes(unpaid);
    await expect(connector.cancelPayment(unpaid.id)).rejects.toThrow(/cannot void an authorisation/);
    const declined = await connector.createPayment({ amount: INR(100), captureMethod: 'automatic', reference: 'order-c2' });
    simulation.customerFails(declined);
    expect(await connector.cancelPayment(declined.id)).toMatchObject({ status: 'failed' });
  });
});

describe('lists read to the last page', () => {
  it('lists every order of a window across count/skip pages', async () => {
    const { connector, simulation, clock } = await fresh();
    const start = clock.now();
    for (let i = 0; i < 230; i++) simulation.state.createOrder({ amount: 1000 + i, currency: 'INR', receipt: `bulk-${i}`, notes: {}, autoCapture: true }, start + i * 1000);
    const payments = await collectAll(connector.listPayments({ createdFrom: start, createdTo: start + 230_000 }));
    expect(payments).toHaveLength(230);
    expect(new Set(payments.map((payment) => payment.id)).size).toBe(230);
    expect(simulation.simulator.count('GET', '/v1/orders')).toBe(3);
    const window = await collectAll(connector.listPayments({ createdFrom: start + 10_000, createdTo: start + 19_000 }));
    expect(window.map((payment) => payment.reference)).toEqual(Array.from({ length: 10 }, (_, i) => `bulk-${19 - i}`));
  });

  it('lists payment attempts and Razorpay’s settlements', async () => {
    const { connector, simulation, clock } = await fresh();
    const start = clock.now();
    for (let i = 0; i < 3; i++) {
      const payment = await connector.createPayment({ amount: INR(1000), captureMethod: 'automatic', reference: `att-${i}` });
      simulation.customerCompletes(payment);
    }
    expect(await collectAll(connector.listPaymentAttempts())).toHaveLength(3);
    expect(await collectAll(connector.listPaymentAttempts({ createdFrom: start + 3600_000 }))).toHaveLength(0);
    simulation.settle(clock.now());
    const transfers = await collectAll(connector.listSettlementTransfers({ from: start, to: clock.now() + 1000 }));
    expect(transfers).toHaveLength(1);
    expect(transfers[0]).toMatchObject({ entity: 'settlement', fees: 60, tax: 12, amount: 3 * (1000 - 20 - 4) });
  });

  it('reads the recon report day by day, each to its last page, keeping the period’s lines', async () => {
    const { connector, simulation, clock } = await fresh();
    const day1 = clock.now();
    const pay = (count: number, at: number) => {
      for (let i = 0; i < count; i++) {
        const order = simulation.state.createOrder({ amount: 1000, currency: 'INR', receipt: null, notes: [], autoCapture: true }, at);
        simulation.state.customerPays(order.id, at);
      }
    };
    pay(1005, day1);
    simulation.settle(day1 + 3600_000);
    const day2 = day1 + 86_400_000;
    pay(3, day2);
    simulation.settle(day2 + 3600_000);
    const all = await collectAll(connector.listSettlements({ from: day1, to: day2 + 86_400_000 }));
    expect(all).toHaveLength(1008);
    expect(new Set(all.map((line) => line.id)).size).toBe(1008);
    expect(simulation.simulator.count('GET', '/v1/settlements/recon/combined')).toBeGreaterThanOrEqual(3);
    const firstDayOnly = await collectAll(connector.listSettlements({ from: day1, to: day1 + 7200_000 }));
    expect(firstDayOnly).toHaveLength(1005);
  });

  it('settles refunds as negative lines pointing at the order and the refund', async () => {
    const { connector, simulation, clock } = await fresh();
    const payment = await connector.createPayment({ amount: INR(10000), captureMethod: 'automatic', reference: 'settle-r' });
    simulation.customerCompletes(payment);
    const refund = await connector.refundPayment(payment.id, { amount: INR(4000) });
    simulation.settle(clock.now());
    const lines = await collectAll(connector.listSettlements({ from: clock.now() - 60_000, to: clock.now() + 1000 }));
    expect(lines.map((line) => [line.kind, line.paymentId, line.refundId, line.gross.amountMinor, line.net.amountMinor])).toEqual([
      ['charge', payment.id, undefined, 10000, 10000 - 200 - 36],
      ['refund', payment.id, refund.id, -4000, -4000],
    ]);
  });
});
