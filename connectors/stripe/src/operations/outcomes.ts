import { IntegrationError } from '@interlock/core';
import type { OutcomeResolution, UncertainOperation } from '@interlock/payments';
import { STRIPE_PROVIDER } from '../provider.js';
import type { StripeContext } from './context.js';
import { resolveCapture } from './payments.js';
import { resolveRefund } from './refunds.js';

/**
 * Settles a write that ended as `outcome_unknown` by looking at what Stripe holds, each in its
 * capability's file. A PaymentIntent create never ends so: it keeps the transient failure it
 * always had, since an intent nobody confirms charges nothing.
 */
export function resolveOutcome(ctx: StripeContext, uncertain: UncertainOperation): Promise<OutcomeResolution> {
  switch (uncertain.operation) {
    case 'capturePayment':
      return resolveCapture(ctx, uncertain.paymentId);
    case 'refundPayment':
      return resolveRefund(ctx, uncertain.paymentId, uncertain.idempotencyKey);
    case 'createPayment':
      return Promise.reject(
        new IntegrationError('invalid_request', `${STRIPE_PROVIDER} createPayment: a create is never left as outcome_unknown, so there is nothing to settle`, {
          provider: STRIPE_PROVIDER,
          endpoint: 'createPaymentIntent',
          reason: 'nothing_to_resolve',
          requestMayHaveReachedProvider: false,
        }),
      );
  }
}
