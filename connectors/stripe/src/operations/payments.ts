import { newIdempotencyKey, readCall, type ReadOptions } from '@interlock/core';
import { captureOutcome, type CaptureOptions, type CreatePaymentInput, type IdempotentOptions, type OutcomeResolution, type Payment, type PaymentListFilter } from '@interlock/payments';
import { STRIPE_PROVIDER } from '../provider.js';
import { LIST_PARAMS } from '../fields.js';
import type { StripeCustomerInput } from '../transform/customer.js';
import { checkCreatePayment, toCaptureBody, toCreatePaymentIntentBody, toPayment } from '../transform/payment.js';
import { checkIdempotencyKey, checkSameCurrency } from '../transform/request-checks.js';
import { idempotencyOf, type StripeContext } from './context.js';
import { createCustomer, customerKeyFor } from './customers.js';
import { createdRange, mapEach, readPages } from './pages.js';

/** The intent with its latest charge expanded: the charge is what tells a refunded payment from a succeeded one. */
export async function getPayment(ctx: StripeContext, id: string, options: ReadOptions = {}): Promise<Payment> {
  const intent = await ctx.api.call('retrievePaymentIntent', { pathParams: { id }, query: { [LIST_PARAMS.expand]: ['latest_charge'] }, ...readCall(options) });
  return toPayment(intent, ctx.transform);
}

/**
 * Creates the PaymentIntent, and first the customer when the input describes one without an id.
 * The payment's key is made here rather than by the client so the customer's can be derived from it.
 */
export async function createPayment(ctx: StripeContext, input: CreatePaymentInput & IdempotentOptions): Promise<Payment> {
  const endpoint = 'createPaymentIntent';
  checkIdempotencyKey(input.idempotencyKey, endpoint);
  checkCreatePayment(input, endpoint);
  const idempotencyKey = input.idempotencyKey ?? newIdempotencyKey(ctx.clock.now());
  const details = input.customer;
  let customerId = details?.id;
  if (customerId === undefined && details !== undefined && (details.name !== undefined || details.email !== undefined)) {
    const customerInput: StripeCustomerInput = {
      ...(details.name === undefined ? {} : { name: details.name }),
      ...(details.email === undefined ? {} : { email: details.email }),
    };
    customerId = (await createCustomer(ctx, customerInput, { idempotencyKey: customerKeyFor(idempotencyKey) })).id;
  }
  const intent = await ctx.api.call(endpoint, { body: toCreatePaymentIntentBody(input, customerId, endpoint), idempotencyKey });
  return toPayment(intent, ctx.transform);
}

export async function capturePayment(ctx: StripeContext, id: string, options: CaptureOptions = {}): Promise<Payment> {
  const endpoint = 'capturePaymentIntent';
  checkIdempotencyKey(options.idempotencyKey, endpoint);
  // amount_to_capture is read in the intent's currency, so a mismatched one must not be sent.
  if (options.amount) checkSameCurrency((await getPayment(ctx, id)).amount.currency, options.amount.currency, endpoint);
  const intent = await ctx.api.call(endpoint, { pathParams: { id }, body: toCaptureBody(options.amount, endpoint), ...idempotencyOf(options) });
  return toPayment(intent, ctx.transform);
}

/** What became of a capture that ended as `outcome_unknown`: the PaymentIntent's state now tells. */
export async function resolveCapture(ctx: StripeContext, id: string): Promise<OutcomeResolution> {
  return captureOutcome(STRIPE_PROVIDER, await getPayment(ctx, id));
}

export async function cancelPayment(ctx: StripeContext, id: string, options: IdempotentOptions = {}): Promise<Payment> {
  const endpoint = 'cancelPaymentIntent';
  checkIdempotencyKey(options.idempotencyKey, endpoint);
  const intent = await ctx.api.call(endpoint, { pathParams: { id }, body: {}, ...idempotencyOf(options) });
  return toPayment(intent, ctx.transform);
}

/** PaymentIntents created in the window, newest first, each with its latest charge expanded. */
export function listPayments(ctx: StripeContext, filter: PaymentListFilter = {}): AsyncIterable<Payment> {
  const query = { ...createdRange(filter.createdFrom, filter.createdTo), [LIST_PARAMS.expand]: ['data.latest_charge'] };
  return mapEach(readPages(ctx, 'listPaymentIntents', query), (intent) => [toPayment(intent, ctx.transform)]);
}
