import { authenticateDelivery, type ConnectorContext } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import { describe, expect, it } from 'vitest';
import { descriptor, UPS_ALERT_CREDENTIAL_HEADER } from '../src/index.js';
import { CREDENTIAL, DELIVERED_ALERT } from './fixtures/recorded.js';

const NOW = Date.UTC(2026, 0, 1, 12);
const BODY = JSON.stringify(DELIVERED_ALERT);

function context(env: Record<string, string>): ConnectorContext {
  return { env, clock: new FakeClock({ start: NOW }), telemetry: [], webhookSecrets: [CREDENTIAL] };
}

describe('ups descriptor', () => {
  it('is the ups connector of the logistics domain', () => {
    expect(descriptor.id).toBe('ups');
    expect(descriptor.domain.name).toBe('logistics');
    expect(descriptor.webhooks.secretsEnv).toBe('UPS_WEBHOOK_SECRETS');
  });

  it('authenticates Track Alert pushes by the registered credential, which signs nothing', () => {
    expect(descriptor.webhooks.verification).toEqual({ kind: 'shared-token', header: UPS_ALERT_CREDENTIAL_HEADER });
    expect(descriptor.webhooks.signed).toEqual({ eventId: false, eventType: false, occurredAt: false });
    expect(descriptor.webhooks.eventId).toBe('body-digest');
  });

  it('accepts the spec example push carrying the credential, during a rotation too, and refuses it without', () => {
    const check = (headers: Record<string, string>, secrets = [CREDENTIAL]) => authenticateDelivery(descriptor.webhooks, { rawBody: BODY, headers, now: NOW }, secrets);
    expect(check({ [UPS_ALERT_CREDENTIAL_HEADER]: CREDENTIAL })).toEqual({ ok: true });
    expect(check({ [UPS_ALERT_CREDENTIAL_HEADER]: CREDENTIAL }, ['old-credential', CREDENTIAL])).toEqual({ ok: true });
    expect(check({ [UPS_ALERT_CREDENTIAL_HEADER]: 'someone-else' })).toEqual({ ok: false, reason: 'bad_token' });
    expect(check({})).toEqual({ ok: false, reason: 'bad_token' });
  });

  it('fails to create without its OAuth2 client, naming the variable and never the value', () => {
    expect(() => descriptor.create(descriptor.config.parse({}), context({}))).toThrow(/\bUPS_CLIENT\b/);
    expect(() => descriptor.create(descriptor.config.parse({}), context({ UPS_CLIENT: 'only-an-id' }))).toThrow(/UPS_CLIENT must be client_id:client_secret/);
  });

  it('creates the connector from the variable its config names', () => {
    const config = descriptor.config.parse({ clientEnv: 'UPS_CLIENT_FOR_TEST', localZone: 'Europe/Berlin' });
    const connector = descriptor.create(config, context({ UPS_CLIENT_FOR_TEST: 'client-id:client-secret' }));
    expect(connector.provider).toBe('ups');
  });

  it('refuses an option it does not know, such as a secret written into the config', () => {
    expect(descriptor.config.safeParse({ clientSecret: 'pasted' }).success).toBe(false);
  });

  it('documents the issue\'s limits: tracking 20 a minute under 300 a minute for the account', () => {
    expect(descriptor.limits['track']).toContainEqual({ limit: 20, windowMs: 60_000 });
    expect(descriptor.limits['account']).toContainEqual({ limit: 300, windowMs: 60_000 });
    for (const [endpoint, windows] of Object.entries(descriptor.limits)) expect(windows.length, endpoint).toBeGreaterThan(0);
  });
});
