import { defineContract, type Contract } from '@interlock/core';
import { z } from 'zod';
import { STRIPE_API_VERSION, STRIPE_PROVIDER } from '../provider.js';

/**
 * Fields of the 2023-08-16 spec that the connector carries but never reads. Declaring them keeps
 * the contract's field set equal to Stripe's, so only fields newer than the pinned version are
 * reported as drift; typing them `unknown` means a change inside them can never fail a call.
 */
export function opaqueFields<const N extends string>(names: readonly N[]): { [K in N]: z.ZodOptional<z.ZodUnknown> } {
  return Object.fromEntries(names.map((name) => [name, z.unknown().optional()])) as { [K in N]: z.ZodOptional<z.ZodUnknown> };
}

/**
 * Fields Stripe sends today that the pinned 2023-08-16 spec lacks, per object: additive, carried
 * as `unknown`, never read, so not drift (core's `acknowledgedFields`). Each is in
 * shared/providers/stripe/stripe-fixtures3.json (Stripe's current objects) or, for errors, in
 * Stripe's API reference (`advice_code`; the network codes since 2024-12-18). Any other field
 * newer than the pin is still reported as drift, once per path.
 */
export const ACKNOWLEDGED_FIELDS = {
  payment_intent: ['customer_account', 'excluded_payment_method_types', 'managed_payments', 'payment_method_configuration_details', 'source'],
  refund: ['customer', 'customer_account', 'destination_details', 'payment_method'],
  charge: ['source'],
  balance_transaction: ['balance_type'],
  api_errors: ['advice_code', 'network_advice_code', 'network_decline_code'],
} as const;

/** `metadata`: Stripe's string-to-string map. */
export const metadataSchema = z.record(z.string(), z.string());

/** A Unix timestamp in seconds. */
export const unixSeconds = z.number().int();

/** An amount in the currency's smallest unit as Stripe writes it (see transform/money.ts). */
export const stripeAmount = z.number().int();

/** Any Stripe object we only need the id of when it arrives expanded (a customer, a payout). */
export const anyStripeObject = z.object({ id: z.string(), object: z.string() }).passthrough();

/** A Stripe list page: `{ object: "list", data, has_more, url }`. */
export function stripeList<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    object: z.literal('list'),
    data: z.array(item),
    has_more: z.boolean(),
    url: z.string(),
  });
}

/**
 * The id of an expandable field, whether Stripe sent the id or the expanded object. It takes
 * `unknown` because an expanded object of a type the contract does not model reads as such.
 */
export function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return undefined;
  const id: unknown = (value as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

/** A wire contract of the pinned API version: every Stripe object is versioned by `Stripe-Version`. */
export function stripeContract<S extends z.ZodTypeAny>(name: string, schema: S): Contract<S> {
  return defineContract({ provider: STRIPE_PROVIDER, name, version: STRIPE_API_VERSION, schema });
}
