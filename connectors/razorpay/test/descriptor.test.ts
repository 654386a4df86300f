import { createHash, createHmac } from 'node:crypto';
import { authenticateDelivery, collectAll, identifyEvent, outsideReplayWindow, type ConnectorContext, type Environment } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import { paymentsDomain } from '@interlock/payments';
import { describe, expect, it } from 'vitest';
import { razorpayEndpoints } from '../src/endpoints.js';
import { descriptor, RAZORPAY_DEFAULT_LIMITS, razorpayWebhookIntake, razorpayWebhookScheme } from '../src/index.js';
import { createRazorpaySimulation } from '../testing/index.js';
import { loadWebhook } from './contract/load.js';
import { WEBHOOK_SECRET } from './support.js';

const NOW = Date.UTC(2026, 0, 1, 12);
const HOUR_MS = 3_600_000;

/** What Razorpay's docs say it sends: the hex HMAC-SHA256 of the raw body, keyed with the webhook secret. */
function razorpaySignature(rawBody: string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex');
}

function context(env: Environment, overrides: Partial<ConnectorContext> = {}): ConnectorContext {
  return { env, clock: new FakeClock({ start: NOW }), telemetry: [], webhookSecrets: [WEBHOOK_SECRET], ...overrides };
}

/** The message of what `run` throws, checked to be a TypeError. */
function typeErrorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof TypeError) return error.message;
    throw error;
  }
  throw new Error('nothing was thrown');
}

describe('the Razorpay descriptor', () => {
  it('is the razorpay connector of the payments domain', () => {
    expect(descriptor.id).toBe('razorpay');
    expect(descriptor.domain).toBe(paymentsDomain);
    expect(descriptor.domain.name).toBe('payments');
    expect(descriptor.webhooks).toBe(razorpayWebhookIntake);
  });

  it('documents, per endpoint and for the account, the limits its client enforces', () => {
    const endpoints = razorpayEndpoints(RAZORPAY_DEFAULT_LIMITS);
    expect(Object.keys(descriptor.limits).sort()).toEqual([...Object.keys(endpoints), 'account'].sort());
    for (const [name, endpoint] of Object.entries(endpoints)) expect(descriptor.limits[name]).toBe(endpoint.rateLimits);
    expect(descriptor.limits['account']).toBe(RAZORPAY_DEFAULT_LIMITS.account);
  });
});

describe('the Razorpay webhook scheme', () => {
  const { rawBody } = loadWebhook('payment-authorized-sdk-mock.json');
  const delivery = (headers: Record<string, string>, body = rawBody) => ({ rawBody: body, headers, now: NOW });

  it('accepts a delivery signed as Razorpay documents it', () => {
    const headers = { 'x-razorpay-signature': razorpaySignature(rawBody, WEBHOOK_SECRET), 'x-razorpay-event-id': 'evt_Docs0000000001' };
    expect(authenticateDelivery(razorpayWebhookIntake, delivery(headers), [WEBHOOK_SECRET])).toEqual({ ok: true });
    expect(razorpayWebhookIntake.verification).toEqual({ kind: 'signature', scheme: razorpayWebhookScheme });
  });

  it('refuses a forged body, another secret, another encoding and another header', () => {
    const signature = razorpaySignature(rawBody, WEBHOOK_SECRET);
    const check = (headers: Record<string, string>, body?: string) => authenticateDelivery(razorpayWebhookIntake, delivery(headers, body), [WEBHOOK_SECRET]);
    expect(check({ 'x-razorpay-signature': signature }, rawBody.replace('1000000', '1000001'))).toEqual({ ok: false, reason: 'signature_mismatch' });
    expect(check({ 'x-razorpay-signature': razorpaySignature(rawBody, 'some_other_secret') })).toEqual({ ok: false, reason: 'signature_mismatch' });
    expect(check({ 'x-razorpay-signature': Buffer.from(signature, 'hex').toString('base64') })).toMatchObject({ ok: false });
    expect(check({ 'x-hub-signature-256': `sha256=${signature}` })).toEqual({ ok: false, reason: 'missing_signature' });
  });
});

describe('the Razorpay webhook intake', () => {
  const { rawBody } = loadWebhook('payment-authorized-sdk-mock.json');
  const body: unknown = JSON.parse(rawBody);

  it('names the event by the digest of its signed body, whatever x-razorpay-event-id says, and reads its type and created_at from the body', () => {
    const identity = identifyEvent(razorpayWebhookIntake, 'razorpay', body, { 'x-razorpay-event-id': 'evt_SdkMock0000001' }, rawBody);
    const sha256 = createHash('sha256').update(rawBody).digest('hex');
    expect(identity).toEqual({ eventId: `sha256:${sha256}`, type: 'payment.authorized', occurredAt: 1400826760_000 });
  });

  it('dedupes on the signed body, keeps secrets in RAZORPAY_WEBHOOK_SECRETS and refuses replays after 25 hours', () => {
    expect(razorpayWebhookIntake.eventId).toBe('body-digest');
    expect(razorpayWebhookIntake.signed).toEqual({ eventId: true, eventType: true, occurredAt: true });
    expect(razorpayWebhookIntake.secretsEnv).toBe('RAZORPAY_WEBHOOK_SECRETS');
    expect(razorpayWebhookIntake.replayWindowMs).toBe(25 * HOUR_MS);
    const createdAt = 1400826760_000;
    const identity = { eventId: 'evt_x', type: 'payment.authorized', occurredAt: createdAt };
    expect(outsideReplayWindow(razorpayWebhookIntake, identity, createdAt + 24 * HOUR_MS)).toBe(false);
    expect(outsideReplayWindow(razorpayWebhookIntake, identity, createdAt + 26 * HOUR_MS)).toBe(true);
  });
});

describe('the Razorpay config', () => {
  it('defaults to the variables Razorpay users know and a T+2 reporting lag', () => {
    const defaults = descriptor.config.parse({});
    expect(defaults).toEqual({ keyIdEnv: 'RAZORPAY_KEY_ID', keySecretEnv: 'RAZORPAY_KEY_SECRET', settlementLagHours: 48 });
    expect(descriptor.reportingLagMs(defaults)).toBe(48 * HOUR_MS);
    expect(descriptor.reportingLagMs(descriptor.config.parse({ settlementLagHours: 0 }))).toBe(0);
  });

  it('refuses a base URL that is not a URL and a negative lag', () => {
    expect(descriptor.config.safeParse({ baseUrl: 'api.razorpay.com' }).success).toBe(false);
    expect(descriptor.config.safeParse({ settlementLagHours: -1 }).success).toBe(false);
  });
});

describe('creating the connector from config', () => {
  const ID = 'rzp_test_descriptorKey01';
  const SECRET = 'descriptor_secret_value_01';

  it('names an unset variable, never a value', () => {
    const config = descriptor.config.parse({});
    expect(typeErrorOf(() => descriptor.create(config, context({})))).toMatch(/RAZORPAY_KEY_ID/);
    const noSecret = typeErrorOf(() => descriptor.create(config, context({ RAZORPAY_KEY_ID: ID })));
    expect(noSecret).toMatch(/RAZORPAY_KEY_SECRET/);
    expect(noSecret).not.toContain(ID);
  });

  it('refuses ids and secrets that do not pair up, naming both variables and the counts, never a value', () => {
    const config = descriptor.config.parse({ keyIdEnv: 'SHOP_RZP_IDS', keySecretEnv: 'SHOP_RZP_SECRETS' });
    const message = typeErrorOf(() => descriptor.create(config, context({ SHOP_RZP_IDS: `${ID},rzp_test_descriptorKey02`, SHOP_RZP_SECRETS: SECRET })));
    expect(message).toBe('razorpay: SHOP_RZP_IDS holds 2 key ids but SHOP_RZP_SECRETS holds 1 secrets');
  });

  it('verifies deliveries with the secrets the hub hands it, through the same intake', () => {
    const connector = descriptor.create(descriptor.config.parse({}), context({ RAZORPAY_KEY_ID: ID, RAZORPAY_KEY_SECRET: SECRET }));
    const rawBody = JSON.stringify({ entity: 'event', event: 'payment.dispute.created', contains: [], payload: {}, created_at: NOW / 1000 });
    const headers = { 'x-razorpay-signature': razorpaySignature(rawBody, WEBHOOK_SECRET), 'x-razorpay-event-id': 'evt_Hub0000000001' };
    const providerEventId = `sha256:${createHash('sha256').update(rawBody).digest('hex')}`;
    expect(connector.parseWebhook({ rawBody, headers, now: NOW })).toMatchObject([{ providerEventId, rawType: 'payment.dispute.created' }]);
    const forged = { ...headers, 'x-razorpay-signature': razorpaySignature(rawBody, 'not_the_hub_secret') };
    expect(() => connector.parseWebhook({ rawBody, headers: forged, now: NOW })).toThrow(expect.objectContaining({ kind: 'auth', reason: 'webhook_signature_invalid' }) as Error);
  });

  it('pairs the n-th id with the n-th secret and moves to the next pair on a 401', async () => {
    const clock = new FakeClock({ autoAdvance: true, start: NOW });
    const simulation = await createRazorpaySimulation({ clock, webhookSecret: WEBHOOK_SECRET });
    try {
      const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
      const active = basic('rzp_test_activeKey0001', 'active_secret_0001');
      simulation.simulator.route('GET', '/v1/payments', (request) =>
        request.headers['authorization'] === active
          ? { status: 200, body: { entity: 'collection', count: 0, items: [] } }
          : { status: 401, body: { error: { code: 'BAD_REQUEST_ERROR', description: 'Authentication failed', source: 'NA', step: 'NA', reason: 'NA', metadata: {} } } },
      );
      const env = { RAZORPAY_KEY_ID: 'rzp_test_retiredKey001, rzp_test_activeKey0001', RAZORPAY_KEY_SECRET: 'retired_secret_001,active_secret_0001' };
      const connector = descriptor.create(descriptor.config.parse({ baseUrl: simulation.simulator.url }), context(env, { clock, fetch: clock.trackFetch() }));
      expect(await collectAll(connector.listPaymentAttempts())).toEqual([]);
      expect(simulation.simulator.requests.map((request) => request.headers['authorization'])).toEqual([basic('rzp_test_retiredKey001', 'retired_secret_001'), active]);
    } finally {
      await simulation.simulator.close();
    }
  });
});
