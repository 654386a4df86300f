import { IntegrationError, isIntegrationError } from '../errors/integration-error.js';
import { requireOption } from '../internal/require-option.js';
import { queryKey } from './query-key.js';
import type { PageQuery, PageResponse, PaginationStrategy } from './strategy.js';

/** The most pages one read fetches unless told otherwise. */
export const DEFAULT_MAX_PAGES = 1000;

/** Where pages come from and how to read them. */
export interface PaginateOptions<T> {
  /** Fetches one page; `pageNumber` counts fetched pages from 1 (not the provider's page parameter). */
  fetchPage(query: PageQuery, pageNumber: number): Promise<PageResponse>;
  strategy: PaginationStrategy<T>;
  /**
   * Default 1000. Reaching it with more pages to come throws IntegrationError('contract_violation',
   * reason 'page_cap_exceeded') — never a silent truncation.
   */
  maxPages?: number;
  /** Provider and endpoint named in every error, as the client names them. */
  provider: string;
  endpoint: string;
}

/** One fetched page: its items, its 1-based position in the read, and the response it came from. */
export interface Page<T> {
  items: readonly T[];
  pageNumber: number;
  page: PageResponse;
}

/**
 * Reads page after page until the strategy says the last one has been read, lazily: the next page
 * is fetched only when the consumer asks for more, so a slow consumer never piles pages up and a
 * consumer that stops early (`break`) fetches nothing more.
 *
 * Every check the read makes ends in a thrown IntegrationError rather than an early end, since
 * a list that quietly stops short looks exactly like a complete one: a page cap reached
 * (`page_cap_exceeded`), a provider repeating a page query it already gave (`pagination_loop`),
 * or a page the strategy cannot read (`malformed_page`). A failed fetch ends the read with the
 * fetch's own error.
 *
 * Each iteration is a fresh read from the first page. (A bare generator would answer a second
 * loop with nothing at all, which reads exactly like an empty list.)
 */
export function paginatePages<T>(options: PaginateOptions<T>): AsyncIterable<Page<T>> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  requireOption('maxPages', maxPages, Number.isInteger(maxPages) && maxPages >= 1, 'an integer >= 1');
  return { [Symbol.asyncIterator]: () => readPages(options, maxPages) };
}

/** The items of every page in order, fetched lazily page by page; see `paginatePages`. */
export function paginate<T>(options: PaginateOptions<T>): AsyncIterable<T> {
  const pages = paginatePages(options);
  return {
    async *[Symbol.asyncIterator]() {
      for await (const page of pages) yield* page.items;
    },
  };
}

/** Reads an iterable to its end; for lists small enough to hold in memory. */
export async function collectAll<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of iterable) all.push(item);
  return all;
}

async function* readPages<T>(options: PaginateOptions<T>, maxPages: number): AsyncGenerator<Page<T>> {
  const { strategy } = options;
  const fail = (reason: string, message: string, cause?: unknown): IntegrationError =>
    new IntegrationError('contract_violation', message, { provider: options.provider, endpoint: options.endpoint, reason }, summarize(cause));
  // A strategy reads bodies it was given as `unknown`; when a body is not the shape it expects,
  // its error is the provider breaking the contract, reported as such with the cause kept.
  const strategyStep = <R>(pageNumber: number, step: () => R): R => {
    try {
      return step();
    } catch (error) {
      if (isIntegrationError(error)) throw error;
      throw fail('malformed_page', `Page ${pageNumber} of ${options.endpoint} could not be read`, error);
    }
  };

  let query: PageQuery = strategy.first();
  const seen = new Map<string, number>([[queryKey(query), 1]]);
  for (let pageNumber = 1; ; pageNumber++) {
    const page = await options.fetchPage(query, pageNumber);
    const items = strategyStep(pageNumber, () => strategy.items(page));
    if (!Array.isArray(items)) {
      throw fail('malformed_page', `Page ${pageNumber} of ${options.endpoint} has no list of items`);
    }
    // The next query is worked out before this page is handed over, so a page whose successor
    // cannot be determined is reported as broken instead of being half-delivered.
    const current = query;
    const next = strategyStep(pageNumber, () => strategy.next(page, items, current));
    if (next !== undefined) {
      const key = queryKey(next);
      const earlier = seen.get(key);
      // Query values are not put in the message: cursors and tokens can be opaque account data.
      if (earlier !== undefined) {
        throw fail('pagination_loop', `Page ${pageNumber} of ${options.endpoint} points back to page ${earlier}; the provider is looping`);
      }
      seen.set(key, pageNumber + 1);
    }
    yield { items, pageNumber, page };
    if (next === undefined) return;
    if (pageNumber >= maxPages) {
      throw fail('page_cap_exceeded', `${options.endpoint} has more than ${maxPages} pages; refusing to return a truncated list`);
    }
    query = next;
  }
}

function summarize(cause: unknown): { name: string; message: string } | undefined {
  if (cause === undefined) return undefined;
  if (cause instanceof Error) return { name: cause.name, message: cause.message };
  return { name: 'Error', message: typeof cause === 'string' ? cause : `a thrown ${typeof cause}` };
}
