import type { CircuitBreaker } from '../circuit-breaker/index.js';
import type { RateLimitRule, RateWindow } from '../rate-limit/index.js';
import { resolveRetryPolicy, type RetryPolicy } from '../retry/index.js';
import type { EndpointConfig } from './endpoint.js';
import { assertSendable, joinUrl, setHeader, type HeaderRecord } from './prepare-request.js';

/** The header an endpoint's idempotency keys travel in: its own setting, else the client's for POST and PATCH, else none. */
export function idempotencyHeaderOf(config: EndpointConfig, clientHeader: string): string | false {
  return config.idempotencyHeader ?? (config.method === 'POST' || config.method === 'PATCH' ? clientHeader : false);
}

/** What the client hands every endpoint's plan. */
export interface PlanDefaults {
  provider: string;
  baseUrl: string;
  retry?: RetryPolicy | undefined;
  timeoutMs: number;
  staticHeaders?: Readonly<Record<string, string>> | undefined;
  correlationHeader: string | false;
  idempotencyHeader: string;
  accountRateLimits: readonly RateWindow[];
}

/** The limiter keys of one endpoint under one credential, and the rules a call counts against. */
export interface LimiterKeys {
  account: string;
  endpoint: string;
  rules: readonly RateLimitRule[];
}

/**
 * Everything about one endpoint that is the same on every call: its merged retry policy and
 * deadline, timeout, limits, breaker, URL when its path has no parameters, and header template.
 * Worked out on the endpoint's first call (so that a bad option fails that call, as it always
 * has) and kept, so a call only adds what is its own.
 */
export class EndpointPlan {
  readonly method: string;
  readonly baseUrl: string;
  readonly retry: RetryPolicy;
  /** The retry policy's time budget: a call's deadline when it sets none. */
  readonly maxElapsedMs: number;
  readonly timeoutMs: number;
  readonly rateLimits: readonly RateWindow[];
  readonly idempotentEndpoint: boolean;
  /** The header an idempotency key travels in, in lower case, or false when it has none. */
  readonly idempotencyKeyHeader: string | false;
  /** The header the correlation id travels in, in lower case, or false. */
  readonly correlationHeader: string | false;
  /** The whole URL when the path has no `{name}` segments; a call with a query adds to it. */
  readonly fixedHref: string | undefined;
  readonly headerTemplate: Readonly<HeaderRecord>;
  private readonly provider: string;
  private readonly accountRateLimits: readonly RateWindow[];
  private readonly limits = new Map<string, LimiterKeys>();

  constructor(
    readonly name: string,
    readonly config: EndpointConfig,
    readonly breaker: CircuitBreaker | undefined,
    defaults: PlanDefaults,
  ) {
    this.provider = defaults.provider;
    this.method = config.method;
    this.baseUrl = defaults.baseUrl;
    this.retry = { ...defaults.retry, ...config.retry };
    this.maxElapsedMs = resolveRetryPolicy(this.retry).maxElapsedMs;
    this.timeoutMs = config.timeoutMs ?? defaults.timeoutMs;
    this.rateLimits = config.rateLimits ?? [];
    this.accountRateLimits = defaults.accountRateLimits;
    this.idempotentEndpoint = config.idempotent ?? false;
    const keyHeader = idempotencyHeaderOf(config, defaults.idempotencyHeader);
    this.idempotencyKeyHeader = keyHeader === false ? false : keyHeader.toLowerCase();
    this.correlationHeader = defaults.correlationHeader === false ? false : defaults.correlationHeader.toLowerCase();
    this.fixedHref = config.path.includes('{') ? undefined : joinUrl(defaults.baseUrl, config.path).href;
    const template: HeaderRecord = { accept: 'application/json' };
    for (const [name, value] of Object.entries(defaults.staticHeaders ?? {})) setHeader(template, name, value);
    assertSendable(template);
    this.headerTemplate = template;
  }

  /** Limits are kept per credential id (never the secret), since providers count per key. */
  limitsFor(credentialId: string): LimiterKeys {
    let keys = this.limits.get(credentialId);
    if (!keys) {
      const account = `${this.provider}:${credentialId}:account`;
      const endpoint = `${this.provider}:${credentialId}:endpoint:${this.name}`;
      keys = {
        account,
        endpoint,
        rules: [
          { key: account, windows: this.accountRateLimits },
          { key: endpoint, windows: this.rateLimits },
        ],
      };
      this.limits.set(credentialId, keys);
    }
    return keys;
  }
}
