import { eventRetryBackoff, systemClock, type BackoffOptions, type Clock, type EventRetryBackoff } from '@interlock/core';
import { isRedisInstance, type ConnectionOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { RedisState } from './redis-health.js';

/** Where Redis is, when the queue makes its own connections. */
export interface RedisEndpoint {
  host?: string;
  port?: number;
}

/** Options of {@link createBullmqEventQueue}. */
export interface BullmqQueueOptions {
  /**
   * Redis to use: an endpoint (the queue opens its connections and closes them in close()), or
   * an ioredis instance the caller owns and closes. BullMQ workers need such an instance to be
   * made with `maxRetriesPerRequest: null`. Default 127.0.0.1:6379.
   */
  connection?: RedisEndpoint | Redis;
  /** BullMQ queue name (no ':'). Default `interlock-events`. */
  queueName?: string;
  /** Prefix of every Redis key of the queue. Default BullMQ's `bull`. */
  prefix?: string;
  /**
   * How long (provider, eventId) is remembered, so a duplicate arriving later is still refused;
   * finished events stay readable by get() as long. Default 7 days.
   */
  dedupeTtlMs?: number;
  /** Stamps acceptance and rejection times. BullMQ itself runs on the wall clock. Default the system clock. */
  clock?: Clock;
  /**
   * Delays between attempts when a handler asks to retry without saying when, overriding the
   * defaults of core's `eventRetryBackoff` (1 s doubling to 5 min, full jitter) one by one.
   */
  retryBackoff?: BackoffOptions;
  /**
   * How long a call (accept, counts, get, ...) waits for Redis before failing with an
   * `unavailable` IntegrationError, so a hub answers 503 instead of holding the request while
   * Redis is away. Default 2 s.
   */
  timeoutMs?: number;
  /**
   * Redis became unreachable, or answers again: called once per change, however many connections
   * and reconnect attempts fail meanwhile. Default: one line on stderr.
   */
  onConnectionChange?: (state: RedisState, detail: string) => void;
  /** Errors no caller awaits, other than Redis being unreachable (a late handler result refused after its lease). Default: one line on stderr. */
  onError?: (error: unknown) => void;
}

/** The options with their defaults applied. */
export interface QueueSettings {
  /** For the queue (producer and reads). */
  queueConnection: ConnectionOptions;
  /** For each worker. */
  workerConnection: ConnectionOptions;
  queueName: string;
  prefix: string;
  dedupeTtlMs: number;
  clock: Clock;
  retryBackoff: EventRetryBackoff;
  timeoutMs: number;
  /** Where Redis is, for messages; `a caller's connection` for an instance. */
  where: string;
  onConnectionChange: (state: RedisState, detail: string) => void;
  onError: (error: unknown) => void;
}

const SEVEN_DAYS_MS = 7 * 24 * 60 * 60 * 1000;

// One line each: a stack per reconnect attempt buries everything else on stderr.
function logError(error: unknown): void {
  console.error(`[@interlock/queue-bullmq] ${error instanceof Error ? error.message : String(error)}`);
}

function logConnectionChange(where: string): (state: RedisState, detail: string) => void {
  return (state, detail) =>
    console.error(`[@interlock/queue-bullmq] Redis at ${where} is ${state === 'down' ? `unreachable (${detail}): calls fail as unavailable until it is back` : 'reachable again'}`);
}

/** Applies the defaults and checks the options. */
export function resolveQueueSettings(options: BullmqQueueOptions): QueueSettings {
  const queueName = options.queueName ?? 'interlock-events';
  if (queueName.length === 0 || queueName.includes(':')) throw new TypeError(`Invalid queueName: expected a non-empty name without ':', got ${queueName}`);
  const dedupeTtlMs = options.dedupeTtlMs ?? SEVEN_DAYS_MS;
  if (!Number.isInteger(dedupeTtlMs) || dedupeTtlMs < 1) throw new TypeError(`Invalid dedupeTtlMs: expected an integer >= 1, got ${String(dedupeTtlMs)}`);
  const timeoutMs = options.timeoutMs ?? 2_000;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1) throw new TypeError(`Invalid timeoutMs: expected an integer >= 1, got ${String(timeoutMs)}`);
  const connection = options.connection ?? {};
  let queueConnection: ConnectionOptions;
  let workerConnection: ConnectionOptions;
  let where = "a caller's connection";
  if (isRedisInstance(connection)) {
    // The caller's instance: BullMQ shares it (and duplicates it for each worker's blocking
    // reads) and never closes it.
    queueConnection = connection;
    workerConnection = connection;
  } else {
    const endpoint = { host: connection.host ?? '127.0.0.1', port: connection.port ?? 6379 };
    where = `${endpoint.host}:${endpoint.port}`;
    // An accept while Redis is unreachable fails at once (the ingress answers 503 and the
    // provider retries) instead of waiting in ioredis's offline queue while the provider times out.
    queueConnection = { ...endpoint, enableOfflineQueue: false };
    workerConnection = endpoint;
  }
  return {
    queueConnection,
    workerConnection,
    queueName,
    prefix: options.prefix ?? 'bull',
    dedupeTtlMs,
    clock: options.clock ?? systemClock,
    retryBackoff: eventRetryBackoff(options.retryBackoff),
    timeoutMs,
    where,
    onConnectionChange: options.onConnectionChange ?? logConnectionChange(where),
    onError: options.onError ?? logError,
  };
}
