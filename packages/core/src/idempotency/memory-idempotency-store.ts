import type { BeginResult, IdempotencyStore, StoredOutcome } from './idempotency-store.js';

/** Options for {@link MemoryIdempotencyStore}. */
export interface MemoryIdempotencyStoreOptions {
  /** How long a key is remembered after it is first claimed. Defaults to 24 hours, as Stripe does. */
  ttlMs?: number;
  /** How long a claim may stay in progress before it counts as abandoned (its run crashed) and may be re-claimed. Defaults to 60 s. */
  lockTimeoutMs?: number;
}

interface Entry {
  fingerprint: string;
  firstClaimedAt: number;
  claimedAt: number;
  outcome: StoredOutcome | undefined;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * An {@link IdempotencyStore} in process memory: right for a single process and for tests; a
 * fleet of workers needs a shared store with the same contract.
 */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly ttlMs: number;
  private readonly lockTimeoutMs: number;
  // Insertion order is first-claim order, so expired entries are always at the front.
  private readonly entries = new Map<string, Entry>();

  constructor(options: MemoryIdempotencyStoreOptions = {}) {
    this.ttlMs = options.ttlMs ?? DAY_MS;
    this.lockTimeoutMs = options.lockTimeoutMs ?? 60_000;
  }

  /** How many keys are remembered right now. */
  get size(): number {
    return this.entries.size;
  }

  begin(scope: string, key: string, fingerprint: string, now: number): Promise<BeginResult> {
    this.forgetExpired(now);
    const id = entryId(scope, key);
    const entry = this.live(id, now);
    if (!entry) {
      this.entries.set(id, { fingerprint, firstClaimedAt: now, claimedAt: now, outcome: undefined });
      return Promise.resolve({ state: 'new' });
    }
    if (entry.fingerprint !== fingerprint) {
      return Promise.resolve({ state: 'mismatch', storedFingerprint: entry.fingerprint });
    }
    if (entry.outcome) return Promise.resolve({ state: 'completed', outcome: entry.outcome });
    if (now - entry.claimedAt < this.lockTimeoutMs) return Promise.resolve({ state: 'in_progress' });
    entry.claimedAt = now;
    return Promise.resolve({ state: 'new' });
  }

  /**
   * Stores the outcome for replays. A key that is no longer remembered (its TTL ran out
   * during the run) is left alone: there is no claim, and so no fingerprint, to attach it to.
   */
  complete(scope: string, key: string, outcome: StoredOutcome, now: number): Promise<void> {
    this.forgetExpired(now);
    const entry = this.live(entryId(scope, key), now);
    if (entry) entry.outcome = outcome;
    return Promise.resolve();
  }

  /** Frees an in-progress claim; a completed outcome is kept, since replays depend on it. */
  release(scope: string, key: string): Promise<void> {
    const id = entryId(scope, key);
    if (this.entries.get(id)?.outcome === undefined) this.entries.delete(id);
    return Promise.resolve();
  }

  /** The entry unless its TTL has run out; covers a wall clock that stepped back and broke first-claim order. */
  private live(id: string, now: number): Entry | undefined {
    const entry = this.entries.get(id);
    if (entry && now - entry.firstClaimedAt >= this.ttlMs) {
      this.entries.delete(id);
      return undefined;
    }
    return entry;
  }

  private forgetExpired(now: number): void {
    for (const [id, entry] of this.entries) {
      if (now - entry.firstClaimedAt < this.ttlMs) break;
      this.entries.delete(id);
    }
  }
}

// JSON keeps scope and key apart whatever characters they contain.
function entryId(scope: string, key: string): string {
  return JSON.stringify([scope, key]);
}
