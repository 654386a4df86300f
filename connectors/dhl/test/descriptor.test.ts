import { authenticateDelivery, systemClock, type ConnectorContext } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import { describe, expect, it } from 'vitest';
import { createDhlConnector, descriptor, DHL_API_BASE_URL } from '../src/index.js';
import { API_KEY, EXPRESS, FROM, TO, thrown } from './helpers.js';

const NOW = Date.UTC(2026, 0, 1, 12);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function context(env: Record<string, string>): ConnectorContext {
  return { env, clock: new FakeClock({ start: NOW }), telemetry: [], webhookSecrets: [] };
}

describe('dhl descriptor', () => {
  it('is the dhl connector of the logistics domain, on DHL production by default', () => {
    expect(descriptor.id).toBe('dhl');
    expect(descriptor.domain.name).toBe('logistics');
    expect(descriptor.config.parse({}).baseUrl).toBe(DHL_API_BASE_URL);
    expect(DHL_API_BASE_URL).toBe('https://api-eu.dhl.com/track');
  });

  it('fails to create without its API keys, naming the variable', () => {
    expect(() => descriptor.create(descriptor.config.parse({}), context({}))).toThrow(/\bDHL_API_KEYS\b/);
  });

  it('creates the connector from the variable its config names', () => {
    const config = descriptor.config.parse({ apiKeysEnv: 'DHL_KEYS_FOR_TEST' });
    expect(descriptor.create(config, context({ DHL_KEYS_FOR_TEST: 'key_one,key_two' })).provider).toBe('dhl');
  });

  it('creates DHL Express from its pair and account: HTTP Basic to the Express base URL, apart from the tracking key', async () => {
    const sent: { url: string; authorization: string | null; key: string | null }[] = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const request = new Request(input, init);
      // Read as a server would: a POST body nobody reads holds the client's copy of it open.
      await request.text();
      sent.push({ url: request.url, authorization: request.headers.get('authorization'), key: request.headers.get('dhl-api-key') });
      return new Response(JSON.stringify({ products: [] }), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const env = { DHL_API_KEYS: API_KEY, DHL_EXPRESS_USERNAME: EXPRESS.username, DHL_EXPRESS_PASSWORD: EXPRESS.password, DHL_EXPRESS_ACCOUNT_NUMBER: EXPRESS.accountNumber };
    const connector = descriptor.create(descriptor.config.parse({ expressBaseUrl: 'https://express.example.test/mydhlapi' }), { ...context(env), clock: systemClock, fetch });
    const cm = { value: 10, unit: 'cm' as const };
    await expect(connector.quoteRates({ from: FROM, to: TO, parcels: [{ weight: { value: 1, unit: 'kg' }, dimensions: { length: cm, width: cm, height: cm } }] })).resolves.toEqual([]);
    expect(sent).toEqual([{ url: 'https://express.example.test/mydhlapi/rates', authorization: `Basic ${Buffer.from(`${EXPRESS.username}:${EXPRESS.password}`).toString('base64')}`, key: null }]);
  });

  it('refuses half an Express pair, or a pair without its account, naming the variable and never a value', () => {
    const config = descriptor.config.parse({});
    expect(() => descriptor.create(config, context({ DHL_API_KEYS: API_KEY, DHL_EXPRESS_USERNAME: EXPRESS.username }))).toThrow(/DHL_EXPRESS_PASSWORD is not set/);
    expect(() => descriptor.create(config, context({ DHL_API_KEYS: API_KEY, DHL_EXPRESS_PASSWORD: EXPRESS.password }))).toThrow(/DHL_EXPRESS_USERNAME is not set/);
    const noAccount = thrown(() => descriptor.create(config, context({ DHL_API_KEYS: API_KEY, DHL_EXPRESS_USERNAME: EXPRESS.username, DHL_EXPRESS_PASSWORD: EXPRESS.password })));
    expect(String(noAccount)).toMatch(/DHL_EXPRESS_ACCOUNT_NUMBER/);
    expect(String(noAccount)).not.toContain(EXPRESS.password);
  });

  it('refuses an option it does not know, such as a key written into the config', () => {
    expect(descriptor.config.safeParse({ apiKey: 'pasted' }).success).toBe(false);
  });

  it('documents the daily quota account-wide and the tracking burst on its one endpoint', () => {
    expect(descriptor.limits).toEqual({ account: [{ limit: 250, windowMs: DAY }], track: [{ limit: 20, windowMs: MINUTE }] });
  });

  it('refuses every webhook delivery: DHL sends none, so none can be authentic', () => {
    const connector = createDhlConnector({ apiKeys: [API_KEY] });
    const delivery = { rawBody: JSON.stringify({ type: 'shipment.delivered' }), headers: { 'dhl-webhook-token': 'guess' }, now: NOW };
    expect(thrown(() => connector.parseWebhook(delivery))).toMatchObject({ kind: 'auth', reason: 'webhook_signature_invalid' });
    expect(thrown(() => connector.eventsFromVerifiedBody(delivery.rawBody, 'evt'))).toMatchObject({ kind: 'contract_violation' });
    expect(authenticateDelivery(descriptor.webhooks, delivery, ['a-token-dhl-never-sends']).ok).toBe(false);
  });

  it('refuses rates and labels without Express credentials, and what neither API offers, before any call, with a typed error', async () => {
    let calls = 0;
    const fetch: typeof globalThis.fetch = () => {
      calls++;
      return Promise.resolve(new Response(null, { status: 500 }));
    };
    const connector = createDhlConnector({ apiKeys: [API_KEY], fetch });
    const unsupported = { kind: 'invalid_request', reason: 'operation_unsupported', retryable: false };
    const parcels = [{ weight: { value: 1, unit: 'kg' as const } }];
    await expect(connector.quoteRates({ from: FROM, to: TO, parcels })).rejects.toMatchObject(unsupported);
    await expect(connector.createShipment({ from: FROM, to: TO, parcels, service: 'express', reference: 'order-1' })).rejects.toMatchObject(unsupported);
    await expect(connector.cancelShipment('1')).rejects.toMatchObject(unsupported);
    await expect(connector.getShipment('1')).rejects.toMatchObject(unsupported);
    await expect(connector.findShipmentByReference('order-1')).rejects.toMatchObject(unsupported);
    const listing = connector.listShipments()[Symbol.asyncIterator]();
    await expect(listing.next()).rejects.toMatchObject(unsupported);
    expect(calls).toBe(0);
  });
});
