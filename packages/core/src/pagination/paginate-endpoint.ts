import type { CallOptions, ProviderClient } from '../client/provider-client.js';
import { IntegrationError, isIntegrationError } from '../errors/integration-error.js';
import { backoffDelay, type BackoffOptions } from '../retry/backoff.js';
import { paginate } from './paginate.js';
import type { PageQuery, PaginationStrategy } from './strategy.js';

/**
 * Call options shared by every page. The caller's `query` (filters, sort, a fixed page size) is
 * sent on every page under the strategy's own parameters, which win on a clash.
 *
 * Two call options are left out on purpose. A `fallback` would stand a made-up answer in for a
 * page the provider did not send, turning an outage into a short list. A fixed `idempotencyKey`
 * would make every page after the first a replay of the first (a POST search endpoint paged with
 * one key); each page is its own operation with its own key.
 */
export type PageCallOptions = Omit<CallOptions, 'query' | 'fallback' | 'idempotencyKey'> & { query?: PageQuery };

/** How to page one endpoint. */
export interface PaginateEndpointOptions<T> {
  strategy: PaginationStrategy<T>;
  call?: PageCallOptions;
  /** Default 1000; see `PaginateOptions.maxPages`. */
  maxPages?: number;
  /**
   * How many times one page is asked for, from the same cursor, when it fails transiently even
   * after the client's own retries (an outage, a spent retry budget). Default 4; 1 turns it off.
   */
  pageAttempts?: number;
  /** The wait between those page attempts (a Retry-After wins). Default base 1 s, cap 60 s, full jitter. */
  pageBackoff?: BackoffOptions;
}

const DEFAULT_PAGE_ATTEMPTS = 4;
const DEFAULT_PAGE_BACKOFF: BackoffOptions = { baseMs: 1_000, capMs: 60_000, jitter: 'full' };

/**
 * Pages through a ProviderClient endpoint: every page is a normal client call, so the rate
 * limiter, retries and breaker apply between pages. A page that still fails transiently after
 * the client's retries is asked for again from the same cursor (`pageAttempts`), so a long read
 * through a flaky provider resumes where it stopped instead of starting over: repeating a read
 * is always safe. A page that fails for good ends the read with its error; the pages already
 * yielded stay yielded.
 */
export function paginateEndpoint<T, E extends string>(
  client: ProviderClient<E>,
  endpoint: E,
  options: PaginateEndpointOptions<T>,
): AsyncIterable<T> {
  const { query: fixedQuery, ...call } = options.call ?? {};
  return paginate<T>({
    provider: client.provider,
    endpoint,
    strategy: options.strategy,
    ...(options.maxPages === undefined ? {} : { maxPages: options.maxPages }),
    async fetchPage(query) {
      const response = await requestPage(client, endpoint, { ...call, query: { ...fixedQuery, ...query } }, options);
      // The types keep `fallback` out, but an untyped caller could still pass one: a stand-in
      // answer is not a page of the provider's list, so the read fails with what it stood in for.
      if (response.source === 'fallback') {
        throw (
          response.degradedBy ??
          new IntegrationError('unavailable', `A fallback answered for a page of ${endpoint}`, {
            provider: client.provider,
            endpoint,
            reason: 'fallback_page',
          })
        );
      }
      return { body: response.body, headers: response.headers };
    },
  });
}

async function requestPage<E extends string>(
  client: ProviderClient<E>,
  endpoint: E,
  call: CallOptions,
  options: Pick<PaginateEndpointOptions<unknown>, 'pageAttempts' | 'pageBackoff'>,
): Promise<Awaited<ReturnType<ProviderClient<E>['request']>>> {
  const attempts = options.pageAttempts ?? DEFAULT_PAGE_ATTEMPTS;
  let previousDelayMs: number | undefined;
  // The breaker may open while a page is asked for again; the provider's own failure says more
  // to whoever reads the error than the local refusal that followed it.
  let providerError: IntegrationError | undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      return await client.request(endpoint, call);
    } catch (error) {
      if (!isIntegrationError(error)) throw error;
      if (error.reason !== 'circuit_open') providerError = error;
      if (!error.retryable || attempt >= attempts) throw providerError ?? error;
      const delayMs = error.retryAfterMs ?? backoffDelay(attempt, options.pageBackoff ?? DEFAULT_PAGE_BACKOFF, previousDelayMs);
      previousDelayMs = delayMs;
      await client.clock.sleep(delayMs);
    }
  }
}
