import { AuthObservers, type AuthObserverContext } from './auth-observers.js';
import type { Clock } from '../clock/clock.js';
import type { SecretSink } from '../redaction/redactor.js';
import type { Emit } from '../telemetry/telemetry.js';

/** One API key. `id` is a non-secret label (e.g. `key_2026_11`) that is safe to log. */
export interface ApiKey {
  id: string;
  secret: string;
}

/** Options for {@link ApiKeyRing}. */
export interface ApiKeyRingOptions {
  provider: string;
  /** One key, or two during a rotation; the first is current. */
  keys: readonly ApiKey[];
  clock: Clock;
  emit?: Emit;
  /** Receives every secret the ring holds, and is where auth strategies register the header values they derive from them. */
  secrets?: SecretSink;
}

/** A key in {@link ApiKeyRing.list}: its label and whether new requests use it. */
export interface ApiKeyListing {
  id: string;
  current: boolean;
}

const MAX_KEYS = 2;

/**
 * The valid API keys for one provider, so that a rotation never costs a failed request: while
 * both keys are held, a 401 on one moves traffic to the other instead of surfacing.
 */
export class ApiKeyRing {
  readonly provider: string;
  /** Strategies add derived credentials (e.g. Basic tokens) here; it forwards to every attached redactor. */
  readonly secrets: AuthObservers;
  private readonly clock: Clock;
  /** Index 0 is current. */
  private keys: ApiKey[];

  constructor(options: ApiKeyRingOptions) {
    this.secrets = new AuthObservers(options.emit, options.secrets);
    for (const key of options.keys) this.secrets.addSecret(key.secret);
    if (options.keys.length === 0 || options.keys.length > MAX_KEYS) {
      throw new TypeError(`ApiKeyRing holds one or two keys, got ${options.keys.length}`);
    }
    const [first, second] = options.keys;
    if (first && second && first.id === second.id) throw new TypeError(`Duplicate API key id '${first.id}'`);
    this.provider = options.provider;
    this.clock = options.clock;
    this.keys = [...options.keys];
  }

  /** Reports to a client's telemetry and redactor too (the client calls this for the ring it is given). */
  attach(context: AuthObserverContext): void {
    this.secrets.attach(context);
  }

  /** The key new requests use. */
  current(): ApiKey {
    return this.keys[0] as ApiKey;
  }

  /**
   * Starts a rotation: `next` becomes current and the old key stays valid, so requests keep
   * working if the provider has not activated `next` yet. At most two keys are held; rotating
   * while holding two throws a TypeError: retire one first.
   */
  rotate(next: ApiKey): void {
    this.secrets.addSecret(next.secret);
    const previous = this.current();
    if (this.keys.length >= MAX_KEYS) {
      throw new TypeError(`ApiKeyRing for ${this.provider} already holds two keys; retire one before rotating`);
    }
    if (next.id === previous.id) throw new TypeError(`API key '${next.id}' is already held`);
    this.keys = [next, previous];
    this.switched(previous.id, next.id, 'rotated');
  }

  /** Ends a rotation by dropping a key. Retiring the only key (or one not held) throws a TypeError. */
  retire(id: string): void {
    if (!this.keys.some((key) => key.id === id)) throw new TypeError(`API key '${id}' is not held`);
    if (this.keys.length === 1) throw new TypeError(`Cannot retire '${id}': it is the only key for ${this.provider}`);
    const wasCurrent = this.current().id === id;
    this.keys = this.keys.filter((key) => key.id !== id);
    if (wasCurrent) this.switched(id, this.current().id, 'retired');
  }

  /**
   * The provider refused `id` (401). If another valid key exists it becomes current and is
   * returned so the request can be re-sent at once; otherwise undefined. `id` may already be
   * retired or replaced (requests in flight during a switch), in which case the current key
   * is the other one.
   */
  reportRejected(id: string): ApiKey | undefined {
    const current = this.current();
    if (current.id !== id) return current;
    const other = this.keys[1];
    if (!other) return undefined;
    this.keys = [other, current];
    this.switched(current.id, other.id, 'rejected');
    return other;
  }

  /** The held keys' labels, current first. */
  list(): readonly ApiKeyListing[] {
    return this.keys.map((key, index) => ({ id: key.id, current: index === 0 }));
  }

  private switched(fromKeyId: string, toKeyId: string, reason: string): void {
    this.secrets.emit({ type: 'auth.key_switched', at: this.clock.now(), provider: this.provider, fromKeyId, toKeyId, reason });
  }
}
