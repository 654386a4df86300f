/**
 * A response's headers: a `Headers`, or a plain record of them keyed by lower-case name (as
 * `Object.fromEntries(headers)` makes it), which the client already holds and reads faster.
 */
export type RateLimitHeaders = Headers | Readonly<Record<string, string>>;

function read(headers: RateLimitHeaders, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  return Object.hasOwn(headers, name) ? (headers[name] as string) : null;
}

/** What a provider's rate-limit headers say about the budget left under one key. */
export interface ObservedRateLimit {
  limit?: number;
  remaining: number;
  /** Epoch milliseconds at which the provider's window resets. */
  resetAt: number;
}

// Beyond these a "reset" cannot be a delay in seconds (1e9 s is 31 years): it is an epoch time.
const EPOCH_MS_FLOOR = 1e12;
const EPOCH_S_FLOOR = 1e9;

function toNumber(raw: string | null | undefined): number | undefined {
  if (raw === null || raw === undefined) return undefined;
  const text = raw.trim().replace(/^"|"$/g, '');
  if (text === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** `RateLimit-Limit: 100, 100;w=60` lists the quota first; only that number matters here. */
function leadingNumber(raw: string | null): number | undefined {
  return raw === null ? undefined : toNumber(raw.split(/[,;]/, 1)[0]);
}

function resetToEpochMs(reset: number, nowMs: number): number {
  if (reset > EPOCH_MS_FLOOR) return reset;
  if (reset > EPOCH_S_FLOOR) return reset * 1000;
  return nowMs + Math.max(0, reset) * 1000;
}

function observed(limit: number | undefined, remaining: number, reset: number, nowMs: number): ObservedRateLimit {
  const result: ObservedRateLimit = { remaining: Math.max(0, Math.floor(remaining)), resetAt: resetToEpochMs(reset, nowMs) };
  if (limit !== undefined) result.limit = limit;
  return result;
}

/** `limit=100;w=60` -> { limit: '100', w: '60' }; parts without `=` (an item's name) are skipped. */
function params(segment: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const part of segment.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) found.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1));
  }
  return found;
}

/**
 * The single `RateLimit` field, in either draft shape: the dictionary
 * `limit=100, remaining=50, reset=5`, or the policy list `"default";r=50;t=30, "burst";r=2;t=1`,
 * of which the item with the least room left is the binding one.
 */
function parseCombined(value: string, nowMs: number): ObservedRateLimit | undefined {
  const segments = value.split(',').map(params);
  const dictionary = new Map<string, string>();
  for (const segment of segments) for (const [name, raw] of segment) dictionary.set(name, raw);
  const remaining = toNumber(dictionary.get('remaining'));
  if (remaining !== undefined) {
    const reset = toNumber(dictionary.get('reset'));
    return reset === undefined ? undefined : observed(toNumber(dictionary.get('limit')), remaining, reset, nowMs);
  }
  let binding: ObservedRateLimit | undefined;
  for (const segment of segments) {
    const itemRemaining = toNumber(segment.get('r'));
    const itemReset = toNumber(segment.get('t'));
    if (itemRemaining === undefined || itemReset === undefined) continue;
    if (binding === undefined || itemRemaining < binding.remaining) {
      binding = observed(undefined, itemRemaining, itemReset, nowMs);
    }
  }
  return binding;
}

interface SeparateFields {
  remaining: string;
  reset: string;
  limit: string;
}

const IETF_FIELDS: SeparateFields = { remaining: 'ratelimit-remaining', reset: 'ratelimit-reset', limit: 'ratelimit-limit' };
const X_FIELDS: SeparateFields = { remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset', limit: 'x-ratelimit-limit' };

function parseSeparate(headers: RateLimitHeaders, fields: SeparateFields, nowMs: number): ObservedRateLimit | undefined {
  const remaining = toNumber(read(headers, fields.remaining));
  if (remaining === undefined) return undefined;
  const reset = toNumber(read(headers, fields.reset));
  if (reset === undefined) return undefined;
  return observed(leadingNumber(read(headers, fields.limit)), remaining, reset, nowMs);
}

/**
 * Reads a response's rate-limit headers: the combined IETF `RateLimit` field, the IETF draft's
 * `RateLimit-Limit/Remaining/Reset`, or the common `X-RateLimit-Limit/Remaining/Reset` (whose
 * reset may be seconds from now, epoch seconds or epoch milliseconds). Undefined unless both a
 * remaining count and a reset time are present: a count with no end cannot become a budget.
 */
export function parseRateLimitHeaders(headers: RateLimitHeaders, nowMs: number): ObservedRateLimit | undefined {
  const combined = read(headers, 'ratelimit');
  return (
    (combined === null ? undefined : parseCombined(combined, nowMs)) ??
    parseSeparate(headers, IETF_FIELDS, nowMs) ??
    parseSeparate(headers, X_FIELDS, nowMs)
  );
}
