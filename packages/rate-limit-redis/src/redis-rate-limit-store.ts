import { SHARED_MARGIN_MEMORY_MS, windowSpacingMs, type RateLimitRule, type RateLimitStore, type Reservation, type RoundTripRange } from '@interlock/core';
import { Redis, type RedisOptions } from 'ioredis';
import { OBSERVE_SCRIPT, PAUSE_SCRIPT, RESERVE_SCRIPT } from './scripts.js';

export interface RedisRateLimitStoreOptions {
  /**
   * The Redis to keep the limits in: an ioredis client (yours: `close()` leaves it open), or
   * connection options for one the store opens and `close()` closes.
   */
  redis: Redis | RedisOptions;
  /**
   * Put before every key this store writes. The default is a Redis Cluster hash tag, so that all
   * the keys one reservation touches (an endpoint's and its account's) live in one slot.
   */
  prefix?: string;
  /**
   * Added to every window's spacing: the most the clocks of the processes sharing this store may
   * disagree by. Reservations are computed from each caller's clock, so a host running ahead can
   * send up to that much early relative to a grant recorded by another. 0 suits processes on one
   * host; on several, use what your time sync guarantees (NTP within a data centre: a few ms).
   */
  clockSkewMs?: number;
  /** How long a key outlives what it still constrains, so that unused keys disappear. Default one minute. */
  idleTtlMs?: number;
}

const DEFAULT_PREFIX = '{interlock:rate-limit}';
const DEFAULT_IDLE_TTL_MS = 60_000;

const RESERVE = 'interlockRateLimitReserve';
const PAUSE = 'interlockRateLimitPause';
const OBSERVE = 'interlockRateLimitObserve';

type Scripted = (...args: (string | number)[]) => Promise<unknown>;
type ScriptedRedis = Redis & Record<typeof RESERVE | typeof PAUSE | typeof OBSERVE, Scripted>;

/**
 * A rate-limit store on Redis, so that several processes (hub instances, workers) share one
 * provider allowance. Every call is one Lua script, atomic and one round trip (EVALSHA, which
 * ioredis falls back to EVAL for once when Redis has not cached the script), with the same
 * multi-window semantics as core's MemoryRateLimitStore: the parity suite in
 * `@interlock/testkit/vitest` runs on both.
 *
 * Time comes from the callers' clocks, not Redis `TIME`: the limiter sleeps on its own clock
 * until the slot, so a slot in another clock's time would have to be converted with an offset
 * that is itself uncertain; and tests drive the store with a fake clock. Each key's starts never
 * go backwards (a caller whose clock is behind waits for the last start granted), and
 * `clockSkewMs` covers a caller whose clock is ahead.
 */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly redis: ScriptedRedis;
  private readonly ownsConnection: boolean;
  private readonly prefix: string;
  private readonly clockSkewMs: number;
  private readonly idleTtlMs: number;

  constructor(options: RedisRateLimitStoreOptions) {
    this.ownsConnection = !(options.redis instanceof Redis);
    const redis = options.redis instanceof Redis ? options.redis : new Redis(options.redis);
    redis.defineCommand(RESERVE, { lua: RESERVE_SCRIPT });
    redis.defineCommand(PAUSE, { lua: PAUSE_SCRIPT, numberOfKeys: 1 });
    redis.defineCommand(OBSERVE, { lua: OBSERVE_SCRIPT, numberOfKeys: 1 });
    this.redis = redis as ScriptedRedis;
    this.prefix = options.prefix ?? DEFAULT_PREFIX;
    this.clockSkewMs = options.clockSkewMs ?? 0;
    this.idleTtlMs = options.idleTtlMs ?? DEFAULT_IDLE_TTL_MS;
    if (!(this.clockSkewMs >= 0)) throw new RangeError(`clockSkewMs must not be negative, got ${this.clockSkewMs}`);
    if (!(this.idleTtlMs > 0)) throw new RangeError(`idleTtlMs must be positive, got ${this.idleTtlMs}`);
  }

  async reserve(rules: readonly RateLimitRule[], now: number, maxWaitMs: number, roundTrips?: RoundTripRange): Promise<Reservation> {
    if (rules.length === 0) return { granted: true, startAt: now, nextAt: now };
    const keys: string[] = [];
    const args: (string | number)[] = [
      now,
      Number.isFinite(maxWaitMs) ? Math.max(0, maxWaitMs) : -1,
      roundTrips?.fastestMs ?? -1,
      roundTrips?.slowestMs ?? -1,
      this.clockSkewMs,
      this.idleTtlMs,
      SHARED_MARGIN_MEMORY_MS,
      rules.length,
    ];
    for (const rule of rules) {
      keys.push(this.stateKey(rule.key));
      args.push(rule.windows.length);
      for (const window of rule.windows) {
        const spacing = windowSpacingMs(window);
        // The window's shape is part of its list's name: a changed limit starts a fresh log, as in memory.
        keys.push(`${this.prefix}:${rule.key}:window:${window.limit}/${window.windowMs}+${spacing - window.windowMs}`);
        args.push(window.limit, spacing);
      }
    }
    const reply = (await this.redis[RESERVE](keys.length, ...keys, ...args)) as [number, string, string?];
    if (reply[0] === 1) return { granted: true, startAt: Number(reply[1]), nextAt: Number(reply[2]) };
    return { granted: false, earliestAt: Number(reply[1]) };
  }

  async pauseUntil(key: string, until: number, now: number = Date.now()): Promise<void> {
    await this.redis[PAUSE](this.stateKey(key), until, now, this.idleTtlMs);
  }

  async observeRemaining(key: string, remaining: number, resetAt: number, now: number): Promise<void> {
    await this.redis[OBSERVE](this.stateKey(key), remaining, resetAt, now, this.idleTtlMs);
  }

  /** Closes the connection the store opened; a client you passed in stays open. */
  async close(): Promise<void> {
    if (this.ownsConnection) await this.redis.quit();
  }

  private stateKey(key: string): string {
    return `${this.prefix}:${key}:state`;
  }
}
