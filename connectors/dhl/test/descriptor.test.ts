import { createHmac } from 'node:crypto';
import { authenticateDelivery, type ConnectorContext } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import { describe, expect, it } from 'vitest';
import { descriptor } from '../src/index.js';

const SECRET = 'whsec_dhl_descriptor_test';
const NOW = Date.UTC(2026, 0, 1, 12);
const SECONDS = NOW / 1000;
const BODY = JSON.stringify({ id: 'evt_1', type: 'descriptor.test', created_at: SECONDS });

/** Signs as the provider documents it, with node:crypto only. */
function signed(rawBody: string, timestamp: number, secret = SECRET): Record<string, string> {
  const signature = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
  return { 'dhl-signature': `t=${timestamp},v1=${signature}` };
}

function context(env: Record<string, string>): ConnectorContext {
  return { env, clock: new FakeClock({ start: NOW }), telemetry: [], webhookSecrets: [SECRET] };
}

describe('dhl descriptor', () => {
  it('is the dhl connector of the logistics domain', () => {
    expect(descriptor.id).toBe('dhl');
    expect(descriptor.domain.name).toBe('logistics');
    expect(descriptor.webhooks.secretsEnv).toBe('DHL_WEBHOOK_SECRETS');
  });

  it('verifies webhooks signed in the dhl-signature header', () => {
    const { verification } = descriptor.webhooks;
    expect(verification.kind).toBe('signature');
    if (verification.kind !== 'signature') return;
    expect(verification.scheme.name).toBe('dhl');
    expect(verification.scheme.read({ 'dhl-signature': 't=1,v1=00' })).toBeDefined();
    expect(verification.scheme.read({ 'x-signature': 't=1,v1=00' })).toBeUndefined();
  });

  it('accepts a delivery signed independently with node:crypto', () => {
    const delivery = { rawBody: BODY, headers: signed(BODY, SECONDS), now: NOW };
    expect(authenticateDelivery(descriptor.webhooks, delivery, [SECRET])).toEqual({ ok: true });
    expect(authenticateDelivery(descriptor.webhooks, delivery, ['whsec_old', SECRET])).toEqual({ ok: true });
  });

  it('refuses a forged body, another secret, a replay outside the window and a missing signature', () => {
    const check = (rawBody: string, headers: Record<string, string>, now = NOW) => authenticateDelivery(descriptor.webhooks, { rawBody, headers, now }, [SECRET]);
    expect(check(`${BODY} `, signed(BODY, SECONDS))).toEqual({ ok: false, reason: 'signature_mismatch' });
    expect(check(BODY, signed(BODY, SECONDS, 'whsec_someone_else'))).toEqual({ ok: false, reason: 'signature_mismatch' });
    expect(check(BODY, signed(BODY, SECONDS), NOW + 10 * 60_000)).toEqual({ ok: false, reason: 'timestamp_outside_tolerance' });
    expect(check(BODY, {})).toEqual({ ok: false, reason: 'missing_signature' });
  });

  it('fails to create without its API keys, naming the variable', () => {
    expect(() => descriptor.create(descriptor.config.parse({}), context({}))).toThrow(/\bDHL_API_KEYS\b/);
  });

  it('creates the connector from the variable its config names', () => {
    const config = descriptor.config.parse({ apiKeysEnv: 'DHL_KEYS_FOR_TEST' });
    const connector = descriptor.create(config, context({ DHL_KEYS_FOR_TEST: 'sk_test_one,sk_test_two' }));
    expect(connector.provider).toBe('dhl');
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
