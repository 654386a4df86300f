import { createHash, timingSafeEqual } from 'node:crypto';

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * Compares two secrets in time that depends on neither's content nor length: both are hashed to
 * 32 bytes first, since `timingSafeEqual` needs equal lengths and an early length check would
 * tell an attacker how long the token is.
 */
export function constantTimeTextEqual(received: string, expected: string): boolean {
  return timingSafeEqual(digest(received), digest(expected));
}
