import { cursorPagination, fieldReader, paginateEndpoint, type EndpointOutput, type PageQuery } from '@interlock/core';
import type { SendcloudEndpoints } from '../endpoints.js';
import { LIST_FIELDS, LIST_PARAMS } from '../fields.js';
import type { SendcloudContext } from './context.js';

/** The provider's largest page. Template value. */
const PAGE_SIZE = 100;

type Page<K extends keyof SendcloudEndpoints> = EndpointOutput<SendcloudEndpoints, K>;

/** The endpoints whose answer is a list page. */
export type ListEndpoint = {
  [K in keyof SendcloudEndpoints]: Page<K> extends { data: readonly { id: string }[] } ? K : never;
}[keyof SendcloudEndpoints];

type ListItem<K extends ListEndpoint> = Page<K>['data'][number];

/**
 * Every item of a list endpoint, read to the last page through core's pagination: `limit`, then
 * `starting_after=<last id>` while `has_more`. Each page is an ordinary client call (limits,
 * retries, breaker) parsed by its endpoint's contract, so drift is reported page by page.
 * Template value: cursor paging; core also has offset, page-number, token and Link-header paging.
 */
export function readPages<K extends ListEndpoint>(ctx: SendcloudContext, endpoint: K, query: PageQuery): AsyncIterable<ListItem<K>> {
  return paginateEndpoint(ctx.api.client, endpoint, {
    strategy: cursorPagination<ListItem<K>>({
      items: (body) => ctx.api.parse(endpoint, body).data,
      hasMore: (body) => fieldReader(LIST_FIELDS, body).bool('hasMore') === true,
      cursorParam: LIST_PARAMS.startingAfter,
      cursorOf: (last) => last.id,
      limitParam: LIST_PARAMS.limit,
      limit: PAGE_SIZE,
    }),
    call: { query },
  });
}

/** Maps every item of a lazily read list; each loop over the result is a fresh read. */
export function mapItems<T, R>(source: AsyncIterable<T>, map: (item: T) => R): AsyncIterable<R> {
  return {
    async *[Symbol.asyncIterator]() {
      for await (const item of source) yield map(item);
    },
  };
}
