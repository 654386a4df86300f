import type { QueryValue } from '../client/endpoint.js';
import type { ItemsOf, PageQuery, PageResponse, PaginationStrategy } from './strategy.js';

/** One link of an RFC 8288 `Link` header. */
export interface WebLink {
  /** The target as written, possibly relative. */
  uri: string;
  /** Relation types, lower-cased: `rel="next last"` gives `['next', 'last']`. */
  rels: readonly string[];
  /** Every parameter by lower-cased name; the first occurrence wins, as RFC 8288 asks. */
  params: Readonly<Record<string, string>>;
}

/**
 * Parses a `Link` header value (several headers joined with commas read the same). Commas and
 * semicolons inside `<…>` and quoted strings are not separators; parameter values may be quoted
 * (with backslash escapes) or bare tokens. A stretch that is not a link is skipped up to the next
 * comma, so one odd entry does not hide the others.
 */
export function parseLinkHeader(value: string): WebLink[] {
  const links: WebLink[] = [];
  let i = 0;
  const skipSpace = (): void => {
    while (i < value.length && /\s/.test(value.charAt(i))) i++;
  };
  const readUntil = (stop: RegExp): string => {
    const start = i;
    while (i < value.length && !stop.test(value.charAt(i))) i++;
    return value.slice(start, i);
  };
  const readQuoted = (): string => {
    let text = '';
    for (i++; i < value.length && value.charAt(i) !== '"'; i++) {
      if (value.charAt(i) === '\\') i++;
      text += value.charAt(i);
    }
    i++;
    return text;
  };
  // Skips to the next comma outside quotes and angle brackets (the main loop steps over it).
  const skipEntry = (): void => {
    while (i < value.length && value.charAt(i) !== ',') {
      if (value.charAt(i) === '"') readQuoted();
      else if (value.charAt(i) === '<') readUntil(/>/);
      else i++;
    }
  };

  while (i < value.length) {
    skipSpace();
    if (value.charAt(i) === ',') {
      i++;
      continue;
    }
    if (value.charAt(i) !== '<') {
      skipEntry();
      continue;
    }
    i++;
    const uri = readUntil(/>/);
    if (i >= value.length) break;
    i++;
    const params: Record<string, string> = {};
    for (;;) {
      skipSpace();
      if (value.charAt(i) !== ';') break;
      i++;
      skipSpace();
      const name = readUntil(/[\s=;,]/).toLowerCase();
      skipSpace();
      let paramValue = '';
      if (value.charAt(i) === '=') {
        i++;
        skipSpace();
        paramValue = value.charAt(i) === '"' ? readQuoted() : readUntil(/[\s;,]/);
      }
      if (name !== '' && !(name in params)) params[name] = paramValue;
    }
    skipEntry();
    const rels = (params['rel'] ?? '').toLowerCase().split(/\s+/).filter((rel) => rel !== '');
    links.push({ uri, rels, params });
  }
  return links;
}

/** A header's value by case-insensitive name; repeated headers arrive already joined by the transport. */
export function headerValue(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** The query parameters of a URL, absolute or relative; a repeated parameter becomes a list. */
export function queryOfUrl(uri: string): PageQuery {
  // The base only lets relative targets parse; only the query is kept.
  const url = new URL(uri, 'http://link.invalid/');
  const query: Record<string, QueryValue> = {};
  for (const name of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(name);
    query[name] = values.length === 1 ? values[0] : values;
  }
  return query;
}

/** The target of the `rel="next"` link, or undefined when there is none (the last page). */
export function nextLink(page: PageResponse): string | undefined {
  const header = headerValue(page.headers, 'link');
  if (header === undefined) return undefined;
  const links = parseLinkHeader(header);
  // A Link header that yields no link at all is garbage, not "no next page": ending there could
  // truncate the list, so it is reported as a broken page.
  if (links.length === 0) throw new TypeError('The Link header holds no link');
  return links.find((link) => link.rels.includes('next'))?.uri;
}

/** Options for paging by `Link` headers; the page size and filters go in the caller's query. */
export interface LinkHeaderPaginationOptions<T> {
  items: ItemsOf<T>;
}

/**
 * Paging by RFC 8288 `Link` headers (GitHub style:
 * `Link: <https://api.example/items?page=2&per_page=50>; rel="next"`). The next query is the
 * query of the next link, so whatever the provider puts there (page, cursor, size, filters) is
 * sent back as given. Only the query is followed: the request still goes to the endpoint's own
 * path, so a provider whose next links change the path needs its own strategy (the loop check
 * then stops the read rather than letting it repeat).
 */
export function linkHeaderPagination<T>(options: LinkHeaderPaginationOptions<T>): PaginationStrategy<T> {
  return {
    first: () => ({}),
    items: (page) => options.items(page.body),
    next(page) {
      const uri = nextLink(page);
      return uri === undefined ? undefined : queryOfUrl(uri);
    },
  };
}
