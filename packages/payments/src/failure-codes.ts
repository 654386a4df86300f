import { z } from 'zod';

/**
 * The canonical reasons a payment fails, a closed list on purpose: connectors map every
 * provider's decline codes onto it (keeping the provider's own code beside it), so callers can
 * branch on failures without knowing which provider answered. Anything unmapped is `unknown`.
 */
export const FAILURE_CODES = [
  'card_declined',
  'insufficient_funds',
  'expired_card',
  'incorrect_details',
  'authentication_required',
  'fraud_suspected',
  'processing_error',
  'limit_exceeded',
  'canceled_by_customer',
  'unknown',
] as const;

/** One of the canonical failure codes. */
export type CanonicalFailureCode = (typeof FAILURE_CODES)[number];

/** Zod schema for a canonical failure code. */
export const failureCodeSchema = z.enum(FAILURE_CODES);
