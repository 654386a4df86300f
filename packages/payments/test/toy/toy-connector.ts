import {
  createProviderClient,
  IntegrationError,
  money,
  timestampedHmacScheme,
  verifyWebhook,
  type Clock,
} from '@interlock/core';
import { paymentSchema, settlementLineSchema, type Payment, type PaymentsConnector } from '../../src/index.js';
import { TOY_WEBHOOK_SECRET } from './toy-simulation.js';

/** The toy provider signs like many do: `t=<seconds>,v1=<hex>` over `${t}.${body}`. */
export const TOY_WEBHOOK_SCHEME = timestampedHmacScheme({ name: 'toy', header: 'toy-signature', timestampKey: 't', signatureKey: 'v1' });

interface ToyPayment {
  id: string;
  amount: number;
  currency: string;
  reference: string;
  status: Payment['status'];
  updated: number;
}

function toPayment(wire: ToyPayment): Payment {
  const amount = money(wire.amount, wire.currency);
  return paymentSchema.parse({
    id: wire.id,
    provider: 'toy',
    reference: wire.reference,
    amount,
    amountCaptured: wire.status === 'succeeded' ? amount : money(0, wire.currency),
    amountRefunded: money(0, wire.currency),
    status: wire.status,
    statusRaw: wire.status,
    createdAt: wire.updated,
    updatedAt: wire.updated,
    metadata: {},
  });
}

const unsupported = (): never => {
  throw new TypeError('The toy provider only creates, reads and settles payments');
};

/** Just enough of a payments connector to drive the end-to-end run; real ones live in connectors/. */
export function createToyConnector(baseUrl: string, clock: Clock, fetch: typeof globalThis.fetch): PaymentsConnector {
  const client = createProviderClient({
    provider: 'toy',
    baseUrl,
    clock,
    fetch,
    endpoints: {
      create: { method: 'POST', path: '/v1/payments' },
      get: { method: 'GET', path: '/v1/payments/{id}' },
      settlements: { method: 'GET', path: '/v1/settlements' },
    },
  });
  return {
    provider: 'toy',
    async createPayment(input) {
      const body = { amount: input.amount.amountMinor, currency: input.amount.currency, reference: input.reference };
      const response = await client.request<ToyPayment>('create', { body, ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}) });
      return toPayment(response.body);
    },
    async getPayment(id) {
      return toPayment((await client.request<ToyPayment>('get', { pathParams: { id } })).body);
    },
    parseWebhook(delivery) {
      const verified = verifyWebhook(TOY_WEBHOOK_SCHEME, { ...delivery, secrets: [TOY_WEBHOOK_SECRET] });
      if (!verified.ok) throw new IntegrationError('auth', 'Webhook signature refused', { provider: 'toy', endpoint: 'webhook', reason: 'webhook_signature_invalid' });
      return this.eventsFromVerifiedBody(String(delivery.rawBody), '');
    },
    eventsFromVerifiedBody(rawBody) {
      const event = JSON.parse(rawBody) as { id: string; created: number; data: ToyPayment };
      return [{ id: event.id, provider: 'toy', providerEventId: event.id, type: 'payment.updated', rawType: 'payment.updated', occurredAt: event.created * 1000, payment: toPayment(event.data) }];
    },
    async *listSettlements() {
      const response = await client.request<{ data: (ToyPayment & { settled: number })[] }>('settlements');
      for (const line of response.body.data) {
        const gross = money(line.amount, line.currency);
        yield settlementLineSchema.parse({ provider: 'toy', id: `line_${line.id}`, paymentId: line.id, kind: 'charge', gross, fee: money(0, line.currency), net: gross, settledAt: line.settled });
      }
    },
    capturePayment: unsupported,
    cancelPayment: unsupported,
    listPayments: unsupported,
    refundPayment: unsupported,
  };
}
