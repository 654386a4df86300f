import { offsetPagination, paginateEndpoint, type EndpointOutput, type PageQuery, type QueryValue } from '@interlock/core';
import type { RazorpayEndpoint, RazorpayEndpoints } from '../endpoints.js';
import { QUERY_FIELDS } from '../fields.js';
import type { RazorpayContext } from './context.js';

/** Razorpay's largest page for its collections (`count` ≤ 100). */
export const PAGE_SIZE = 100;

/** The combined recon report takes larger pages (`count` ≤ 1000). */
export const RECON_PAGE_SIZE = 1000;

/** The endpoints whose contract is a Razorpay collection (`{ entity: "collection", count, items }`). */
type CollectionEndpoint = {
  [K in RazorpayEndpoint]: EndpointOutput<RazorpayEndpoints, K> extends { entity: 'collection'; items: readonly unknown[] } ? K : never;
}[RazorpayEndpoint];

type ItemOf<K extends CollectionEndpoint> = EndpointOutput<RazorpayEndpoints, K>['items'][number];

/**
 * Every item of a Razorpay collection endpoint, read to the last page with core's offset paging
 * (`count` / `skip`). Razorpay reports no total, so a page shorter than asked is the last; each
 * page is parsed with its endpoint's contract, so drift and unknown enum values are reported as they come.
 */
export function readCollection<K extends CollectionEndpoint>(
  ctx: RazorpayContext,
  endpoint: K,
  query: PageQuery,
  pageSize: number = PAGE_SIZE,
  pathParams?: Readonly<Record<string, string>>,
): AsyncIterable<ItemOf<K>> {
  const strategy = offsetPagination<ItemOf<K>>({
    items: (body) => ctx.api.parse(endpoint, body).items,
    offsetParam: QUERY_FIELDS.outbound.offset,
    limitParam: QUERY_FIELDS.outbound.pageSize,
    limit: pageSize,
  });
  return paginateEndpoint(ctx.api.client, endpoint, { strategy, call: { query, ...(pathParams === undefined ? {} : { pathParams }) } });
}

/** A query object written through QUERY_FIELDS, skipping absent values. */
export function listQuery(values: Partial<Record<QueryField, QueryValue>>): PageQuery {
  const query: Record<string, QueryValue> = {};
  for (const field of Object.keys(QUERY_FIELDS.outbound) as QueryField[]) QUERY_FIELDS.write(query, field, values[field]);
  return query;
}

type QueryField = keyof typeof QUERY_FIELDS.outbound;

/** A created-at window in Razorpay's Unix seconds; an open end is pinned to now, so items created during the read cannot shift the offset pages under it. */
export function createdWindow(ctx: RazorpayContext, filter: { createdFrom?: number | undefined; createdTo?: number | undefined }): { createdFrom: number | undefined; createdTo: number } {
  return {
    createdFrom: filter.createdFrom === undefined ? undefined : Math.floor(filter.createdFrom / 1000),
    createdTo: Math.floor((filter.createdTo ?? ctx.clock.now()) / 1000),
  };
}
