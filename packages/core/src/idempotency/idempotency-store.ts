/** What a replay returns: the response of a success, or the serialized permanent failure. */
export type StoredOutcome =
  | { ok: true; status: number; headers: Record<string, string>; body: unknown }
  | { ok: false; error: Record<string, unknown> };

/** How a claim on an idempotency key went. */
export type BeginResult =
  | { state: 'new' }
  | { state: 'in_progress' }
  | { state: 'completed'; outcome: StoredOutcome }
  | { state: 'mismatch'; storedFingerprint: string };

/**
 * Remembers which operations ran, so that a repeated call with the same key replays the first
 * outcome instead of acting again. `scope` is the provider and endpoint the key belongs to.
 */
export interface IdempotencyStore {
  /**
   * Claims key for this fingerprint. 'new' = caller must run the operation; 'completed' =
   * replay the stored outcome; 'in_progress' = another run holds it; 'mismatch' = the key was
   * used with a different payload.
   */
  begin(scope: string, key: string, fingerprint: string, now: number): Promise<BeginResult>;
  /**
   * The final outcome (success or a permanent failure) — replays return it. Completing a key
   * again replaces what it holds (createOrFind keeps a mark per key this way).
   */
  complete(scope: string, key: string, outcome: StoredOutcome, now: number): Promise<void>;
  /** The run ended with a transient failure: free the key so the operation can be tried again with the same key. */
  release(scope: string, key: string): Promise<void>;
}
