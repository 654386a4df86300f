import { isIntegrationError, money, type IntegrationError } from '@interlock/core';
import { afterEach, describe, expect, it } from 'vitest';
import { stage, type Stage } from './support.js';

let current: Stage | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

const INR = (minor: number) => money(minor, 'INR');
const REFUND = { method: 'POST', path: /\/refund$/ };

/** An order the customer has paid, on a fresh stage. */
async function paid(reference: string, amount = 80000): Promise<{ s: Stage; id: string }> {
  const s = await stage();
  current = s;
  const payment = await s.connector.createPayment({ amount: INR(amount), captureMethod: 'automatic', reference });
  s.simulation.customerCompletes(payment);
  return { s, id: payment.id };
}

async function failure(promise: Promise<unknown>): Promise<IntegrationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isIntegrationError(error)).toBe(true);
  return error as IntegrationError;
}

describe('a full refund repeated with the caller key after its answer was lost', () => {
  it('returns the refund the first call made, and Razorpay holds one refund', async () => {
    const { s, id } = await paid('order-full');
    s.simulation.simulator.setScenario({ rules: [{ match: REFUND, fault: { type: 'lost_response' } }] });
    const first = await failure(s.connector.refundPayment(id, { idempotencyKey: 'refund-order-full-1' }));
    expect(first).toMatchObject({ kind: 'network', retryable: true });
    s.simulation.simulator.setScenario({ rules: [] });
    const again = await s.connector.refundPayment(id, { idempotencyKey: 'refund-order-full-1' });
    const [made] = s.simulation.state.allRefunds();
    expect(s.simulation.state.allRefunds()).toHaveLength(1);
    expect(again).toMatchObject({ id: made?.id, paymentId: id, amount: INR(80000) });
    await expect(s.connector.refundPayment(id, { amount: INR(100), idempotencyKey: 'refund-order-full-1' })).rejects.toMatchObject({ kind: 'conflict' });
  });
});

describe('a write that may have happened, with no caller key', () => {
  it('a refund whose every answer was lost ends as outcome_unknown, and the lookup finds the refund it made', async () => {
    const { s, id } = await paid('order-lost');
    s.simulation.simulator.setScenario({ rules: [{ match: REFUND, fault: { type: 'lost_response' } }] });
    const error = await failure(s.connector.refundPayment(id, { amount: INR(3000) }));
    expect(error).toMatchObject({ kind: 'outcome_unknown', retryable: false });
    s.simulation.simulator.setScenario({ rules: [] });
    const resolution = await s.connector.resolveOutcome?.({ operation: 'refundPayment', paymentId: id, idempotencyKey: error.idempotencyKey ?? '' });
    const [made] = s.simulation.state.allRefunds();
    expect(resolution).toMatchObject({ happened: true, refund: { id: made?.id, paymentId: id, amount: INR(3000) } });
    expect(s.simulation.state.allRefunds()).toHaveLength(1);
  });

  it('a refund the provider never made (503 on every attempt) ends as outcome_unknown too, and the lookup says it did not happen', async () => {
    const { s, id } = await paid('order-503');
    s.simulation.simulator.setScenario({ rules: [{ match: REFUND, fault: { type: 'status', status: 503 } }] });
    const error = await failure(s.connector.refundPayment(id, { amount: INR(3000) }));
    expect(error).toMatchObject({ kind: 'outcome_unknown', reason: 'http_503' });
    s.simulation.simulator.setScenario({ rules: [] });
    expect(await s.connector.resolveOutcome?.({ operation: 'refundPayment', paymentId: id, idempotencyKey: error.idempotencyKey ?? '' })).toEqual({ happened: false });
    expect(s.simulation.state.allRefunds()).toHaveLength(0);
  });

  it.each([
    ['lost_response', true],
    ['503', false],
  ] as const)('an order create (%s) whose lookup then fails ends as outcome_unknown, settled by the receipt lookup', async (fault, happened) => {
    const s = await stage();
    current = s;
    s.simulation.simulator.setScenario({
      rules: [
        { match: { method: 'POST', path: '/v1/orders' }, times: 1, fault: fault === '503' ? { type: 'status', status: 503 } : { type: 'lost_response' } },
        { match: { method: 'GET', path: '/v1/orders' }, fault: { type: 'status', status: 503 } },
      ],
    });
    const input = { amount: INR(5000), captureMethod: 'automatic' as const, reference: `order-create-${fault}` };
    const error = await failure(s.connector.createPayment(input));
    expect(error).toMatchObject({ kind: 'outcome_unknown', endpoint: 'createOrder' });
    s.simulation.simulator.setScenario({ rules: [] });
    const resolution = await s.connector.resolveOutcome?.({ operation: 'createPayment', input, idempotencyKey: error.idempotencyKey ?? '' });
    const orders = s.simulation.simulator.requests.filter((request) => request.method === 'POST' && request.path === '/v1/orders');
    expect(orders).toHaveLength(1);
    expect(resolution?.happened).toBe(happened);
    if (resolution?.happened === true && 'payment' in resolution) expect(resolution.payment.reference).toBe(input.reference);
  });
});
