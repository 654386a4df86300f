import { IDEMPOTENCY_NOTE } from '../fields.js';

/** Razorpay notes as canonical metadata: strings only, `[]` (empty) as `{}`, the connector's own note left out. */
export function metadataFromNotes(notes: unknown): Record<string, string> {
  const metadata: Record<string, string> = {};
  if (typeof notes !== 'object' || notes === null || Array.isArray(notes)) return metadata;
  for (const [key, value] of Object.entries(notes)) {
    if (key === IDEMPOTENCY_NOTE) continue;
    if (typeof value === 'string') metadata[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') metadata[key] = String(value);
  }
  return metadata;
}

/** The idempotency key the connector stored on an order it created, if any. */
export function idempotencyKeyFromNotes(notes: unknown): string | undefined {
  if (typeof notes !== 'object' || notes === null || Array.isArray(notes)) return undefined;
  const value: unknown = Object.entries(notes).find(([key]) => key === IDEMPOTENCY_NOTE)?.[1];
  return typeof value === 'string' ? value : undefined;
}
