import { signWebhook, type Clock } from '@interlock/core';
import { ProviderSimulator, type SimObject, type WebhookEvent } from '@interlock/testkit';
import type { Payment } from '../../src/index.js';
import type { PaymentsSimulation } from '../../src/testing.js';
import { TOY_WEBHOOK_SCHEME } from './toy-connector.js';

export const TOY_WEBHOOK_SECRET = 'whsec_fixture_toy';

/**
 * A provider small enough to read in one go, for testing the end-to-end run itself: payments are
 * created `requires_action`, the customer's step makes them `succeeded`, webhooks are signed
 * Stripe's way, settlement lines are served from one route.
 */
export async function createToySimulation(clock: Clock): Promise<PaymentsSimulation> {
  const simulator = await ProviderSimulator.start({
    clock,
    resources: [
      {
        name: 'payment',
        path: '/v1/payments',
        idPrefix: 'pay_',
        create: ({ id, body, now }) => ({ id, amount: Number(body['amount']), currency: body['currency'], reference: body['reference'], status: 'requires_action', updated: now }),
      },
    ],
  });
  const payments = simulator.resource('payment');
  const events: WebhookEvent[] = [];
  let taken = 0;
  const lines = new Map<string, SimObject>();
  const emit = (object: SimObject, at: number): void => {
    const id = `evt_${events.length + 1}`;
    events.push({ id, type: 'payment.updated', payload: { id, created: Math.floor(at / 1000), data: object }, occurredAt: at });
  };
  simulator.route('GET', '/v1/settlements', () => ({ status: 200, body: { data: [...lines.values()] } }));
  return {
    provider: 'toy',
    simulator,
    customerCompletes(payment: Payment) {
      const object = { ...(payments.read(payment.id) as SimObject), status: 'succeeded', updated: clock.now() };
      payments.put(object);
      emit(object, clock.now());
    },
    takeWebhookEvents() {
      const fresh = events.slice(taken);
      taken = events.length;
      return fresh;
    },
    signWebhook: (rawBody, _event, sentAt) => signWebhook(TOY_WEBHOOK_SCHEME, { rawBody, secret: TOY_WEBHOOK_SECRET, timestamp: sentAt }),
    chargesByKey() {
      const counts = new Map<string, number>();
      for (const object of payments.list()) counts.set(String(object['reference']), (counts.get(String(object['reference'])) ?? 0) + 1);
      return counts;
    },
    settle(at) {
      for (const object of payments.list()) {
        if (object['status'] === 'succeeded' && !lines.has(String(object['id']))) lines.set(String(object['id']), { ...object, settled: at });
      }
    },
    dropSettlementLineFor(paymentId) {
      lines.delete(paymentId);
    },
  };
}
