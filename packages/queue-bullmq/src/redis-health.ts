import { IntegrationError } from '@interlock/core';

/** Redis as the queue last saw it. */
export type RedisState = 'up' | 'down';

/** Connection errors: Redis unreachable or gone, as opposed to a command Redis refused. */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
  return /Connection is closed|Stream isn't writeable|connect ETIMEDOUT|Redis did not answer/.test(error.message);
}

/**
 * Turns the stream of connection errors BullMQ and ioredis raise while Redis is away (one per
 * reconnect attempt, per connection) into one report per change of state: down once, up once.
 * Other errors go to `onError` as they come.
 */
export class RedisHealth {
  private current: RedisState = 'up';

  constructor(
    private readonly onChange: (state: RedisState, detail: string) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  get state(): RedisState {
    return this.current;
  }

  /** An error from any of the queue's connections. */
  report(error: unknown): void {
    if (!isConnectionError(error)) return this.onError(error);
    if (this.current === 'down') return;
    this.current = 'down';
    const code = (error as { code?: unknown }).code;
    this.onChange('down', typeof code === 'string' ? code : (error as Error).message);
  }

  /** A call failed: Redis is down if it failed for want of Redis; other failures are the caller's to report. */
  failed(error: unknown): void {
    if (isConnectionError(error)) this.report(error);
  }

  /** Redis answered. */
  reachable(): void {
    if (this.current === 'up') return;
    this.current = 'up';
    this.onChange('up', 'answering again');
  }
}

/**
 * Runs `operation`, failing with an `unavailable` IntegrationError when it has not settled within
 * `timeoutMs`. The operation is told (`expired()`), so work it has not started yet (a command
 * waiting for the connection) is not sent after its caller was answered.
 */
export async function withinTime<T>(operation: string, timeoutMs: number, run: (expired: () => boolean) => Promise<T>): Promise<T> {
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(
        new IntegrationError('unavailable', `Redis did not answer ${operation} within ${timeoutMs} ms`, {
          provider: 'redis',
          endpoint: operation,
          reason: 'redis_timeout',
        }),
      );
    }, timeoutMs);
  });
  try {
    return await Promise.race([run(() => timedOut), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
