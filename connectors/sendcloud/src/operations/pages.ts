import { linkHeaderPagination, paginateEndpoint, type EndpointOutput, type PageQuery } from '@interlock/core';
import type { SendcloudEndpoints } from '../endpoints.js';
import { LIST_PARAMS } from '../fields.js';
import type { SendcloudContext } from './context.js';

/** Shipments per page asked for: GET /shipments' documented maximum (`page_size`, 1 to 100, default 40). */
const PAGE_SIZE = 100;

type Page<K extends keyof SendcloudEndpoints> = EndpointOutput<SendcloudEndpoints, K>;

/** The endpoints whose answer is a list page. */
export type ListEndpoint = {
  [K in keyof SendcloudEndpoints]: Page<K> extends { data: readonly { id: string }[] } ? K : never;
}[keyof SendcloudEndpoints];

type ListItem<K extends ListEndpoint> = Page<K>['data'][number];

/**
 * Every item of a list endpoint, read to the last page through core's pagination: the first page
 * with `page_size`, then whatever query the `Link` header's `rel="next"` carries (Sendcloud's
 * opaque cursor with the filters) until a page has none. Each page is an ordinary client call
 * (limits, retries, breaker) parsed by its endpoint's contract, so drift is reported page by page.
 */
export function readPages<K extends ListEndpoint>(ctx: SendcloudContext, endpoint: K, query: PageQuery): AsyncIterable<ListItem<K>> {
  return paginateEndpoint(ctx.api.client, endpoint, {
    strategy: linkHeaderPagination<ListItem<K>>({ items: (body) => ctx.api.parse(endpoint, body).data }),
    call: { query: { ...query, [LIST_PARAMS.pageSize]: PAGE_SIZE } },
  });
}

/** Maps and filters every item of a lazily read list; each loop over the result is a fresh read. */
export function mapItems<T, R>(source: AsyncIterable<T>, map: (item: T) => R, keep: (mapped: R) => boolean = () => true): AsyncIterable<R> {
  return {
    async *[Symbol.asyncIterator]() {
      for await (const item of source) {
        const mapped = map(item);
        if (keep(mapped)) yield mapped;
      }
    },
  };
}
