import type { QueryValue } from '../client/endpoint.js';

/** What a strategy needs from one page: the parsed body and the response headers. */
export interface PageResponse {
  body: unknown;
  /** Header names as the transport gives them; strategies look names up case-insensitively. */
  headers: Readonly<Record<string, string>>;
}

/** The query parameters that select one page (a cursor, an offset, a page number, a size). */
export type PageQuery = Readonly<Record<string, QueryValue>>;

/**
 * How one provider pages: the query for the first page, the items of a page, and the query for
 * the next page (undefined = that was the last page).
 *
 * A strategy only says what the provider's answer means; `paginate` owns the safety checks (page
 * cap, loop detection, malformed pages), so every strategy gets them without repeating them.
 * A strategy that cannot tell whether more pages follow must throw rather than answer undefined:
 * ending early would be a silent truncation.
 */
export interface PaginationStrategy<T> {
  first(): PageQuery;
  items(page: PageResponse): readonly T[];
  /** `query` is the strategy's own query for this page, without the caller's fixed parameters. */
  next(page: PageResponse, items: readonly T[], query: PageQuery): PageQuery | undefined;
}

/** Reads the items of a page out of its body, e.g. `(body) => (body as { data: Charge[] }).data`. */
export type ItemsOf<T> = (body: unknown) => readonly T[];
