import { sortableId } from '../ids/sortable-id.js';

/**
 * A key for one logical operation. Make it once, when the operation is created, and send the
 * same key on every retry: a fresh key per attempt would let the provider perform it twice.
 */
export function newIdempotencyKey(now?: number): string {
  return sortableId(now);
}
