import { afterEach, describe, expect, it } from 'vitest';
import { collectAll, createProviderClient, cursorPagination, paginateEndpoint } from '@interlock/core';
import { replayFixtures, type Fixture, type FixtureReplay } from '../src/index.js';

const BASE = 'https://api.acme.test';
const page = (after: string | undefined, ids: string[], hasMore: boolean): Fixture => ({
  name: `list payments after ${after ?? 'start'}`,
  source: 'hand-made for the harness test',
  request: { method: 'GET', path: '/v1/payments', query: after ? { limit: '2', starting_after: after } : { limit: '2' } },
  response: { status: 200, headers: { 'content-type': 'application/json' }, body: { data: ids.map((id) => ({ id })), has_more: hasMore } },
});
const fixtures = [page(undefined, ['p1', 'p2'], true), page('p2', ['p3', 'p4'], true), page('p4', ['p5'], false)];

const client = createProviderClient({
  provider: 'acme',
  baseUrl: BASE,
  breaker: false,
  retry: { maxAttempts: 1 },
  endpoints: { list: { method: 'GET', path: '/v1/payments' }, create: { method: 'POST', path: '/v1/payments' } },
});
const strategy = cursorPagination<{ id: string }>({
  items: (body) => (body as { data: { id: string }[] }).data,
  hasMore: (body) => (body as { has_more: boolean }).has_more,
  cursorParam: 'starting_after',
  cursorOf: (item) => item.id,
  limitParam: 'limit',
  limit: 2,
});

let replay: FixtureReplay | undefined;
afterEach(() => replay?.dispose());

describe('replayFixtures', () => {
  it('serves recorded exchanges and passes when every one is used', async () => {
    replay = replayFixtures(BASE, fixtures);
    const items = await collectAll(paginateEndpoint(client, 'list', { strategy }));
    expect(items.map((item) => item.id)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    expect(() => replay?.assertDone()).not.toThrow();
  });

  it('fails a paginated read that stops after page one', async () => {
    replay = replayFixtures(BASE, fixtures);
    for await (const item of paginateEndpoint(client, 'list', { strategy })) {
      if (item.id === 'p2') break;
    }
    expect(() => replay?.assertDone()).toThrow(/expected exchange not used: GET https:\/\/api\.acme\.test:443\/v1\/payments/);
  });

  it('fails a connector that sends a request no fixture matches', async () => {
    replay = replayFixtures(BASE, fixtures.slice(0, 1));
    await expect(client.request('list', { query: { limit: 99 } })).rejects.toMatchObject({ kind: 'network' });
    await client.request('list', { query: { limit: 2 } });
    expect(replay.unmatched).toHaveLength(1);
    expect(() => replay?.assertDone()).toThrow(/no fixture matched GET/);
  });

  it('matches headers and bodies: "*" requires presence, a JSON body must match', async () => {
    replay = replayFixtures(BASE, [
      {
        name: 'create payment',
        source: 'hand-made',
        request: { method: 'POST', path: '/v1/payments', headers: { 'idempotency-key': '*' }, body: { amount: 100, customer: 'Łódź' } },
        response: { status: 201, body: { id: 'p9' } },
        times: 1,
      },
    ]);
    await expect(client.request('create', { body: { amount: 100, customer: 'Łódź' } })).resolves.toMatchObject({ status: 201, body: { id: 'p9' } });
    replay.assertDone();
    replay.dispose();
    replay.dispose();
  });

  it('accepts any query when the fixture says "*"', async () => {
    replay = replayFixtures(BASE, [{ ...page(undefined, ['p1'], false), request: { method: 'GET', path: '/v1/payments', query: '*' } }]);
    await expect(client.request('list', { query: { anything: 'goes' } })).resolves.toMatchObject({ status: 200 });
    replay.assertDone();
  });
});
