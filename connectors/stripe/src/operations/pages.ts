import { cursorPagination, fieldReader, paginateEndpoint, type EndpointOutput, type PageQuery } from '@interlock/core';
import type { StripeEndpoint, StripeEndpoints } from '../endpoints.js';
import { LIST_FIELDS, LIST_PARAMS } from '../fields.js';
import { stripeSecondsAtOrAfter } from '../transform/context.js';
import type { StripeContext } from './context.js';

/** Stripe's largest page. */
const PAGE_SIZE = 100;

type Page<K extends StripeEndpoint> = EndpointOutput<StripeEndpoints, K>;

/** The endpoints whose contract is a Stripe list (`{ data, has_more }`). */
export type ListEndpoint = { [K in StripeEndpoint]: Page<K> extends { data: readonly { id: string }[]; has_more: boolean } ? K : never }[StripeEndpoint];

/** One item of a list endpoint's page, as its contract parses it. */
export type ListItem<K extends ListEndpoint> = Page<K>['data'][number];

/**
 * Reads a Stripe list to its last page through core's pagination: `limit=100`, then
 * `starting_after=<last id>` while `has_more`. Every page is parsed with the endpoint's contract
 * (drift reported per page) and is an ordinary client call, so limits, retries and breakers apply.
 */
export function readPages<K extends ListEndpoint>(ctx: StripeContext, endpoint: K, query: PageQuery): AsyncIterable<ListItem<K>> {
  const { api } = ctx;
  return paginateEndpoint(api.client, endpoint, {
    strategy: cursorPagination<ListItem<K>>({
      items: (body) => api.parse(endpoint, body).data,
      hasMore: (body) => fieldReader(LIST_FIELDS, body).bool('hasMore') === true,
      cursorParam: LIST_PARAMS.startingAfter,
      cursorOf: (last) => last.id,
      limitParam: LIST_PARAMS.limit,
      limit: PAGE_SIZE,
    }),
    call: { query },
  });
}

/** A creation window in epoch ms as Stripe's `created[gte]`/`created[lt]` filters, in whole seconds. */
export function createdRange(from: number | undefined, to: number | undefined): PageQuery {
  return {
    [LIST_PARAMS.createdGte]: from === undefined ? undefined : stripeSecondsAtOrAfter(from),
    [LIST_PARAMS.createdLt]: to === undefined ? undefined : stripeSecondsAtOrAfter(to),
  };
}

/** Maps every item of a lazily read list, keeping it re-iterable (each loop is a fresh read). */
export function mapEach<T, R>(source: AsyncIterable<T>, map: (item: T) => Iterable<R>): AsyncIterable<R> {
  return {
    async *[Symbol.asyncIterator]() {
      for await (const item of source) yield* map(item);
    },
  };
}
