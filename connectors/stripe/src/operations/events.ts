import type { PaymentEvent } from '@interlock/payments';
import { LIST_PARAMS } from '../fields.js';
import { toPaymentEvents } from '../transform/event.js';
import { objectParser, type StripeContext } from './context.js';
import { createdRange, mapEach, readPages } from './pages.js';

/** Which events to read back from GET /v1/events (Stripe keeps 30 days of them). */
export interface StripeEventFilter {
  /** Epoch ms, inclusive. */
  createdFrom?: number;
  /** Epoch ms, exclusive. */
  createdTo?: number;
  /** Stripe event types, e.g. `payment_intent.succeeded`; all types when omitted. */
  types?: readonly string[];
}

/**
 * Stripe's own record of events, newest first, mapped like webhooks. They come from the API over
 * TLS with the secret key, so they carry no signature to check.
 */
export function listEvents(ctx: StripeContext, filter: StripeEventFilter = {}): AsyncIterable<PaymentEvent> {
  const query = { ...createdRange(filter.createdFrom, filter.createdTo), [LIST_PARAMS.types]: filter.types };
  const parseObject = objectParser(ctx, 'listEvents');
  return mapEach(readPages(ctx, 'listEvents', query), (event) => toPaymentEvents(event, parseObject, ctx.transform));
}
