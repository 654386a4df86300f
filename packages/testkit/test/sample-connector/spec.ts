import { money, type ErrorKind } from '@interlock/core';
import type { ConnectorContractSpec } from '../../src/index.js';
import { createAcmeConnector, type AcmeConnector } from './index.js';
import { ACME_READ_LIMITS } from './limits.js';

export const ACME_API_KEY = 'sk_test_acme_4eC39HqLyjWDarjtT1zdp7dc';

export const PAYMENT = {
  id: 'pay_1',
  object: 'payment',
  amount: 125000,
  currency: 'inr',
  status: 'succeeded',
  customer: { name: 'Müller GmbH' },
  created: 1767225600,
};

const input = { amount: money(125000, 'INR'), customerName: 'Müller GmbH', reference: 'order-1' };

/** The contract-suite spec for the sample connector; `errorCodes` swaps in a (wrong) error table. */
export function acmeSpec(errorCodes?: Readonly<Record<string, ErrorKind>>): ConnectorContractSpec<AcmeConnector> {
  return {
    provider: 'acme',
    credentials: [ACME_API_KEY],
    create: ({ baseUrl, clock, fetch, telemetry }) =>
      createAcmeConnector({ baseUrl, apiKey: ACME_API_KEY, clock, fetch, telemetry, ...(errorCodes ? { errorCodes } : {}) }),
    read: { method: 'GET', path: '/v1/payments/:id', reply: { status: 200, body: PAYMENT }, call: (c) => c.getPayment('pay_1') },
    write: {
      method: 'POST',
      path: '/v1/payments',
      idempotencyHeader: 'Idempotency-Key',
      reply: { status: 200, body: PAYMENT },
      call: (c) => c.createPayment(input),
    },
    errors: [
      { name: 'card declined', kind: 'business_rejected', operation: 'write', reply: { status: 402, body: { error: { code: 'card_declined', message: 'declined' } } } },
      { name: 'invalid amount', kind: 'invalid_request', operation: 'write', reply: { status: 400, body: { error: { code: 'invalid_amount' } } } },
      { name: 'idempotency key reused', kind: 'conflict', operation: 'write', reply: { status: 400, body: { error: { code: 'idempotency_mismatch' } } } },
      { name: 'bad API key', kind: 'auth', reply: { status: 401, body: { error: { code: 'unauthorized' } } } },
      { name: 'payment not found', kind: 'not_found', reply: { status: 404, body: { error: { code: 'resource_missing' } } } },
      { name: 'rate limited', kind: 'rate_limited', reply: { status: 429, headers: { 'retry-after': '1' }, body: { error: { code: 'rate_limited' } } } },
      { name: 'provider down', kind: 'unavailable', reply: { status: 503, body: { error: { code: 'maintenance' } } } },
      { name: 'payment body broken', kind: 'contract_violation', reply: { status: 200, body: { id: 'pay_1', object: 'payment' } } },
    ],
    limits: { operation: 'read', windows: ACME_READ_LIMITS },
    drift: { reply: { status: 200, body: { ...PAYMENT, risk_score: 12, customer: undefined, customer_details: { name: 'x' } } } },
    unknownEnum: { reply: { status: 200, body: { ...PAYMENT, status: 'on_hold' } }, raw: 'on_hold' },
  };
}
