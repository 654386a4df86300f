import { fieldReader, paginateEndpoint, readCall, type PageResponse, type PaginationStrategy, type ReadOptions } from '@interlock/core';
import { PAGE_FIELDS, TRACK_PARAMS } from '../fields.js';
import type { WireShipment, WireShipments } from '../wire/tracking.js';
import type { DhlContext } from './context.js';

/** The spec's default page size, which is also its example's; DHL documents no maximum. */
const PAGE_SIZE = 5;

/**
 * Tracking reads wait in the limiter for their slot (20 a minute) rather than failing after the
 * client's default deadline: a poll may queue behind a burst for a few minutes, while a read the
 * daily quota cannot serve within this fails at once, taking no slot.
 */
export const TRACK_DEADLINE_MS = 10 * 60_000;

/**
 * Every shipment under one tracking number, to the last page: `offset`/`limit` while the answer
 * names a `nextUrl` (the spec's own link to the next page). Each page is a client call parsed by
 * the contract, so drift is reported page by page.
 */
export function readShipments(ctx: DhlContext, trackingNumber: string, options: ReadOptions = {}): AsyncIterable<WireShipment> {
  // Each page is parsed once: a second parse would count its unknown codes twice.
  const parsed = new WeakMap<PageResponse, WireShipments>();
  const parse = (page: PageResponse): WireShipments => {
    const known = parsed.get(page);
    if (known !== undefined) return known;
    const body = ctx.api.parse('track', page.body);
    parsed.set(page, body);
    return body;
  };
  const strategy: PaginationStrategy<WireShipment> = {
    first: () => ({ [TRACK_PARAMS.offset]: 0, [TRACK_PARAMS.limit]: PAGE_SIZE }),
    items: (page) => fieldReader(PAGE_FIELDS, parse(page)).get('shipments') ?? [],
    next(page, items, query) {
      if (fieldReader(PAGE_FIELDS, parse(page)).text('nextUrl') === undefined || items.length === 0) return undefined;
      return { ...query, [TRACK_PARAMS.offset]: Number(query[TRACK_PARAMS.offset]) + items.length };
    },
  };
  // One attempt per page beyond the client's own retries: asked again after its Retry-After, a page
  // refused for the day's quota would hold its caller for a day; the poller asks again instead.
  return paginateEndpoint(ctx.api.client, 'track', { strategy, pageAttempts: 1, call: { query: { [TRACK_PARAMS.trackingNumber]: trackingNumber }, ...readCall(options, TRACK_DEADLINE_MS) } });
}
