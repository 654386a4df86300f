import { createSecretKey, type KeyObject } from 'node:crypto';
import type { SignatureScheme } from './scheme.js';

// A handful of secrets per scheme is normal (one per endpoint, two during a rotation); the bound
// only stops a caller that passes a fresh secret per request from growing the cache forever.
const MAX_KEYS_PER_SCHEME = 64;

const caches = new WeakMap<SignatureScheme, Map<string, KeyObject>>();

/**
 * The HMAC key for `secret` under `scheme`, decoded once and kept as a KeyObject: decoding (base64
 * for Standard Webhooks) and importing raw key bytes on every delivery cost as much as the HMAC of
 * a small body. Keyed by scheme as well, since one secret string means different bytes under
 * different schemes.
 */
export function cachedKey(scheme: SignatureScheme, secret: string): KeyObject {
  let cache = caches.get(scheme);
  if (cache === undefined) {
    cache = new Map();
    caches.set(scheme, cache);
  }
  const hit = cache.get(secret);
  if (hit !== undefined) return hit;
  const key = createSecretKey(scheme.key(secret));
  if (cache.size >= MAX_KEYS_PER_SCHEME) {
    // Maps iterate in insertion order: dropping the first entry evicts the oldest.
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  cache.set(secret, key);
  return key;
}
