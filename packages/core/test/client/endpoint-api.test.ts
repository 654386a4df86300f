import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { createProviderClient, defineContract, endpointApi, isIntegrationError, type ContractEndpoint, type Transport } from '../../src/index.js';
import { FakeClock } from '../../src/testing.js';

const thingContract = defineContract({ provider: 'acme', name: 'thing', version: 'v1', schema: z.object({ id: z.string(), size: z.number() }) });
const listContract = defineContract({ provider: 'acme', name: 'thing_list', version: 'v1', schema: z.object({ items: z.array(z.object({ id: z.string() })) }) });

const endpoints = {
  getThing: { method: 'GET', path: '/things/{id}', response: thingContract },
  listThings: { method: 'GET', path: '/things', response: listContract },
} satisfies Record<string, ContractEndpoint>;

function api(bodies: Record<string, unknown>, seen: string[] = []) {
  const transport: Transport = (request) => {
    seen.push(request.url.pathname);
    return Promise.resolve({ status: 200, headers: new Headers({ 'content-type': 'application/json' }), bodyText: JSON.stringify(bodies[request.url.pathname]) });
  };
  const client = createProviderClient({ provider: 'acme', baseUrl: 'http://acme.test', endpoints, clock: new FakeClock({ autoAdvance: true }), transport, retryBudget: false });
  return endpointApi(client, endpoints);
}

describe('endpointApi', () => {
  it("parses each call's answer with its own endpoint's contract", async () => {
    const seen: string[] = [];
    const things = api({ '/things/t1': { id: 't1', size: 3 }, '/things': { items: [{ id: 't1' }] } }, seen);
    const thing: { id: string; size: number } = await things.call('getThing', { pathParams: { id: 't1' } });
    expect(thing).toEqual({ id: 't1', size: 3 });
    const { response, value } = await things.respond('listThings');
    expect(value.items.map((item) => item.id)).toEqual(['t1']);
    expect(response.status).toBe(200);
    expect(things.parse('getThing', { id: 't2', size: 1 })).toEqual({ id: 't2', size: 1 });
    expect(things.parseObject(thingContract, { id: 't3', size: 2 }, 'webhook')).toEqual({ id: 't3', size: 2 });
    expect(seen).toEqual(['/things/t1', '/things']);
  });

  it('reports an answer that breaks the contract as a contract violation', async () => {
    const error = await api({ '/things/t1': { id: 't1' } }).call('getThing', { pathParams: { id: 't1' } }).catch((caught: unknown) => caught);
    expect(isIntegrationError(error) && error.kind).toBe('contract_violation');
  });

  it('refuses an endpoint it was not given', () => {
    expect(() => api({}).parse('nope' as 'getThing', {})).toThrow('Unknown endpoint "nope" for acme');
  });
});
