import { describe, expect, it } from 'vitest';
import type { Payment, PaymentEvent, PaymentsConnector, Refund, SettlementLine } from '../src/index.js';
import { validPayment } from './fixtures.js';

async function* none<T>(): AsyncIterable<T> {
  // An empty page sequence: these tests only check the interface's shape.
}

const refund: Refund = {
  id: 're_01',
  paymentId: 'pi_3Nx',
  amount: { amountMinor: 1050, currency: 'INR' },
  status: 'succeeded',
  statusRaw: 'succeeded',
  createdAt: 0,
};

// Everything but refundPayment; spread into the two objects below.
const withoutRefund = {
  provider: 'fake',
  createPayment: (): Promise<Payment> => Promise.resolve(validPayment()),
  capturePayment: (): Promise<Payment> => Promise.resolve(validPayment()),
  cancelPayment: (): Promise<Payment> => Promise.resolve(validPayment()),
  getPayment: (): Promise<Payment> => Promise.resolve(validPayment()),
  listPayments: (): AsyncIterable<Payment> => none<Payment>(),
  parseWebhook: (): PaymentEvent[] => [],
  eventsFromVerifiedBody: (): PaymentEvent[] => [],
  listSettlements: (): AsyncIterable<SettlementLine> => none<SettlementLine>(),
};

describe('PaymentsConnector', () => {
  it('is satisfied by an object with every capability', async () => {
    const complete: PaymentsConnector = { ...withoutRefund, refundPayment: () => Promise.resolve(refund) };
    await expect(complete.refundPayment('pay_01')).resolves.toEqual(refund);
  });

  it('is not satisfied by an object missing refundPayment', () => {
    // @ts-expect-error refundPayment is required: a missing capability is a compile error.
    const incomplete: PaymentsConnector = withoutRefund;
    expect(incomplete.provider).toBe('fake');
  });
});
