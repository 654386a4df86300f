import { createHmac } from 'node:crypto';
import { admitDelivery, authenticateDelivery, type ConnectorContext } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import { describe, expect, it } from 'vitest';
import { descriptor } from '../src/index.js';

const SECRET = 'whsec_sendcloud_descriptor_test';
const NOW = Date.UTC(2026, 0, 1, 12);
// Sendcloud's `timestamp` in milliseconds, as its one concrete example writes it.
const BODY = JSON.stringify({ action: 'parcel_status_changed', timestamp: NOW, parcel: { tracking_number: 'T1', status: { id: 11, message: 'Delivered' } } });

/** Signs as Sendcloud documents it (hex HMAC-SHA256 of the raw body, nothing else), with node:crypto only. */
function signed(rawBody: string, secret = SECRET): Record<string, string> {
  return { 'sendcloud-signature': createHmac('sha256', secret).update(rawBody).digest('hex') };
}

function context(env: Record<string, string>): ConnectorContext {
  return { env, clock: new FakeClock({ start: NOW }), telemetry: [], webhookSecrets: [SECRET] };
}

describe('sendcloud descriptor', () => {
  it('is the sendcloud connector of the logistics domain', () => {
    expect(descriptor.id).toBe('sendcloud');
    expect(descriptor.domain.name).toBe('logistics');
    expect(descriptor.webhooks.secretsEnv).toBe('SENDCLOUD_WEBHOOK_SECRETS');
  });

  it('verifies webhooks signed in the sendcloud-signature header', () => {
    const { verification } = descriptor.webhooks;
    expect(verification.kind).toBe('signature');
    if (verification.kind !== 'signature') return;
    expect(verification.scheme.name).toBe('sendcloud');
    expect(verification.scheme.read({ 'sendcloud-signature': '00' })).toBeDefined();
    expect(verification.scheme.read({ 'x-signature': '00' })).toBeUndefined();
  });

  it('accepts a delivery signed independently with node:crypto', () => {
    const delivery = { rawBody: BODY, headers: signed(BODY), now: NOW };
    expect(authenticateDelivery(descriptor.webhooks, delivery, [SECRET])).toEqual({ ok: true });
    expect(authenticateDelivery(descriptor.webhooks, delivery, ['whsec_old', SECRET])).toEqual({ ok: true });
  });

  it('admits a delivery by the millisecond timestamp in its body and refuses it a day and more later', () => {
    expect(admitDelivery(descriptor.webhooks, { rawBody: BODY, headers: signed(BODY), now: NOW + 60_000 }, [SECRET])).toMatchObject({ ok: true, identity: { occurredAt: NOW, type: 'parcel_status_changed' } });
    expect(admitDelivery(descriptor.webhooks, { rawBody: BODY, headers: signed(BODY), now: NOW + 25 * 60 * 60_000 }, [SECRET])).toMatchObject({ ok: false, refusal: 'expired' });
  });

  it('refuses a forged body, another secret and a missing signature', () => {
    const check = (rawBody: string, headers: Record<string, string>, now = NOW) => authenticateDelivery(descriptor.webhooks, { rawBody, headers, now }, [SECRET]);
    expect(check(`${BODY} `, signed(BODY))).toEqual({ ok: false, reason: 'signature_mismatch' });
    expect(check(BODY, signed(BODY, 'whsec_someone_else'))).toEqual({ ok: false, reason: 'signature_mismatch' });
    expect(check(BODY, {})).toEqual({ ok: false, reason: 'missing_signature' });
  });

  it('fails to create without its API keys, naming the variable', () => {
    expect(() => descriptor.create(descriptor.config.parse({}), context({}))).toThrow(/\bSENDCLOUD_API_KEYS\b/);
  });

  it('creates the connector from the variable its config names', () => {
    const config = descriptor.config.parse({ apiKeysEnv: 'SENDCLOUD_KEYS_FOR_TEST' });
    const connector = descriptor.create(config, context({ SENDCLOUD_KEYS_FOR_TEST: 'pk_test_one:sk_test_one,pk_test_two:sk_test_two' }));
    expect(connector.provider).toBe('sendcloud');
  });

  it('refuses a base URL with the version in it, which every endpoint path already names', () => {
    expect(descriptor.config.safeParse({ baseUrl: 'https://panel.sendcloud.sc/api/v3' }).success).toBe(false);
    expect(descriptor.config.safeParse({ baseUrl: 'https://panel.sendcloud.sc/api' }).success).toBe(true);
  });

  it('refuses an option it does not know, such as a key written into the config', () => {
    expect(descriptor.config.safeParse({ apiKey: 'sk_live_pasted' }).success).toBe(false);
  });

  it('documents positive limits for the account and every endpoint', () => {
    expect(Object.keys(descriptor.limits)).toContain('account');
    for (const [endpoint, windows] of Object.entries(descriptor.limits)) {
      expect(windows.length, endpoint).toBeGreaterThan(0);
    }
  });
});
