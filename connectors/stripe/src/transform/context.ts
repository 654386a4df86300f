import { parseInstant, type UnknownValueTracker } from '@interlock/core';
import { REFERENCE_METADATA_KEY } from '../fields.js';
import { STRIPE_PROVIDER } from '../provider.js';

/** What a transform may be told besides the wire object itself. */
export interface TransformContext {
  /** Where unknown provider codes (a new decline code) are reported; the client's tracker. */
  tracker?: UnknownValueTracker | undefined;
  /**
   * Epoch ms at which the object is known to be in this state: an event's `created`, since
   * `data.object` is the object as it was when the event happened.
   */
  observedAt?: number | undefined;
}

/** A Stripe timestamp (Unix seconds) as epoch milliseconds. */
export function instantFromStripe(value: unknown, field: string): number {
  return parseInstant(value, { kind: 'unix_seconds' }, { provider: STRIPE_PROVIDER, field });
}

/** Epoch milliseconds as the whole Unix seconds a range filter compares against, rounding up so `>=`/`<` keep their meaning. */
export function stripeSecondsAtOrAfter(epochMs: number): number {
  return Math.ceil(epochMs / 1000);
}

/** The caller's own metadata: Stripe's, less the key the connector writes the reference under. */
export function callerMetadata(metadata: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(metadata).filter(([key]) => key !== REFERENCE_METADATA_KEY));
}
