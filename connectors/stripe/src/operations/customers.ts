import { createHash } from 'node:crypto';
import type { Customer, IdempotentOptions } from '@interlock/payments';
import { toCreateCustomerBody, toCustomer, type StripeCustomerInput } from '../transform/customer.js';
import { checkIdempotencyKey } from '../transform/request-checks.js';
import { idempotencyOf, type StripeContext } from './context.js';

/**
 * The key for the customer made on the way to a payment: derived from the payment's key, so a
 * create retried with the same key reuses that customer, and hashed so it stays short.
 */
export function customerKeyFor(paymentKey: string): string {
  return `customer-${createHash('sha256').update(paymentKey).digest('hex').slice(0, 40)}`;
}

export async function createCustomer(ctx: StripeContext, input: StripeCustomerInput, options: IdempotentOptions = {}): Promise<Customer> {
  const endpoint = 'createCustomer';
  checkIdempotencyKey(options.idempotencyKey, endpoint);
  return toCustomer(await ctx.api.call(endpoint, { body: toCreateCustomerBody(input, endpoint), ...idempotencyOf(options) }));
}

export async function getCustomer(ctx: StripeContext, id: string): Promise<Customer> {
  return toCustomer(await ctx.api.call('retrieveCustomer', { pathParams: { id } }));
}
