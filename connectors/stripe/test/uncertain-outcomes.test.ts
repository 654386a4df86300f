import { isIntegrationError, money, type IntegrationError } from '@interlock/core';
import type { FaultRule } from '@interlock/testkit/simulator';
import { afterEach, describe, expect, it } from 'vitest';
import { simulatedStripe, type SimulatedStripe } from './support/stage.js';

let stage: SimulatedStripe | undefined;
afterEach(async () => stage?.close());

const KWD = (minor: number) => money(minor, 'KWD');

async function failure(promise: Promise<unknown>): Promise<IntegrationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isIntegrationError(error)).toBe(true);
  return error as IntegrationError;
}

/** A manual-capture payment the customer authorised. */
async function authorised(reference: string) {
  stage = await simulatedStripe();
  const { connector, simulation } = stage;
  const payment = await connector.createPayment({ amount: KWD(15_000), captureMethod: 'manual', reference });
  simulation.customerCompletes(payment);
  return { connector, simulation, id: payment.id };
}

const lost = (path: RegExp): FaultRule => ({ match: { method: 'POST', path }, fault: { type: 'lost_response' } });
const down = (path: RegExp): FaultRule => ({ match: { method: 'POST', path }, fault: { type: 'status', status: 503 } });

describe('Stripe writes that may have happened, with no caller key', () => {
  it.each([
    ['every answer lost', lost, true],
    ['503 on every attempt', down, false],
  ] as const)('a partial capture (%s) ends as outcome_unknown, and the PaymentIntent tells whether it happened', async (_name, fault, happened) => {
    const { connector, simulation, id } = await authorised(`order-capture-${String(happened)}`);
    simulation.simulator.setScenario({ rules: [fault(/\/capture$/)] });
    const error = await failure(connector.capturePayment(id, { amount: KWD(12_000) }));
    expect(error).toMatchObject({ kind: 'outcome_unknown', retryable: false });
    simulation.simulator.setScenario({ rules: [] });
    const resolution = await connector.resolveOutcome?.({ operation: 'capturePayment', paymentId: id, idempotencyKey: error.idempotencyKey ?? '' });
    if (happened) expect(resolution).toMatchObject({ happened: true, payment: { id, status: 'succeeded', amountCaptured: KWD(12_000) } });
    else expect(resolution).toEqual({ happened: false });
  });

  it.each([
    ['every answer lost', lost, 1],
    ['503 on every attempt', down, 0],
  ] as const)('a refund (%s) ends as outcome_unknown, and the refunds of the PaymentIntent tell whether it happened', async (_name, fault, made) => {
    const { connector, simulation, id } = await authorised(`order-refund-${made}`);
    await connector.capturePayment(id);
    simulation.simulator.setScenario({ rules: [fault(/^\/v1\/refunds$/)] });
    const error = await failure(connector.refundPayment(id, { amount: KWD(2_000) }));
    expect(error).toMatchObject({ kind: 'outcome_unknown', endpoint: 'createRefund' });
    simulation.simulator.setScenario({ rules: [] });
    const resolution = await connector.resolveOutcome?.({ operation: 'refundPayment', paymentId: id, idempotencyKey: error.idempotencyKey ?? '' });
    const refunds = simulation.simulator.resource('refunds').list();
    expect(refunds).toHaveLength(made);
    if (made === 1) expect(resolution).toMatchObject({ happened: true, refund: { id: refunds[0]?.['id'], amount: KWD(2_000), paymentId: id } });
    else expect(resolution).toEqual({ happened: false });
  });

  it('a refund under the caller key stays a transient failure: calling again with the key gets the same refund', async () => {
    const { connector, simulation, id } = await authorised('order-refund-keyed');
    await connector.capturePayment(id);
    simulation.simulator.setScenario({ rules: [lost(/^\/v1\/refunds$/)] });
    expect(await failure(connector.refundPayment(id, { idempotencyKey: 'refund-keyed-1' }))).toMatchObject({ kind: 'network', retryable: true });
    simulation.simulator.setScenario({ rules: [] });
    const again = await connector.refundPayment(id, { idempotencyKey: 'refund-keyed-1' });
    expect(simulation.simulator.resource('refunds').list().map((refund) => refund['id'])).toEqual([again.id]);
  });
});
