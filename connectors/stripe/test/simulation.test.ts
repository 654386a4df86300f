import { money } from '@interlock/core';
import { afterEach, describe, expect, it } from 'vitest';
import { simulatedStripe, type SimulatedStripe } from './support/stage.js';
import { TEST_API_KEY } from './support/secrets.js';

let stage: SimulatedStripe | undefined;
const start = async () => (stage = await simulatedStripe());
afterEach(async () => stage?.close());

async function call(method: string, path: string, body?: string, key?: string): Promise<{ status: number; body: { error?: Record<string, unknown> } & Record<string, unknown> }> {
  const response = await fetch(`${stage?.simulation.simulator.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${TEST_API_KEY}`,
      ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
      ...(key === undefined ? {} : { 'idempotency-key': key }),
    },
    ...(body === undefined ? {} : { body }),
  });
  return { status: response.status, body: (await response.json()) as { error?: Record<string, unknown> } };
}

describe('the Stripe simulation', () => {
  it('reads a payment no more once its caller stops waiting: an aborted read rejects with its reason and asks Stripe nothing', async () => {
    const { connector, simulation } = await start();
    const payment = await connector.createPayment({ amount: money(1_200, 'JPY'), captureMethod: 'automatic', reference: 'sim-abort' });
    const before = simulation.simulator.requests.length;
    await expect(connector.getPayment(payment.id, { signal: AbortSignal.abort(new Error('closing')) })).rejects.toThrow('closing');
    expect(simulation.simulator.requests.length).toBe(before);
  });

  it('emits Stripe event envelopes in order, signed so the connector accepts them', async () => {
    const { connector, simulation, clock } = await start();
    const payment = await connector.createPayment({ amount: money(1_200, 'JPY'), captureMethod: 'automatic', reference: 'sim-1', idempotencyKey: 'sim-1' });
    simulation.customerCompletes(payment);
    const events = simulation.takeWebhookEvents();
    expect(events.map((event) => event.type)).toEqual(['payment_intent.created', 'charge.succeeded', 'payment_intent.succeeded']);
    expect(simulation.takeWebhookEvents()).toEqual([]);
    expect(events[0]?.payload).toMatchObject({ object: 'event', api_version: '2023-08-16', request: { idempotency_key: 'sim-1' }, data: { object: { id: payment.id } } });
    const parsed = events.flatMap((event) => {
      const rawBody = JSON.stringify(event.payload);
      return connector.parseWebhook({ rawBody, headers: simulation.signWebhook(rawBody, event, clock.now()), now: clock.now() });
    });
    expect(parsed.map((event) => [event.type, event.payment?.status])).toEqual([
      ['payment.updated', 'requires_action'],
      ['unknown', undefined],
      ['payment.updated', 'succeeded'],
    ]);
    // A refund is announced by the refund itself and by its charge; the connector reads the refund's payment from the first.
    const refund = await connector.refundPayment(payment.id, { amount: money(200, 'JPY') });
    const refundEvents = simulation.takeWebhookEvents();
    expect(refundEvents.map((event) => event.type)).toEqual(['refund.created', 'charge.refunded']);
    const announced = connector.parseWebhook({ rawBody: JSON.stringify(refundEvents[0]?.payload), headers: simulation.signWebhook(JSON.stringify(refundEvents[0]?.payload), refundEvents[0]!, clock.now()), now: clock.now() });
    expect(announced.map((event) => [event.type, event.refund?.id, event.refund?.paymentId])).toEqual([['refund.updated', refund.id, payment.id]]);
    expect(() => simulation.customerCompletes(payment)).toThrow(/cannot be confirmed in status succeeded/);
    expect(() => simulation.customerCompletes({ ...payment, id: 'pi_unknown' })).toThrow(/no PaymentIntent pi_unknown/);
  });

  it('settles each captured charge and refund once, with fees, and loses a line on request', async () => {
    const { connector, simulation, clock } = await start();
    const kept = await connector.createPayment({ amount: money(10_000, 'USD'), captureMethod: 'automatic', reference: 'sim-2' });
    const lost = await connector.createPayment({ amount: money(20_000, 'USD'), captureMethod: 'automatic', reference: 'sim-3' });
    const held = await connector.createPayment({ amount: money(30_000, 'USD'), captureMethod: 'manual', reference: 'sim-4' });
    for (const payment of [kept, lost, held]) simulation.customerCompletes(payment);
    await connector.cancelPayment(held.id);
    const refund = await connector.refundPayment(kept.id, { amount: money(2_500, 'USD') });
    const at = clock.now();
    simulation.settle(at);
    simulation.settle(at + 1_000);
    simulation.dropSettlementLineFor(lost.id);
    const lines = simulation.simulator.resource('balance_transactions').list();
    expect(lines.map((line) => [line['type'], line['amount'], line['fee'], line['net']])).toEqual([
      ['charge', 10_000, 320, 9_680],
      ['refund', -2_500, 0, -2_500],
    ]);
    expect(lines[1]).toMatchObject({ source: refund.id, reporting_category: 'refund', status: 'available', created: Math.floor(at / 1000) });
    simulation.settle(at + 2_000);
    expect(simulation.simulator.resource('balance_transactions').list()).toHaveLength(2);
    const settled = await call('GET', `/v1/balance_transactions?expand[]=data.source&type=charge`);
    expect((settled.body['data'] as Record<string, unknown>[])[0]?.['source']).toMatchObject({ object: 'charge', payment_intent: kept.id });
  });

  it('answers like Stripe when a request is wrong', async () => {
    const { connector, simulation } = await start();
    const payment = await connector.createPayment({ amount: money(5_000, 'INR'), captureMethod: 'automatic', reference: 'sim-5' });
    const cases: [string, string, string | undefined, number, Record<string, unknown>][] = [
      ['POST', '/v1/payment_intents', 'currency=inr', 400, { code: 'parameter_missing', param: 'amount' }],
      ['POST', '/v1/payment_intents', 'amount=12.5&currency=inr', 400, { code: 'parameter_invalid_integer', param: 'amount' }],
      ['POST', '/v1/payment_intents', 'amount=0&currency=inr', 400, { code: 'amount_too_small' }],
      ['POST', '/v1/payment_intents', 'amount=100', 400, { code: 'parameter_missing', param: 'currency' }],
      ['POST', '/v1/payment_intents', 'amount=100&currency=xyz', 400, { param: 'currency' }],
      ['POST', '/v1/payment_intents', 'amount=100&currency=inr&capture_method=later', 400, { param: 'capture_method' }],
      ['GET', '/v1/payment_intents/pi_missing', undefined, 404, { code: 'resource_missing', message: "No such payment_intent: 'pi_missing'" }],
      ['GET', '/v1/payment_intents?limit=101', undefined, 400, { code: 'parameter_invalid_integer', param: 'limit' }],
      ['GET', '/v1/payment_intents?starting_after=pi_missing', undefined, 404, { code: 'resource_missing', param: 'starting_after' }],
      ['POST', '/v1/events', 'type=x', 404, { type: 'invalid_request_error' }],
      ['POST', '/v1/refunds', 'amount=1', 400, { code: 'parameter_missing' }],
      ['POST', '/v1/refunds', 'payment_intent=pi_missing', 404, { code: 'resource_missing' }],
      ['POST', '/v1/refunds', 'charge=ch_missing', 404, { code: 'resource_missing' }],
      ['POST', '/v1/refunds', `payment_intent=${payment.id}`, 400, { message: 'This PaymentIntent does not have a successful charge to refund.' }],
      ['POST', `/v1/payment_intents/${payment.id}/capture`, '', 400, { code: 'payment_intent_unexpected_state' }],
    ];
    for (const [method, path, body, status, error] of cases) {
      const answer = await call(method, path, body);
      expect({ path, body, status: answer.status, error: answer.body.error }).toMatchObject({ status, error: { type: expect.any(String) as string, ...error } });
    }
    simulation.customerCompletes(payment);
    for (const [body, error] of [
      ['amount=6000', { code: 'amount_too_large', param: 'amount' }],
      ['amount=1.5', { code: 'parameter_invalid_integer' }],
      ['reason=bored', { param: 'reason' }],
    ] as const) {
      const answer = await call('POST', '/v1/refunds', `payment_intent=${payment.id}&${body}`);
      expect(answer).toMatchObject({ status: 400, body: { error } });
    }
    const byCharge = await call('POST', '/v1/refunds', `charge=${String((await call('GET', `/v1/payment_intents/${payment.id}`)).body['latest_charge'])}&amount=1000`);
    expect(byCharge).toMatchObject({ status: 200, body: { object: 'refund', amount: 1_000, payment_intent: payment.id } });
  });

  it('answers a key reused with other parameters with Stripe’s idempotency_error, and counts real executions per key', async () => {
    const { simulation } = await start();
    const first = await call('POST', '/v1/payment_intents', 'amount=100&currency=usd', 'k-1');
    const replay = await call('POST', '/v1/payment_intents', 'amount=100&currency=usd', 'k-1');
    const conflict = await call('POST', '/v1/payment_intents', 'amount=200&currency=usd', 'k-1');
    await call('POST', '/v1/payment_intents', 'amount=100&currency=usd');
    expect(replay.body['id']).toBe(first.body['id']);
    expect(conflict).toMatchObject({ status: 400, body: { error: { type: 'idempotency_error' } } });
    expect([...simulation.chargesByKey().values()]).toEqual([1, 1]);
    expect(simulation.chargesByKey().get('k-1')).toBe(1);
  });

  it('captures in part, releasing the rest as a refund, and validates the amount', async () => {
    const { connector, simulation } = await start();
    const held = await connector.createPayment({ amount: money(9_000, 'EUR'), captureMethod: 'manual', reference: 'sim-6' });
    simulation.customerCompletes(held);
    for (const [body, code] of [['amount_to_capture=9001', 'amount_too_large'], ['amount_to_capture=x', 'parameter_invalid_integer']] as const) {
      expect(await call('POST', `/v1/payment_intents/${held.id}/capture`, body)).toMatchObject({ status: 400, body: { error: { code } } });
    }
    await connector.capturePayment(held.id, { amount: money(6_000, 'EUR') });
    const released = simulation.simulator.resource('refunds').list();
    expect(released).toEqual([expect.objectContaining({ amount: 3_000, payment_intent: held.id, reason: null })]);
    simulation.settle(Date.UTC(2026, 0, 2));
    expect(simulation.simulator.resource('balance_transactions').list().map((line) => line['amount'])).toEqual([9_000, -3_000]);
    const events = await call('GET', '/v1/events?type=charge.captured');
    expect(events.body['data']).toHaveLength(1);
    expect((await call('GET', `/v1/refunds?payment_intent=${held.id}`)).body['data']).toHaveLength(1);
    expect((await call('GET', `/v1/charges?payment_intent=${held.id}`)).body['data']).toHaveLength(1);
    expect((await call('GET', '/v1/customers')).body['data']).toEqual([]);
  });
});
