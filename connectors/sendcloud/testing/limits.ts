import type { Clock } from '@interlock/core';
import type { FaultReply } from '@interlock/testkit/simulator';
import { SENDCLOUD_RATE_LIMITS } from '../src/limits.js';

/**
 * Sendcloud's documented limits as the carrier keeps them: per account, per method class, past
 * the window a 429 with an empty body (v2-tracking.openapi.yml, the 429 response). The windows
 * are the connector's own table, so the simulation refuses exactly what the docs say it would.
 */
export class AccountLimits {
  private readonly seen = { GET: [] as number[], POST: [] as number[] };
  refused = 0;

  constructor(private readonly clock: Clock) {}

  /** A 429 when this request would go over a window of its method class; undefined to serve it. */
  admit(method: 'GET' | 'POST'): FaultReply | undefined {
    const now = this.clock.now();
    const seen = this.seen[method];
    const windows = method === 'GET' ? SENDCLOUD_RATE_LIMITS.read : SENDCLOUD_RATE_LIMITS.write;
    const over = windows.some((window) => seen.filter((at) => at > now - window.windowMs).length >= window.limit);
    if (over) {
      this.refused++;
      return { status: 429 };
    }
    seen.push(now);
    const longest = Math.max(...windows.map((window) => window.windowMs));
    while (seen.length > 0 && (seen[0] ?? now) <= now - longest) seen.shift();
    return undefined;
  }
}
