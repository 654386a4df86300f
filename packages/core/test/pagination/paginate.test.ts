import { describe, expect, it } from 'vitest';
import { IntegrationError } from '../../src/index.js';
import {
  collectAll,
  DEFAULT_MAX_PAGES,
  paginate,
  paginatePages,
  tokenPagination,
  type PageQuery,
  type PaginationStrategy,
} from '../../src/pagination/index.js';
import { failureOf } from '../support/failure.js';
import { ids, inMemory, items, type Item } from './in-memory.js';

const scope = { provider: 'acme', endpoint: 'listItems' } as const;

/** Pages queried as `{ page: n }` from 1; `last` is the last page. */
function numbered(last = Infinity): PaginationStrategy<number> {
  return {
    first: () => ({ page: 1 }),
    items: (page) => page.body as number[],
    next: (_page, _items, query) => {
      const current = Number(query['page']);
      return current >= last ? undefined : { page: current + 1 };
    },
  };
}
/** Page n holds `per` items: n*10+1, n*10+2, … */
const numberedPages = (per: number) =>
  inMemory((query) => {
    const n = Number(query['page']);
    return { body: Array.from({ length: per }, (_, i) => n * 10 + i + 1) };
  });

describe('paginate', () => {
  it('reads every page to the last, in order, passing each page its query and number', async () => {
    const provider = numberedPages(2);
    const all = await collectAll(paginate({ ...scope, fetchPage: provider.fetchPage, strategy: numbered(4) }));
    expect(all).toEqual([11, 12, 21, 22, 31, 32, 41, 42]);
    expect(provider.queries).toEqual([{ page: 1 }, { page: 2 }, { page: 3 }, { page: 4 }]);
    expect(provider.pageNumbers).toEqual([1, 2, 3, 4]);
  });

  it('fetches lazily: the next page only when the consumer asks, nothing after a break', async () => {
    const provider = numberedPages(2);
    const seen: number[] = [];
    for await (const item of paginate({ ...scope, fetchPage: provider.fetchPage, strategy: numbered() })) {
      seen.push(item);
      expect(provider.queries).toHaveLength(Math.ceil(seen.length / 2));
      if (seen.length === 3) break;
    }
    expect(seen).toEqual([11, 12, 21]);
    expect(provider.queries).toHaveLength(2);
  });

  it('starts a fresh read from the first page each time it is iterated', async () => {
    const provider = numberedPages(1);
    const list = paginate({ ...scope, fetchPage: provider.fetchPage, strategy: numbered(2) });
    expect(await collectAll(list)).toEqual([11, 21]);
    expect(await collectAll(list)).toEqual([11, 21]);
    expect(provider.pageNumbers).toEqual([1, 2, 1, 2]);
  });

  it('yields pages with their number and response', async () => {
    const provider = inMemory((query) => ({ body: [query['page']], headers: { 'x-page': String(query['page']) } }));
    const pages = await collectAll(paginatePages({ ...scope, fetchPage: provider.fetchPage, strategy: numbered(3) }));
    expect(pages).toEqual([
      { items: [1], pageNumber: 1, page: { body: [1], headers: { 'x-page': '1' } } },
      { items: [2], pageNumber: 2, page: { body: [2], headers: { 'x-page': '2' } } },
      { items: [3], pageNumber: 3, page: { body: [3], headers: { 'x-page': '3' } } },
    ]);
  });

  it('ends after an empty first page when the strategy says it is the last', async () => {
    const provider = inMemory(() => ({ body: { data: [], next: undefined } }));
    const strategy = tokenPagination<Item>({
      items: (body) => (body as { data: Item[] }).data,
      nextToken: (body) => (body as { next?: string }).next,
      tokenParam: 'page_token',
    });
    expect(await collectAll(paginate({ ...scope, fetchPage: provider.fetchPage, strategy }))).toEqual([]);
    expect(provider.queries).toEqual([{}]);
  });

  describe('page cap', () => {
    it('throws page_cap_exceeded when pages remain at the cap, after yielding the pages up to it and fetching none past it', async () => {
      const provider = numberedPages(2);
      const seen: number[] = [];
      const read = (async () => {
        for await (const item of paginate({ ...scope, fetchPage: provider.fetchPage, strategy: numbered(), maxPages: 3 })) seen.push(item);
      })();
      const error = await failureOf(read);
      expect(error).toMatchObject({ kind: 'contract_violation', reason: 'page_cap_exceeded', retryable: false, ...scope });
      expect(error.message).toContain('more than 3 pages');
      expect(seen).toEqual([11, 12, 21, 22, 31, 32]);
      expect(provider.queries).toHaveLength(3);
    });

    it('does not throw when the last page is exactly at the cap', async () => {
      const provider = numberedPages(1);
      const all = await collectAll(paginate({ ...scope, fetchPage: provider.fetchPage, strategy: numbered(3), maxPages: 3 }));
      expect(all).toEqual([11, 21, 31]);
    });

    it('defaults to 1000 pages', async () => {
      expect(DEFAULT_MAX_PAGES).toBe(1000);
      const provider = inMemory(() => ({ body: [] }));
      const endless: PaginationStrategy<number> = { first: () => ({ page: 1 }), items: () => [], next: (_p, _i, q) => ({ page: Number(q['page']) + 1 }) };
      const error = await failureOf(collectAll(paginate({ ...scope, fetchPage: provider.fetchPage, strategy: endless })));
      expect(error.reason).toBe('page_cap_exceeded');
      expect(provider.queries).toHaveLength(1000);
    });

    it.each([0, -1, 1.5, Number.NaN])('refuses maxPages %s where the read is built', (maxPages) => {
      const provider = numberedPages(1);
      expect(() => paginate({ ...scope, fetchPage: provider.fetchPage, strategy: numbered(), maxPages })).toThrow(TypeError);
      expect(() => paginatePages({ ...scope, fetchPage: provider.fetchPage, strategy: numbered(), maxPages })).toThrow(/maxPages/);
    });
  });

  describe('loop detection', () => {
    it('throws pagination_loop when a next query repeats the current page’s query', async () => {
      const provider = inMemory(() => ({ body: { data: items(2), next: 'tok_same' } }));
      const strategy = tokenPagination<Item>({
        items: (body) => (body as { data: Item[] }).data,
        nextToken: (body) => (body as { next?: string }).next,
        tokenParam: 'page_token',
      });
      const seen: Item[] = [];
      const read = (async () => {
        for await (const item of paginate({ ...scope, fetchPage: provider.fetchPage, strategy })) seen.push(item);
      })();
      const error = await failureOf(read);
      expect(error).toMatchObject({ kind: 'contract_violation', reason: 'pagination_loop', ...scope });
      expect(error.message).toBe('Page 2 of listItems points back to page 2; the provider is looping');
      // The token never appears in the message: cursors can be opaque account data.
      expect(error.message).not.toContain('tok_same');
      expect(ids(seen)).toEqual(['item_1', 'item_2']);
      expect(provider.queries).toEqual([{}, { page_token: 'tok_same' }]);
    });

    it('catches a loop back to an earlier page whatever the key order or value type', async () => {
      const next: PageQuery[] = [{ b: 1, a: 'x' }, { c: [1, 2] }, { a: 'x', b: '1', z: undefined }];
      const provider = inMemory(() => ({ body: [1] }));
      const strategy: PaginationStrategy<number> = { first: () => ({}), items: (page) => page.body as number[], next: () => next.shift() };
      const error = await failureOf(collectAll(paginate({ ...scope, fetchPage: provider.fetchPage, strategy })));
      expect(error).toMatchObject({ reason: 'pagination_loop', message: 'Page 3 of listItems points back to page 2; the provider is looping' });
      expect(provider.queries).toHaveLength(3);
    });

    it('treats a next query equal to the first as a loop', async () => {
      const provider = inMemory(() => ({ body: [1] }));
      const strategy: PaginationStrategy<number> = { first: () => ({ limit: 5 }), items: () => [1], next: () => ({ limit: '5' }) };
      const error = await failureOf(collectAll(paginate({ ...scope, fetchPage: provider.fetchPage, strategy })));
      expect(error).toMatchObject({ reason: 'pagination_loop', message: 'Page 1 of listItems points back to page 1; the provider is looping' });
    });
  });

  describe('malformed pages', () => {
    it('throws malformed_page when the items are not an array, without yielding the page', async () => {
      const provider = inMemory(() => ({ body: { data: { not: 'a list' } } }));
      const strategy: PaginationStrategy<unknown> = {
        first: () => ({}),
        items: (page) => (page.body as { data: unknown[] }).data,
        next: () => undefined,
      };
      const error = await failureOf(collectAll(paginate({ ...scope, fetchPage: provider.fetchPage, strategy })));
      expect(error).toMatchObject({ kind: 'contract_violation', reason: 'malformed_page', ...scope, message: 'Page 1 of listItems has no list of items' });
    });

    it('reports an error thrown while reading a page as malformed_page, keeping the cause', async () => {
      const provider = inMemory(() => ({ body: null }));
      const strategy: PaginationStrategy<unknown> = {
        first: () => ({}),
        items: (page) => (page.body as { data: unknown[] }).data,
        next: () => undefined,
      };
      const error = await failureOf(collectAll(paginate({ ...scope, fetchPage: provider.fetchPage, strategy })));
      expect(error).toMatchObject({ reason: 'malformed_page', message: 'Page 1 of listItems could not be read', ...scope });
      expect(error.causeSummary?.name).toBe('TypeError');
    });

    it('summarises a thrown non-Error without its contents', async () => {
      const provider = inMemory(() => ({ body: [] }));
      const throwing = (thrown: unknown): PaginationStrategy<unknown> => ({
        first: () => ({}),
        items: () => [],
        next: () => {
          throw thrown;
        },
      });
      const text = await failureOf(collectAll(paginate({ ...scope, fetchPage: provider.fetchPage, strategy: throwing('odd') })));
      expect(text.causeSummary).toEqual({ name: 'Error', message: 'odd' });
      const object = await failureOf(collectAll(paginate({ ...scope, fetchPage: provider.fetchPage, strategy: throwing({ secret: 'x' }) })));
      expect(object.causeSummary).toEqual({ name: 'Error', message: 'a thrown object' });
    });

    it('lets an IntegrationError thrown by a strategy through unchanged', async () => {
      const own = new IntegrationError('business_rejected', 'no', { ...scope, reason: 'custom' });
      const provider = inMemory(() => ({ body: [] }));
      const strategy: PaginationStrategy<unknown> = {
        first: () => ({}),
        items: () => {
          throw own;
        },
        next: () => undefined,
      };
      await expect(collectAll(paginate({ ...scope, fetchPage: provider.fetchPage, strategy }))).rejects.toBe(own);
    });
  });

  it('passes a failed fetch through as it is, after the pages before it', async () => {
    const failure = new IntegrationError('unavailable', 'down', { ...scope, reason: 'http_503' });
    const seen: number[] = [];
    const fetchPage = async (query: PageQuery) => {
      if (query['page'] === 3) throw failure;
      return { body: [Number(query['page'])], headers: {} };
    };
    const read = (async () => {
      for await (const item of paginate({ ...scope, fetchPage, strategy: numbered() })) seen.push(item);
    })();
    await expect(read).rejects.toBe(failure);
    expect(seen).toEqual([1, 2]);
  });
});
