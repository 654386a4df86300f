import type { CallOptions, ProviderClient } from '../client/provider-client.js';
import { IntegrationError } from '../errors/integration-error.js';
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
}

/**
 * Pages through a ProviderClient endpoint: every page is a normal client call, so the rate
 * limiter, retries and breaker apply between pages. A page that fails after its retries ends the
 * read with that page's error; the pages already yielded stay yielded.
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
      const response = await client.request(endpoint, { ...call, query: { ...fixedQuery, ...query } });
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
