import { limitQuery } from './limit-query.js';
import type { ItemsOf, PaginationStrategy } from './strategy.js';

/** Stripe-style paging: a `has_more` flag in the body, and the last item's id as the next cursor. */
export interface CursorPaginationOptions<T> {
  items: ItemsOf<T>;
  /** Whether pages follow this one, e.g. `(body) => (body as { has_more: boolean }).has_more`. */
  hasMore: (body: unknown) => boolean;
  /** The parameter carrying the cursor, e.g. `starting_after`. */
  cursorParam: string;
  /** The cursor that continues after an item, e.g. `(charge) => charge.id`. */
  cursorOf: (last: T) => string;
  /** Page-size parameter and value, given together (`limit`, 100), or neither for the provider's default. */
  limitParam?: string;
  limit?: number;
}

/**
 * Cursor paging keyed on the last item (Stripe's `has_more` + `starting_after=<last id>`). A page
 * that claims more follow but has no items gives no cursor to continue from; that is reported as
 * a broken page, since stopping there would quietly drop the rest.
 */
export function cursorPagination<T>(options: CursorPaginationOptions<T>): PaginationStrategy<T> {
  const first = limitQuery(options.limitParam, options.limit);
  return {
    first: () => first,
    items: (page) => options.items(page.body),
    next(page, items, query) {
      if (options.hasMore(page.body) !== true) return undefined;
      const last = items.at(-1);
      if (last === undefined) throw new TypeError('The page says more items follow but holds none to continue after');
      return { ...query, [options.cursorParam]: options.cursorOf(last) };
    },
  };
}
