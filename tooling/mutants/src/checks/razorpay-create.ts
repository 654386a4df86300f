import assert from 'node:assert/strict';
import { isIntegrationError, MemoryIdempotencyStore, money } from '@interlock/core';
// Razorpay's own test stage: its simulation (orders with no provider-side dedupe, as at Razorpay) and the connector pointed at it.
import { stage } from '../../../../connectors/razorpay/test/support.js';

/**
 * Razorpay's order-create guarantee: a create whose answer was lost is found by its receipt
 * before it is sent again, so Razorpay holds one order for the reference, not two.
 */
export async function razorpayOneOrderPerCreate(): Promise<void> {
  const razorpay = await stage();
  const { connector, simulation } = razorpay;
  try {
    simulation.simulator.setScenario({ rules: [{ match: { method: 'POST', path: '/v1/orders' }, times: 1, fault: { type: 'lost_response' } }] });
    const payment = await connector.createPayment({ amount: money(50000, 'INR'), captureMethod: 'automatic', reference: 'order-lost' });
    const orders = simulation.chargesByKey().get('order-lost') ?? 0;
    assert.equal(orders, 1, `Razorpay holds ${orders} orders for one create whose answer was lost`);
    assert.equal(payment.id, simulation.state.allOrders()[0]?.id, 'the create returned another order than the one Razorpay holds');
  } finally {
    await razorpay.close();
  }
}

/**
 * The same guarantee across calls: a create under the caller's key whose answer was lost and whose
 * lookup failed leaves the call failed; the caller's repeat with the key must look the receipt up
 * first (the key was begun) and return that order, so Razorpay holds one order, not two.
 */
export async function razorpayOneOrderPerCallerKey(): Promise<void> {
  const razorpay = await stage({ idempotencyStore: new MemoryIdempotencyStore() });
  const { connector, simulation } = razorpay;
  const input = { amount: money(50000, 'INR'), captureMethod: 'automatic' as const, reference: 'order-begun', idempotencyKey: 'begun-key-1' };
  try {
    simulation.simulator.setScenario({
      rules: [
        { match: { method: 'POST', path: '/v1/orders' }, times: 1, fault: { type: 'lost_response' } },
        { match: { method: 'GET', path: '/v1/orders' }, fault: { type: 'status', status: 503 } },
      ],
    });
    await connector.createPayment(input).then(
      () => assert.fail('the first call succeeded although its answer and its lookup both failed'),
      () => undefined,
    );
    simulation.simulator.setScenario({ rules: [] });
    const payment = await connector.createPayment(input);
    const orders = simulation.chargesByKey().get('order-begun') ?? 0;
    assert.equal(orders, 1, `Razorpay holds ${orders} orders for one caller key repeated after a lost answer`);
    assert.equal(payment.id, simulation.state.allOrders()[0]?.id, 'the repeat returned another order than the one Razorpay holds');
  } finally {
    await razorpay.close();
  }
}

/**
 * The uncertain-outcome guarantee: a write with no caller key whose every answer was lost may have
 * happened, so it ends as `outcome_unknown` with the key its lookup finds it by, never as a
 * failure its caller would retry under a new key. A refund of 30 INR whose answers are all lost.
 */
export async function razorpayLostRefundIsOutcomeUnknown(): Promise<void> {
  const razorpay = await stage();
  const { connector, simulation } = razorpay;
  try {
    const payment = await connector.createPayment({ amount: money(80000, 'INR'), captureMethod: 'automatic', reference: 'order-lost-refund' });
    simulation.customerCompletes(payment);
    simulation.simulator.setScenario({ rules: [{ match: { method: 'POST', path: /\/refund$/ }, fault: { type: 'lost_response' } }] });
    const error: unknown = await connector.refundPayment(payment.id, { amount: money(3000, 'INR') }).then(() => undefined, (thrown: unknown) => thrown);
    assert.ok(isIntegrationError(error), `a refund whose every answer was lost ended as ${String(error)}`);
    assert.equal(error.kind, 'outcome_unknown', `a refund whose every answer was lost ended as ${error.kind} (${error.reason})`);
    simulation.simulator.setScenario({ rules: [] });
    const resolution = await connector.resolveOutcome?.({ operation: 'refundPayment', paymentId: payment.id, idempotencyKey: error.idempotencyKey ?? '' });
    assert.ok(resolution?.happened === true && simulation.state.allRefunds().length === 1, 'the lookup by the outcome’s key did not find the one refund made');
  } finally {
    await razorpay.close();
  }
}
