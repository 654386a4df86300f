import { describe, expect, it } from 'vitest';
import {
  collectAll,
  cursorPagination,
  offsetPagination,
  pageNumberPagination,
  paginate,
  tokenPagination,
  type PaginationStrategy,
} from '../../src/pagination/index.js';
import { failureOf } from '../support/failure.js';
import { ids, inMemory, items, type Item, type InMemoryPages } from './in-memory.js';

const scope = { provider: 'acme', endpoint: 'listItems' } as const;
const read = <T>(provider: InMemoryPages, strategy: PaginationStrategy<T>) =>
  collectAll(paginate({ ...scope, fetchPage: provider.fetchPage, strategy }));

describe('cursorPagination (Stripe: has_more + starting_after)', () => {
  interface StripeList {
    object: 'list';
    data: Item[];
    has_more: boolean;
  }
  const stripe = (all: readonly Item[]) =>
    inMemory((query) => {
      const after = query['starting_after'];
      const start = after === undefined ? 0 : all.findIndex((item) => item.id === after) + 1;
      const limit = Number(query['limit'] ?? 10);
      const data = all.slice(start, start + limit);
      return { body: { object: 'list', data, has_more: start + limit < all.length } satisfies StripeList };
    });
  const strategy = (limit?: number) =>
    cursorPagination<Item>({
      items: (body) => (body as StripeList).data,
      hasMore: (body) => (body as StripeList).has_more,
      cursorParam: 'starting_after',
      cursorOf: (last) => last.id,
      ...(limit === undefined ? {} : { limitParam: 'limit', limit }),
    });

  it('reads to the last page, continuing after the last id of each page', async () => {
    const provider = stripe(items(10));
    expect(ids(await read(provider, strategy(3)))).toEqual(ids(items(10)));
    expect(provider.queries).toEqual([
      { limit: 3 },
      { limit: 3, starting_after: 'item_3' },
      { limit: 3, starting_after: 'item_6' },
      { limit: 3, starting_after: 'item_9' },
    ]);
  });

  it('sends no size without a limit, and ends after an empty first page', async () => {
    const provider = stripe([]);
    expect(await read(provider, strategy())).toEqual([]);
    expect(provider.queries).toEqual([{}]);
  });

  it('treats only has_more === true as more (a missing flag is the end)', async () => {
    const provider = inMemory(() => ({ body: { data: items(2) } }));
    expect(await read(provider, strategy(2))).toHaveLength(2);
  });

  it('reports a page that claims more but holds nothing to continue after as malformed', async () => {
    const provider = inMemory(() => ({ body: { object: 'list', data: [], has_more: true } }));
    const error = await failureOf(read(provider, strategy(3)));
    expect(error).toMatchObject({ kind: 'contract_violation', reason: 'malformed_page', ...scope });
    expect(error.causeSummary?.message).toMatch(/more items follow/);
  });

  it('detects a provider answering the same page for every cursor', async () => {
    const provider = inMemory(() => ({ body: { object: 'list', data: items(3), has_more: true } }));
    const error = await failureOf(read(provider, strategy(3)));
    expect(error.reason).toBe('pagination_loop');
    expect(provider.queries).toHaveLength(2);
  });

  it.each([
    [{ limitParam: 'limit' }],
    [{ limit: 10 }],
    [{ limitParam: 'limit', limit: 0 }],
    [{ limitParam: 'limit', limit: 2.5 }],
  ])('refuses a half-given or bad page size %j', (size) => {
    expect(() =>
      cursorPagination<Item>({ items: () => [], hasMore: () => false, cursorParam: 'starting_after', cursorOf: (last) => last.id, ...size }),
    ).toThrow(TypeError);
  });
});

describe('tokenPagination (next_page_token in the body)', () => {
  const all = items(7);
  const token = (index: number) => Buffer.from(`offset:${index}`).toString('base64url');
  const google = (lastPage: (body: Record<string, unknown>) => Record<string, unknown> = (body) => body) =>
    inMemory((query) => {
      const given = query['pageToken'];
      const start = given === undefined ? 0 : Number(Buffer.from(String(given), 'base64url').toString().split(':')[1]);
      const size = Number(query['pageSize']);
      const end = start + size;
      const body = { results: all.slice(start, end) };
      return { body: end < all.length ? { ...body, nextPageToken: token(end) } : lastPage(body) };
    });
  const strategy = tokenPagination<Item>({
    items: (body) => (body as { results: Item[] }).results,
    nextToken: (body) => (body as { nextPageToken?: string }).nextPageToken,
    tokenParam: 'pageToken',
    limitParam: 'pageSize',
    limit: 2,
  });

  it('reads to the last page, sending back each token', async () => {
    const provider = google();
    expect(ids(await read(provider, strategy))).toEqual(ids(all));
    expect(provider.queries).toEqual([
      { pageSize: 2 },
      { pageSize: 2, pageToken: token(2) },
      { pageSize: 2, pageToken: token(4) },
      { pageSize: 2, pageToken: token(6) },
    ]);
  });

  it.each([null, ''])('ends when the last page sends the token as %j', async (last) => {
    const provider = google((body) => ({ ...body, nextPageToken: last }));
    expect(ids(await read(provider, strategy))).toEqual(ids(all));
    expect(provider.queries).toHaveLength(4);
  });

  it('reports a token that is not a string as malformed rather than ending', async () => {
    const provider = google((body) => ({ ...body, nextPageToken: 42 }));
    const error = await failureOf(read(provider, strategy));
    expect(error).toMatchObject({ reason: 'malformed_page', message: 'Page 4 of listItems could not be read' });
    expect(error.causeSummary?.message).toBe('The next-page token is a number, not a string');
  });
});

describe('offsetPagination (Razorpay: count + skip)', () => {
  interface Collection {
    entity: 'collection';
    count: number;
    items: Item[];
    total?: number;
  }
  /** `cap` is the provider's own page-size maximum, which it applies silently. */
  const razorpay = (all: readonly Item[], { cap = Infinity, withTotal = false } = {}) =>
    inMemory((query) => {
      const skip = Number(query['skip']);
      const page = all.slice(skip, skip + Math.min(Number(query['count']), cap));
      return { body: { entity: 'collection', count: page.length, items: page, ...(withTotal ? { total: all.length } : {}) } satisfies Collection };
    });
  const strategy = (limit: number, withTotal = false) =>
    offsetPagination<Item>({
      items: (body) => (body as Collection).items,
      offsetParam: 'skip',
      limitParam: 'count',
      limit,
      ...(withTotal ? { total: (body: unknown) => (body as Collection).total } : {}),
    });

  it('reads to a short last page', async () => {
    const provider = razorpay(items(10));
    expect(ids(await read(provider, strategy(3)))).toEqual(ids(items(10)));
    expect(provider.queries).toEqual([
      { skip: 0, count: 3 },
      { skip: 3, count: 3 },
      { skip: 6, count: 3 },
      { skip: 9, count: 3 },
    ]);
  });

  it('reads on to an empty page when the list divides evenly and no total is known', async () => {
    const provider = razorpay(items(9));
    expect(ids(await read(provider, strategy(3)))).toEqual(ids(items(9)));
    expect(provider.queries.map((q) => q['skip'])).toEqual([0, 3, 6, 9]);
  });

  it('stops when the offset reaches the total, without asking for an empty page', async () => {
    const provider = razorpay(items(9), { withTotal: true });
    expect(ids(await read(provider, strategy(3, true)))).toEqual(ids(items(9)));
    expect(provider.queries.map((q) => q['skip'])).toEqual([0, 3, 6]);
  });

  it('with a total, reads past pages the provider silently shortened, advancing by what arrived', async () => {
    const provider = razorpay(items(7), { cap: 2, withTotal: true });
    expect(ids(await read(provider, strategy(5, true)))).toEqual(ids(items(7)));
    expect(provider.queries.map((q) => q['skip'])).toEqual([0, 2, 4, 6]);
  });

  it('with a total, stops at an empty page (items deleted during the read)', async () => {
    const provider = inMemory((query) => ({ body: { items: query['skip'] === 0 ? items(3) : [], total: 10 } }));
    expect(await read(provider, strategy(3, true))).toHaveLength(3);
    expect(provider.queries).toHaveLength(2);
  });

  it('falls back to the short-page rule when the total is missing or null', async () => {
    const provider = inMemory((query) => ({ body: { items: query['skip'] === 0 ? items(3) : items(1), total: null } }));
    expect(await read(provider, strategy(3, true))).toHaveLength(4);
  });

  it('ends after an empty first page', async () => {
    const provider = razorpay([]);
    expect(await read(provider, strategy(3))).toEqual([]);
    expect(provider.queries).toHaveLength(1);
  });

  it('reports a total that is not a number as malformed', async () => {
    const provider = inMemory(() => ({ body: { items: items(3), total: '10' } }));
    const error = await failureOf(read(provider, strategy(3, true)));
    expect(error).toMatchObject({ reason: 'malformed_page' });
    expect(error.causeSummary?.message).toBe('The total is not a finite number (string)');
  });

  it.each([0, -3, 2.5])('refuses limit %s', (limit) => {
    expect(() => strategy(limit)).toThrow(TypeError);
  });
});

describe('pageNumberPagination', () => {
  const numberedPages = (all: readonly Item[], { base = 1, cap = Infinity, pages = false, fixedSize = 0 } = {}) =>
    inMemory((query) => {
      const size = Math.min(fixedSize || Number(query['per_page']), cap);
      const start = (Number(query['page']) - base) * size;
      const data = all.slice(start, start + size);
      return { body: { data, ...(pages ? { total_pages: Math.ceil(all.length / size) } : {}) } };
    });
  const strategy = (options: { size: number; firstPage?: number; withPages?: boolean; sizeParam?: string | false }) =>
    pageNumberPagination<Item>({
      items: (body) => (body as { data: Item[] }).data,
      pageParam: 'page',
      size: options.size,
      ...(options.sizeParam === false ? {} : { sizeParam: options.sizeParam ?? 'per_page' }),
      ...(options.firstPage === undefined ? {} : { firstPage: options.firstPage }),
      ...(options.withPages ? { totalPages: (body: unknown) => (body as { total_pages?: number }).total_pages } : {}),
    });

  it('reads to a short last page, counting from 1', async () => {
    const provider = numberedPages(items(10));
    expect(ids(await read(provider, strategy({ size: 3 })))).toEqual(ids(items(10)));
    expect(provider.queries).toEqual([
      { page: 1, per_page: 3 },
      { page: 2, per_page: 3 },
      { page: 3, per_page: 3 },
      { page: 4, per_page: 3 },
    ]);
  });

  it('counts from 0 when told, and sends no size parameter when the provider fixes the size', async () => {
    const provider = numberedPages(items(8), { base: 0, fixedSize: 3 });
    expect(ids(await read(provider, strategy({ size: 3, firstPage: 0, sizeParam: false })))).toEqual(ids(items(8)));
    expect(provider.queries).toEqual([{ page: 0 }, { page: 1 }, { page: 2 }]);
  });

  it('stops at the reported last page without asking for an empty one', async () => {
    const provider = numberedPages(items(9), { pages: true });
    expect(ids(await read(provider, strategy({ size: 3, withPages: true })))).toEqual(ids(items(9)));
    expect(provider.queries).toHaveLength(3);
  });

  it('with a page count, reads past pages the provider silently shortened', async () => {
    const provider = numberedPages(items(7), { cap: 2, pages: true });
    expect(ids(await read(provider, strategy({ size: 5, withPages: true })))).toEqual(ids(items(7)));
    expect(provider.queries.map((q) => q['page'])).toEqual([1, 2, 3, 4]);
  });

  it('with a page count and a first page of 0, the last page is count - 1', async () => {
    const provider = numberedPages(items(6), { base: 0, pages: true });
    expect(ids(await read(provider, strategy({ size: 2, firstPage: 0, withPages: true })))).toEqual(ids(items(6)));
    expect(provider.queries.map((q) => q['page'])).toEqual([0, 1, 2]);
  });

  it('with a page count, stops at an empty page', async () => {
    const provider = inMemory((query) => ({ body: { data: query['page'] === 1 ? items(3) : [], total_pages: 5 } }));
    expect(await read(provider, strategy({ size: 3, withPages: true }))).toHaveLength(3);
    expect(provider.queries).toHaveLength(2);
  });

  it('falls back to the short-page rule when the page count is null', async () => {
    const provider = inMemory((query) => ({ body: { data: query['page'] === 1 ? items(3) : items(2), total_pages: null } }));
    expect(await read(provider, strategy({ size: 3, withPages: true }))).toHaveLength(5);
  });

  it('ends after an empty first page', async () => {
    const provider = numberedPages([]);
    expect(await read(provider, strategy({ size: 3 }))).toEqual([]);
    expect(provider.queries).toHaveLength(1);
  });

  it('reports a page count that is not a number as malformed', async () => {
    const provider = inMemory(() => ({ body: { data: items(3), total_pages: Number.NaN } }));
    const error = await failureOf(read(provider, strategy({ size: 3, withPages: true })));
    expect(error.reason).toBe('malformed_page');
    expect(error.causeSummary?.message).toBe('The page count is not a finite number (number)');
  });

  it.each([
    [{ size: 0 }],
    [{ size: 1.5 }],
    [{ size: 3, firstPage: -1 }],
    [{ size: 3, firstPage: 0.5 }],
  ])('refuses %j', (options) => {
    expect(() => strategy(options)).toThrow(TypeError);
  });
});
