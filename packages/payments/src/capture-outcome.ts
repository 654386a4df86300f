import { IntegrationError } from '@interlock/core';
import type { OutcomeResolution } from './connector.js';
import type { Payment } from './models/payment.js';
import type { PaymentStatus } from './payment-status.js';

// The payment's state after a capture that may have happened tells whether it did: captured
// money shows as succeeded (or refunded since); a hold still open, released or failed was not.
const CAPTURED: readonly PaymentStatus[] = ['succeeded', 'partially_refunded', 'refunded'];
const NOT_CAPTURED: readonly PaymentStatus[] = ['authorized', 'canceled', 'failed'];

/**
 * Settles an uncertain capture from the payment as the provider reports it now. While its state
 * cannot tell (still pending, or a status no connector maps) the outcome stays `outcome_unknown`.
 */
export function captureOutcome(provider: string, payment: Payment): OutcomeResolution {
  if (CAPTURED.includes(payment.status)) return { happened: true, payment };
  if (NOT_CAPTURED.includes(payment.status)) return { happened: false };
  throw new IntegrationError('outcome_unknown', `${provider} capturePayment: ${payment.id} is ${payment.status}; whether it was captured cannot be told yet`, {
    provider,
    endpoint: 'capturePayment',
    reason: 'capture_not_settled',
  });
}
