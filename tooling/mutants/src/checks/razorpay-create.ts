import assert from 'node:assert/strict';
import { money } from '@interlock/core';
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

