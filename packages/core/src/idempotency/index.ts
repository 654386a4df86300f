export { newIdempotencyKey } from './idempotency-key.js';
export { requestFingerprint, type FingerprintedRequest } from './fingerprint.js';
export type { BeginResult, IdempotencyStore, StoredOutcome } from './idempotency-store.js';
export { MemoryIdempotencyStore, type MemoryIdempotencyStoreOptions } from './memory-idempotency-store.js';
export { createOrFind, type CreateOrFindOptions, type CreateRecord } from './create-or-find.js';
export { isOutcomeUnknown, outcomeUnknown } from './outcome-unknown.js';
