import { describe, expect, it } from 'vitest';
import { IntegrationError, type ProviderClient, type ProviderResponse } from '../../src/index.js';
import {
  collectAll,
  cursorPagination,
  linkHeaderPagination,
  paginateEndpoint,
  type PageCallOptions,
} from '../../src/pagination/index.js';
import type { RecordedRequest } from '../../src/testing.js';
import { failureOf } from '../support/failure.js';
import { harness, maxInAnyWindow } from '../support/harness.js';
import { ids, items, type Item } from './in-memory.js';

const LIMIT = { limit: 2, windowMs: 1_000 };
const PER_PAGE = 3;
const PAGES = 5;
const all = items(PAGES * PER_PAGE - 1);

/** GitHub-style pages of `all` with an absolute next link on every page but the last. */
function linkedPage(baseUrl: string, request: RecordedRequest) {
  const params = new URLSearchParams(request.query);
  const page = Number(params.get('page') ?? 1);
  const headers: Record<string, string> =
    page < PAGES ? { link: `<${baseUrl}/items?page=${page + 1}&per_page=${PER_PAGE}>; rel="next", <${baseUrl}/items?page=${PAGES}>; rel="last"` } : {};
  return { status: 200, headers, body: all.slice((page - 1) * PER_PAGE, page * PER_PAGE) };
}

const endpoints = { list: { method: 'GET', path: '/items', rateLimits: [LIMIT] } } as const;
const strategy = linkHeaderPagination<Item>({ items: (body) => body as Item[] });

describe('paginateEndpoint over real HTTP', () => {
  it('reads every page in order, each page waiting for its rate-limit slot', async () => {
    const { server, client, clock } = await harness(endpoints, { breaker: false });
    server.route('GET', '/items', (request) => linkedPage(server.url, request));
    const started = clock.now();
    const read = await collectAll(paginateEndpoint(client, 'list', { strategy, call: { query: { state: 'open' } } }));
    expect(ids(read)).toEqual(ids(all));
    expect(server.requests.map((r) => r.query)).toEqual([
      'state=open',
      'state=open&page=2&per_page=3',
      'state=open&page=3&per_page=3',
      'state=open&page=4&per_page=3',
      'state=open&page=5&per_page=3',
    ]);
    const arrivals = server.requests.map((r) => r.at);
    expect(maxInAnyWindow(arrivals, LIMIT.windowMs)).toBeLessThanOrEqual(LIMIT.limit);
    // Pages 3 and 5 each wait out a window: two per second means five pages span at least 2 s.
    expect(arrivals[2]! - arrivals[0]!).toBeGreaterThanOrEqual(LIMIT.windowMs);
    expect(arrivals[4]! - arrivals[2]!).toBeGreaterThanOrEqual(LIMIT.windowMs);
    expect(clock.now() - started).toBeGreaterThanOrEqual(2 * LIMIT.windowMs);
  });

  it('fetches the next page only when the consumer gets to it', async () => {
    const { server, client } = await harness(endpoints, { breaker: false });
    server.route('GET', '/items', (request) => linkedPage(server.url, request));
    const seen: Item[] = [];
    for await (const item of paginateEndpoint(client, 'list', { strategy })) {
      seen.push(item);
      if (seen.length === PER_PAGE + 1) break;
    }
    expect(ids(seen)).toEqual(ids(all.slice(0, PER_PAGE + 1)));
    expect(server.count('GET', '/items')).toBe(2);
  });

  it('retries a 503 on page 3 like any call, and the read still completes', async () => {
    const { server, client, sink } = await harness(endpoints, { breaker: false });
    let failedOnce = false;
    server.route('GET', '/items', (request) => {
      if (new URLSearchParams(request.query).get('page') === '3' && !failedOnce) {
        failedOnce = true;
        return { status: 503, body: { error: 'busy' } };
      }
      return linkedPage(server.url, request);
    });
    const read = await collectAll(paginateEndpoint(client, 'list', { strategy }));
    expect(ids(read)).toEqual(ids(all));
    expect(server.requests.map((r) => new URLSearchParams(r.query).get('page'))).toEqual([null, '2', '3', '3', '4', '5']);
    expect(sink.ofType('request.retried')).toMatchObject([{ reason: 'http_503' }]);
    // The retry took a rate-limit slot too: the provider never saw more than the limit.
    expect(maxInAnyWindow(server.requests.map((r) => r.at), LIMIT.windowMs)).toBeLessThanOrEqual(LIMIT.limit);
  });

  it('asks again for a page that outlasted the client’s retries, from the same cursor, instead of failing the read', async () => {
    const { server, client } = await harness(endpoints, { breaker: false });
    let failures = 0;
    server.route('GET', '/items', (request) => {
      // Three 503s spend the client's three attempts; the fourth request (a page attempt) succeeds.
      if (new URLSearchParams(request.query).get('page') === '3' && failures < 3) {
        failures++;
        return { status: 503, body: { error: 'busy' } };
      }
      return linkedPage(server.url, request);
    });
    const read = await collectAll(paginateEndpoint(client, 'list', { strategy }));
    expect(ids(read)).toEqual(ids(all));
    expect(server.requests.map((r) => new URLSearchParams(r.query).get('page'))).toEqual([null, '2', '3', '3', '3', '3', '4', '5']);

    failures = 0;
    const error = await failureOf(collectAll(paginateEndpoint(client, 'list', { strategy, pageAttempts: 1 })));
    expect(error).toMatchObject({ kind: 'unavailable', status: 503 });
  });

  it('reports the provider’s failure, not the open circuit that followed it, when a page never comes', async () => {
    const { server, client } = await harness(endpoints, { breaker: { minimumThroughput: 4, failureRatio: 0.5 } });
    server.route('GET', '/items', () => ({ status: 429, headers: { 'retry-after': '1' }, body: { error: 'slow down' } }));
    const error = await failureOf(collectAll(paginateEndpoint(client, 'list', { strategy })));
    expect(error).toMatchObject({ kind: 'rate_limited', status: 429 });
    expect(client.circuitState('list')).toBe('open');
  });

  it('ends the read with the page’s error when a page fails for good, after the pages before it', async () => {
    const { server, client } = await harness(endpoints, { breaker: false });
    server.route('GET', '/items', (request) =>
      new URLSearchParams(request.query).get('page') === '3' ? { status: 404, body: {} } : linkedPage(server.url, request),
    );
    const seen: Item[] = [];
    const reading = (async () => {
      for await (const item of paginateEndpoint(client, 'list', { strategy })) seen.push(item);
    })();
    const error = await failureOf(reading);
    expect(error).toMatchObject({ kind: 'not_found', provider: 'acme', endpoint: 'list', status: 404 });
    expect(seen).toHaveLength(2 * PER_PAGE);
  });

  it('pages a Stripe-style list with the strategy’s parameters over the caller’s, honouring maxPages', async () => {
    const { server, client } = await harness({ charges: { method: 'GET', path: '/v1/charges' } } as const, { breaker: false });
    server.route('GET', '/v1/charges', (request) => {
      const params = new URLSearchParams(request.query);
      const after = params.get('starting_after');
      const start = after === null ? 0 : all.findIndex((item) => item.id === after) + 1;
      const limit = Number(params.get('limit'));
      return { status: 200, body: { object: 'list', data: all.slice(start, start + limit), has_more: start + limit < all.length } };
    });
    const stripe = cursorPagination<Item>({
      items: (body) => (body as { data: Item[] }).data,
      hasMore: (body) => (body as { has_more: boolean }).has_more,
      cursorParam: 'starting_after',
      cursorOf: (last) => last.id,
      limitParam: 'limit',
      limit: 5,
    });
    const call: PageCallOptions = { query: { limit: 100, 'created[gte]': 1_700_000_000 }, headers: { 'Stripe-Version': '2024-06-20' } };
    expect(ids(await collectAll(paginateEndpoint(client, 'charges', { strategy: stripe, call })))).toEqual(ids(all));
    expect(server.requests.map((r) => new URLSearchParams(r.query).get('limit'))).toEqual(['5', '5', '5']);
    expect(server.requests.every((r) => new URLSearchParams(r.query).get('created[gte]') === '1700000000')).toBe(true);
    expect(server.requests.every((r) => r.headers['stripe-version'] === '2024-06-20')).toBe(true);

    const capped = await failureOf(collectAll(paginateEndpoint(client, 'charges', { strategy: stripe, maxPages: 2 })));
    expect(capped).toMatchObject({ kind: 'contract_violation', reason: 'page_cap_exceeded', provider: 'acme', endpoint: 'charges' });
  });
});

describe('paginateEndpoint refuses fallback answers as pages', () => {
  const stubClient = (response: Partial<ProviderResponse>): ProviderClient<'list'> =>
    ({
      provider: 'acme',
      request: async () => ({ status: 0, headers: {}, body: [], attempts: 1, correlationId: 'c', idempotencyKey: undefined, source: 'fallback', ...response }),
    }) as unknown as ProviderClient<'list'>;

  it('throws the failure a fallback stood in for', async () => {
    const degradedBy = new IntegrationError('unavailable', 'down', { provider: 'acme', endpoint: 'list', reason: 'circuit_open' });
    await expect(collectAll(paginateEndpoint(stubClient({ degradedBy }), 'list', { strategy }))).rejects.toBe(degradedBy);
  });

  it('throws unavailable when a fallback answer carries no failure', async () => {
    const error = await failureOf(collectAll(paginateEndpoint(stubClient({}), 'list', { strategy })));
    expect(error).toMatchObject({ kind: 'unavailable', reason: 'fallback_page', provider: 'acme', endpoint: 'list' });
  });

  it('over real HTTP, a fallback slipped past the types fails the read instead of shortening it', async () => {
    const { server, client } = await harness({ list: { method: 'GET', path: '/items', retry: { maxAttempts: 1 } } } as const, { breaker: false });
    server.route('GET', '/items', () => ({ status: 503 }));
    const call = { fallback: () => [] } as unknown as PageCallOptions;
    const error = await failureOf(collectAll(paginateEndpoint(client, 'list', { strategy, call })));
    expect(error).toMatchObject({ kind: 'unavailable', reason: 'http_503' });
  });
});
