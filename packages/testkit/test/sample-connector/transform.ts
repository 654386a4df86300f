import { moneyFromProvider, parseInstant, statusMap, type Money, type OpenEnumValue } from '@interlock/core';
import type { z } from 'zod';
import { PAYMENT_FIELDS } from './fields.js';
import { ACME_PAYMENT_STATUS, type paymentContract } from './wire.js';

export type CanonicalStatus = 'pending' | 'succeeded' | 'failed' | 'refunded' | 'unknown';

export interface CanonicalPayment {
  id: string;
  amount: Money;
  status: CanonicalStatus;
  statusRaw: string;
  customerName: string | undefined;
  createdAt: number;
}

export interface PaymentInput {
  amount: Money;
  customerName: string;
  reference: string;
}

const STATUS = statusMap(ACME_PAYMENT_STATUS, {
  pending: ['pending'],
  succeeded: ['succeeded'],
  failed: ['failed'],
  refunded: ['refunded'],
});

type WirePayment = z.output<typeof paymentContract.schema>;

export function toCanonicalPayment(wire: WirePayment): CanonicalPayment {
  const read = (field: Parameters<typeof PAYMENT_FIELDS.read>[1]): unknown => PAYMENT_FIELDS.read(wire, field);
  const status = read('status') as OpenEnumValue<string>;
  const mapped = STATUS.map(status);
  return {
    id: read('id') as string,
    amount: moneyFromProvider(read('amountMinor'), read('currency') as string, 'minor', { provider: 'acme', field: 'amount' }),
    status: mapped.status,
    statusRaw: mapped.raw,
    customerName: read('customerName') as string | undefined,
    createdAt: parseInstant(read('createdAt'), { kind: 'unix_seconds' }, { provider: 'acme', field: 'created' }),
  };
}

export function toWirePayment(input: PaymentInput): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  PAYMENT_FIELDS.write(body, 'amountMinor', input.amount.amountMinor);
  PAYMENT_FIELDS.write(body, 'currency', input.amount.currency.toLowerCase());
  PAYMENT_FIELDS.write(body, 'customerName', input.customerName);
  PAYMENT_FIELDS.write(body, 'reference', input.reference);
  return body;
}
