import type { OutcomeResolution, UncertainOperation } from '@interlock/payments';
import type { RazorpayContext } from './context.js';
import { resolveCapture, resolveCreate } from './payments.js';
import { resolveRefund } from './refunds.js';

/** Settles a write that ended as `outcome_unknown` by looking at what Razorpay holds, each in its capability's file. */
export function resolveOutcome(ctx: RazorpayContext, uncertain: UncertainOperation): Promise<OutcomeResolution> {
  switch (uncertain.operation) {
    case 'createPayment':
      return resolveCreate(ctx, uncertain.input, uncertain.idempotencyKey);
    case 'capturePayment':
      return resolveCapture(ctx, uncertain.paymentId);
    case 'refundPayment':
      return resolveRefund(ctx, uncertain.paymentId, uncertain.idempotencyKey);
  }
}
