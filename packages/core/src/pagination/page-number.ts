import { requireOption } from '../internal/require-option.js';
import type { ItemsOf, PaginationStrategy } from './strategy.js';

/** Numbered pages of a fixed size (`page=3&per_page=50`). */
export interface PageNumberPaginationOptions<T> {
  items: ItemsOf<T>;
  /** The page-number parameter, e.g. `page`. */
  pageParam: string;
  /** The page-size parameter, or none when the provider's size is fixed. */
  sizeParam?: string;
  /** Items per page: the size asked for, or the provider's fixed size (a short page ends the read when no page count is known). */
  size: number;
  /** The number of the first page; 1 unless the provider counts from 0. */
  firstPage?: number;
  /** The number of pages, when the provider reports it. */
  totalPages?: (body: unknown) => number | undefined;
}

/**
 * Page-number paging. With a reported page count, the read runs to the last page (or an empty
 * page) whatever each page's length, so a provider capping the size below `size` cannot truncate
 * it; without one, a page shorter than `size` marks the end.
 */
export function pageNumberPagination<T>(options: PageNumberPaginationOptions<T>): PaginationStrategy<T> {
  const { pageParam, sizeParam, size } = options;
  const firstPage = options.firstPage ?? 1;
  requireOption('size', size, Number.isInteger(size) && size >= 1, 'an integer >= 1');
  requireOption('firstPage', firstPage, Number.isInteger(firstPage) && firstPage >= 0, 'an integer >= 0');
  return {
    first: () => (sizeParam === undefined ? { [pageParam]: firstPage } : { [pageParam]: firstPage, [sizeParam]: size }),
    items: (page) => options.items(page.body),
    next(page, items, query) {
      const current = Number(query[pageParam]);
      // The body is untyped JSON, so the count is checked at run time; null counts as not reported.
      const totalPages: unknown = options.totalPages?.(page.body);
      if (totalPages === undefined || totalPages === null) return items.length < size ? undefined : { ...query, [pageParam]: current + 1 };
      if (typeof totalPages !== 'number' || !Number.isFinite(totalPages)) {
        throw new TypeError(`The page count is not a finite number (${typeof totalPages})`);
      }
      // Pages counted from firstPage: the last one is numbered firstPage + totalPages - 1.
      const last = firstPage + totalPages - 1;
      return items.length === 0 || current >= last ? undefined : { ...query, [pageParam]: current + 1 };
    },
  };
}
