import { offsetPagination, paginateEndpoint, type Contract, type PageQuery, type QueryValue } from '@interlock/core';
import type { z } from 'zod';
import type { RazorpayEndpoint } from '../client.js';
import { QUERY_FIELDS } from '../fields.js';
import type { RazorpayContext } from './context.js';

/** Razorpay's largest page for its collections (`count` ≤ 100). */
export const PAGE_SIZE = 100;

/** The combined recon report takes larger pages (`count` ≤ 1000). */
export const RECON_PAGE_SIZE = 1000;

type CollectionSchema<T extends z.ZodTypeAny> = z.ZodObject<{ entity: z.ZodLiteral<'collection'>; count: z.ZodNumber; items: z.ZodArray<T> }>;

/**
 * Every item of a Razorpay collection endpoint, read to the last page with core's offset paging
 * (`count` / `skip`). Razorpay reports no total, so a page shorter than asked is the last; each
 * page is parsed with its contract, so drift and unknown enum values are reported as they come.
 */
export function readCollection<T extends z.ZodTypeAny>(
  ctx: RazorpayContext,
  endpoint: RazorpayEndpoint,
  contract: Contract<CollectionSchema<T>>,
  query: PageQuery,
  pageSize: number = PAGE_SIZE,
): AsyncIterable<z.output<T>> {
  const strategy = offsetPagination<z.output<T>>({
    items: (body) => ctx.client.parse(contract, body, endpoint).value.items,
    offsetParam: QUERY_FIELDS.outbound.offset,
    limitParam: QUERY_FIELDS.outbound.pageSize,
    limit: pageSize,
  });
  return paginateEndpoint(ctx.client, endpoint, { strategy, call: { query } });
}

/** A query object written through QUERY_FIELDS, skipping absent values. */
export function listQuery(values: Partial<Record<QueryField, QueryValue>>): PageQuery {
  const query: Record<string, QueryValue> = {};
  for (const field of Object.keys(QUERY_FIELDS.outbound) as QueryField[]) QUERY_FIELDS.write(query, field, values[field]);
  return query;
}

type QueryField = keyof typeof QUERY_FIELDS.outbound;
