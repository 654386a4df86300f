import type { Payment } from '../src/index.js';

/** A valid succeeded payment as a connector would return it; tests override one field at a time. */
export function validPayment(): Payment {
  return {
    id: 'pi_3Nx',
    provider: 'stripe',
    reference: 'ord_42',
    amount: { amountMinor: 1050, currency: 'INR' },
    amountCaptured: { amountMinor: 1050, currency: 'INR' },
    amountRefunded: { amountMinor: 0, currency: 'INR' },
    status: 'succeeded',
    statusRaw: 'succeeded',
    createdAt: 1_767_225_600_000,
    updatedAt: 1_767_225_660_000,
    metadata: { orderId: 'ord_42' },
  };
}
