import { cursorPagination, paginateEndpoint, type Contract, type PageQuery, type ProviderClient } from '@interlock/core';
import type { z } from 'zod';
import type { StripeEndpoint } from './endpoints.js';
import { LIST_PARAMS } from './fields.js';
import { stripeSecondsAtOrAfter } from './transform/context.js';

/** Stripe's largest page. */
const PAGE_SIZE = 100;

type ListItem<S extends z.ZodTypeAny> = z.output<S> extends { data: readonly (infer T)[] } ? T : never;

function hasMore(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { has_more?: unknown }).has_more === true;
}

/**
 * Reads a Stripe list to its last page through core's pagination: `limit=100`, then
 * `starting_after=<last id>` while `has_more`. Every page is parsed with the list's contract (drift
 * reported per page) and is an ordinary client call, so limits, retries and breakers apply.
 */
export function stripeListReader(client: ProviderClient<StripeEndpoint>) {
  return <S extends z.ZodTypeAny>(endpoint: StripeEndpoint, contract: Contract<S>, query: PageQuery): AsyncIterable<ListItem<S>> =>
    paginateEndpoint(client, endpoint, {
      strategy: cursorPagination<ListItem<S> & { id: string }>({
        // The contract is a Stripe list, so its output has `data`; the cast only names the item type.
        items: (body) => (client.parse(contract, body, endpoint).value as { data: (ListItem<S> & { id: string })[] }).data,
        hasMore,
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
