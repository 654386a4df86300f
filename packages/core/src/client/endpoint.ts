import type { CircuitBreakerOptions } from '../circuit-breaker/index.js';
import type { RateWindow } from '../rate-limit/index.js';
import type { RetryPolicy } from '../retry/index.js';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/** One provider operation, declared once as data by the connector. */
export interface EndpointConfig {
  method: HttpMethod;
  /** Path template relative to the base URL; `{name}` segments are filled from `pathParams`. */
  path: string;
  /** Per-attempt timeout. */
  timeoutMs?: number;
  retry?: RetryPolicy;
  /** Client-side limits for this endpoint, per credential. All windows apply at once. */
  rateLimits?: readonly RateWindow[];
  concurrency?: number;
  breaker?: CircuitBreakerOptions | false;
  /** The provider treats a repeat as harmless (a search sent as POST), so retries need no key. */
  idempotent?: boolean;
  /**
   * How idempotency keys travel: a header name, or `false` when the provider has none for this
   * operation (the connector must then make creation safe another way). Defaults to the client's
   * header for POST and PATCH, and to none for other methods.
   */
  idempotencyHeader?: string | false;
  bodyEncoding?: 'json' | 'form';
}

/** Fills `{name}` path segments; every value is URL-encoded so an id can never change the path. */
export function buildPath(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`Missing path parameter "${name}" for ${template}`);
    return encodeURIComponent(String(value));
  });
}

export type QueryValue = string | number | boolean | undefined | readonly (string | number)[];

export function appendQuery(url: URL, query: Readonly<Record<string, QueryValue>> = {}): void {
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) url.searchParams.append(name, String(item));
    else url.searchParams.set(name, String(value));
  }
}
