import { describe, expect, it } from 'vitest';
import {
  collectAll,
  headerValue,
  linkHeaderPagination,
  nextLink,
  paginate,
  parseLinkHeader,
  queryOfUrl,
} from '../../src/pagination/index.js';
import { failureOf } from '../support/failure.js';
import { ids, inMemory, items, type Item } from './in-memory.js';

const scope = { provider: 'acme', endpoint: 'listItems' } as const;

describe('parseLinkHeader (RFC 8288)', () => {
  it('reads several links with quoted and bare rel values', () => {
    expect(
      parseLinkHeader('<https://api.example/items?page=2&per_page=50>; rel="next", <https://api.example/items?page=9&per_page=50>; rel=last'),
    ).toEqual([
      { uri: 'https://api.example/items?page=2&per_page=50', rels: ['next'], params: { rel: 'next' } },
      { uri: 'https://api.example/items?page=9&per_page=50', rels: ['last'], params: { rel: 'last' } },
    ]);
  });

  it('splits rel lists and lower-cases relation types and parameter names', () => {
    const [link] = parseLinkHeader('</items?page=3>;  REL="Next   Last" ; Title="Page Three"');
    expect(link).toEqual({ uri: '/items?page=3', rels: ['next', 'last'], params: { rel: 'Next   Last', title: 'Page Three' } });
  });

  it('does not split on commas or semicolons inside <…> or quoted strings, and unescapes quotes', () => {
    const links = parseLinkHeader('<https://a.example/x?ids=1,2;3>; title="a, \\"b\\"; c"; rel="next",<https://a.example/y>;rel="prev"');
    expect(links.map((l) => [l.uri, l.rels])).toEqual([
      ['https://a.example/x?ids=1,2;3', ['next']],
      ['https://a.example/y', ['prev']],
    ]);
    expect(links[0]?.params['title']).toBe('a, "b"; c');
  });

  it('keeps the first of a repeated parameter, and takes valueless parameters', () => {
    const [link] = parseLinkHeader('</a>; rel="prev"; rel="next"; crossorigin; =x');
    expect(link).toEqual({ uri: '/a', rels: ['prev'], params: { rel: 'prev', crossorigin: '' } });
  });

  it('skips entries that are not links, and stops at an unterminated target', () => {
    expect(parseLinkHeader('junk "with, comma", rel=next, </ok>; rel="next" extra; rel=x, <unterminated').map((l) => l.uri)).toEqual(['/ok']);
    expect(parseLinkHeader(' , ,')).toEqual([]);
    expect(parseLinkHeader('junk <a,b> "c,d", </ok>; rel=next').map((l) => l.uri)).toEqual(['/ok']);
    expect(parseLinkHeader('<https://x.example/a>')).toEqual([{ uri: 'https://x.example/a', rels: [], params: {} }]);
    expect(parseLinkHeader('<https://x.example/<b>; rel="next", <c>; rel="prev"').map((l) => l.uri)).toEqual(['https://x.example/<b', 'c']);
  });

  it('survives an unterminated quoted string', () => {
    expect(parseLinkHeader('<a>; title="open')).toEqual([{ uri: 'a', rels: [], params: { title: 'open' } }]);
    expect(parseLinkHeader('x "open')).toEqual([]);
  });
});

describe('link helpers', () => {
  it('finds a header by any case', () => {
    expect(headerValue({ LINK: 'a' }, 'link')).toBe('a');
    expect(headerValue({ link: 'b' }, 'Link')).toBe('b');
    expect(headerValue({ other: 'c' }, 'link')).toBeUndefined();
  });

  it('takes the query of absolute and relative URLs, repeated parameters as lists', () => {
    expect(queryOfUrl('https://api.example/items?page=2&per_page=50')).toEqual({ page: '2', per_page: '50' });
    expect(queryOfUrl('/items?status=open&status=closed&q=M%C3%BCller+GmbH')).toEqual({ status: ['open', 'closed'], q: 'Müller GmbH' });
    expect(queryOfUrl('?cursor=abc')).toEqual({ cursor: 'abc' });
    expect(queryOfUrl('https://api.example/items')).toEqual({});
  });

  it('finds the next link among others, or none on the last page', () => {
    expect(nextLink({ body: null, headers: { link: '</p1>; rel="first", </p3>; rel="next last"' } })).toBe('/p3');
    expect(nextLink({ body: null, headers: { Link: '</p1>; rel="first", </p2>; rel="prev"' } })).toBeUndefined();
    expect(nextLink({ body: null, headers: {} })).toBeUndefined();
  });

  it('treats a Link header with no link in it as broken, not as the end', () => {
    expect(() => nextLink({ body: null, headers: { link: 'garbage' } })).toThrow(/holds no link/);
  });
});

describe('linkHeaderPagination', () => {
  const all = items(11);
  /** GitHub-style pages: `page` and `per_page`, a Link header with first/prev/next/last as they apply. */
  const github = (options: { relative?: boolean; headerName?: string } = {}) =>
    inMemory((query) => {
      const page = Number(query['page'] ?? 1);
      const perPage = Number(query['per_page'] ?? 4);
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const url = (n: number) => `${options.relative ? '' : 'https://api.example'}/items?page=${n}&per_page=${perPage}`;
      const links = [`<${url(1)}>; rel="first"`];
      if (page > 1) links.push(`<${url(page - 1)}>; rel="prev"`);
      if (page < last) links.push(`<${url(page + 1)}>; rel="next"`, `<${url(last)}>; rel="last"`);
      return { body: all.slice((page - 1) * perPage, page * perPage), headers: { [options.headerName ?? 'link']: links.join(', ') } };
    });
  const strategy = linkHeaderPagination<Item>({ items: (body) => body as Item[] });
  const read = (fetchPage: ReturnType<typeof github>['fetchPage']) => collectAll(paginate({ ...scope, fetchPage, strategy }));

  it.each([
    ['absolute links', {}],
    ['relative links under a capitalised header', { relative: true, headerName: 'Link' }],
  ])('reads to the last page following %s', async (_name, options) => {
    const provider = github(options);
    expect(ids(await read(provider.fetchPage))).toEqual(ids(all));
    expect(provider.queries).toEqual([
      {},
      { page: '2', per_page: '4' },
      { page: '3', per_page: '4' },
    ]);
  });

  it('ends after an empty first page with no Link header', async () => {
    const provider = inMemory(() => ({ body: [] }));
    expect(await read(provider.fetchPage)).toEqual([]);
    expect(provider.queries).toEqual([{}]);
  });

  it('reports a garbled Link header as a malformed page', async () => {
    const provider = inMemory(() => ({ body: items(2), headers: { link: 'next=/items?page=2' } }));
    const error = await failureOf(read(provider.fetchPage));
    expect(error).toMatchObject({ kind: 'contract_violation', reason: 'malformed_page', ...scope });
  });

  it('detects a next link pointing back to a page already read', async () => {
    const provider = inMemory((query) => ({
      body: items(1),
      headers: { link: query['page'] === '2' ? '</items?page=1>; rel="next"' : '</items?page=2>; rel="next", </items?page=1>; rel="prev"' },
    }));
    const error = await failureOf(read(provider.fetchPage));
    expect(error).toMatchObject({ reason: 'pagination_loop', message: 'Page 3 of listItems points back to page 2; the provider is looping' });
  });
});
