import { requireOption } from '../internal/require-option.js';
import type { ItemsOf, PaginationStrategy } from './strategy.js';

/** Offset paging (Razorpay's `count` / `skip`): a fixed page size and a running offset. */
export interface OffsetPaginationOptions<T> {
  items: ItemsOf<T>;
  /** The offset parameter, e.g. `skip`. */
  offsetParam: string;
  /** The page-size parameter, e.g. `count`. */
  limitParam: string;
  /** Items asked for per page; keep it within the provider's maximum (a short page ends the read when no total is known). */
  limit: number;
  /** The total number of items, when the provider reports it. */
  total?: (body: unknown) => number | undefined;
}

/**
 * Offset paging. The offset advances by the items actually received, not by the size asked for,
 * so a provider that sends fewer per page than asked is neither skipped over nor double-read.
 *
 * When the provider reports a total, the read runs until the offset reaches it (or a page comes
 * back empty, as when items are deleted mid-read): a provider that silently caps the page size
 * below `limit` would make every page look short, and stopping on the first would truncate.
 * Without a total, a page shorter than `limit` is the only sign of the end.
 */
export function offsetPagination<T>(options: OffsetPaginationOptions<T>): PaginationStrategy<T> {
  const { offsetParam, limitParam, limit } = options;
  requireOption('limit', limit, Number.isInteger(limit) && limit >= 1, 'an integer >= 1');
  return {
    first: () => ({ [offsetParam]: 0, [limitParam]: limit }),
    items: (page) => options.items(page.body),
    next(page, items, query) {
      const offset = Number(query[offsetParam]) + items.length;
      // The body is untyped JSON, so the total is checked at run time; null counts as not reported.
      const total: unknown = options.total?.(page.body);
      if (total === undefined || total === null) return items.length < limit ? undefined : { ...query, [offsetParam]: offset };
      if (typeof total !== 'number' || !Number.isFinite(total)) throw new TypeError(`The total is not a finite number (${typeof total})`);
      return items.length === 0 || offset >= total ? undefined : { ...query, [offsetParam]: offset };
    },
  };
}
