import { defineContract, type Contract } from '@interlock/core';
import { z } from 'zod';
import { RAZORPAY_API_VERSION, RAZORPAY_PROVIDER } from '../provider.js';

/**
 * `notes` is an object of strings when set and `[]` when empty (a PHP serialisation quirk seen in
 * every SDK mock), so both shapes are accepted; values are strings in practice, numbers are kept.
 */
export const notesSchema = z.union([
  z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  z.array(z.unknown()).max(0),
]);

/**
 * Fields Razorpay sends today that the v2-stage spec and the SDK mocks lack, per entity: additive,
 * carried as `unknown`, never read, so not drift (core's `acknowledgedFields`). `upi` is in the
 * payments entity docs (api/payments/entity.md), `base_amount` and `amount_transferred` in the
 * payment entities of Razorpay's webhook docs. Any other new field is still drift, once per path.
 */
export const ACKNOWLEDGED_FIELDS = {
  payment: ['amount_transferred', 'base_amount', 'upi'],
} as const;

/** Text Razorpay may send as `null`, or `""` in webhook samples; readers treat both as absent. */
export const optionalText = z.string().nullable().optional();

/** An integer amount or count that may be absent or `null` (fees before capture). */
export const optionalInt = z.number().int().nullable().optional();

/** Razorpay's list shape: `{ entity: "collection", count, items }`; `count` is this page's size, not a total. */
export function collectionSchema<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    entity: z.literal('collection'),
    count: z.number().int(),
    items: z.array(item),
  });
}

/** A wire contract of Razorpay's one REST version. */
export function razorpayContract<S extends z.ZodTypeAny>(name: string, schema: S): Contract<S> {
  return defineContract({ provider: RAZORPAY_PROVIDER, name, version: RAZORPAY_API_VERSION, schema });
}
