import { limitQuery } from './limit-query.js';
import type { ItemsOf, PaginationStrategy } from './strategy.js';

/** Opaque-token paging: the body names the next page (`next_page_token`, `next_cursor`, …). */
export interface TokenPaginationOptions<T> {
  items: ItemsOf<T>;
  /** The token for the next page, or undefined (also null or '') on the last page. */
  nextToken: (body: unknown) => string | undefined;
  /** The parameter that sends the token back, e.g. `page_token`. */
  tokenParam: string;
  /** Page-size parameter and value, given together, or neither for the provider's default. */
  limitParam?: string;
  limit?: number;
}

/**
 * Paging by a token the provider hands out in the body. Providers mark the last page by leaving
 * the token out, sending null, or sending an empty string, so all three end the read; any other
 * non-string is a broken page rather than an end, so a changed body shape cannot truncate a list.
 */
export function tokenPagination<T>(options: TokenPaginationOptions<T>): PaginationStrategy<T> {
  const first = limitQuery(options.limitParam, options.limit);
  return {
    first: () => first,
    items: (page) => options.items(page.body),
    next(page, _items, query) {
      // The body is untyped JSON, so the token is checked at run time whatever its declared type.
      const token: unknown = options.nextToken(page.body);
      if (token === undefined || token === null || token === '') return undefined;
      if (typeof token !== 'string') throw new TypeError(`The next-page token is a ${typeof token}, not a string`);
      return { ...query, [options.tokenParam]: token };
    },
  };
}
