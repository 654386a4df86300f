/** At most `limit` requests may start in any interval of `windowMs` milliseconds. */
export interface RateWindow {
  limit: number;
  windowMs: number;
  /**
   * Extra spacing added to the window. A request leaves a little after its slot (timer and event
   * loop lag) and crosses the network with jitter, so one sent late can land closer to the next
   * on-time slot than `windowMs` at the provider. Default: 0.5% of the window, between 5 ms and 250 ms.
   */
  marginMs?: number;
}

/** The margin a window keeps when none is given. */
export function defaultMarginMs(windowMs: number): number {
  return Math.min(250, Math.max(5, windowMs * 0.005));
}

/**
 * The spacing a store keeps between a grant and the one `limit` grants later: the window plus
 * its margin. Throws a RangeError for a window no store can keep (every store checks alike).
 */
export function windowSpacingMs(window: RateWindow): number {
  if (!Number.isInteger(window.limit) || window.limit < 1) {
    throw new RangeError(`Rate window limit must be a positive integer, got ${window.limit}`);
  }
  if (!(window.windowMs > 0)) {
    throw new RangeError(`Rate window length must be positive, got ${window.windowMs}ms`);
  }
  const margin = window.marginMs ?? defaultMarginMs(window.windowMs);
  if (!(margin >= 0)) throw new RangeError(`Rate window margin must not be negative, got ${margin}ms`);
  return window.windowMs + margin;
}

/**
 * The windows that apply under one key. The caller builds keys so that calls sharing a provider
 * budget share a key, e.g. `stripe:cred_1:endpoint:createPayment` for an endpoint limit and
 * `stripe:cred_1:account` for the account-wide one; a call then passes both rules.
 */
export interface RateLimitRule {
  key: string;
  windows: readonly RateWindow[];
}

/** Whether two window lists describe the same limits. */
export function sameWindows(a: readonly RateWindow[], b: readonly RateWindow[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as RateWindow;
    const y = b[i] as RateWindow;
    if (x.limit !== y.limit || x.windowMs !== y.windowMs || x.marginMs !== y.marginMs) return false;
  }
  return true;
}
