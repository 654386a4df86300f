import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  assertAuthentic,
  authenticateDelivery,
  identifyEvent,
  outsideReplayWindow,
  signsBody,
  verifiedBodyJson,
  webhookRefused,
  type WebhookIntake,
} from '../../src/connectors/index.js';
import { bodyHmacScheme, timestampedHmacScheme } from '../../src/webhooks/index.js';

const SECRET = 'whsec_fixture_intake';
const BODY = '{"id":"evt_1","kind":"thing.done","meta":{"at":1767225600}}';
const NOW = 1_767_225_660_000;

const bodyIntake: WebhookIntake = {
  verification: { kind: 'signature', scheme: bodyHmacScheme({ name: 'acme', header: 'x-acme-signature', algorithm: 'sha256', encoding: 'hex' }) },
  secretsEnv: 'ACME_WEBHOOK_SECRETS',
  eventId: [{ from: 'body', path: 'ref' }, { from: 'body', path: 'id' }],
  eventType: { from: 'body', path: 'kind' },
  occurredAt: { field: { from: 'body', path: 'meta.at' }, format: { kind: 'unix_seconds' } },
  signed: { eventId: true, eventType: true, occurredAt: true },
  replayWindowMs: 3_600_000,
};

const bodySignature = (body: string, secret = SECRET): string => createHmac('sha256', secret).update(body).digest('hex');

describe('authenticateDelivery', () => {
  it('accepts a body signed with any configured secret and refuses a forged one', () => {
    const headers = { 'x-acme-signature': bodySignature(BODY, 'old_secret_value') };
    expect(authenticateDelivery(bodyIntake, { rawBody: BODY, headers, now: NOW }, [SECRET, 'old_secret_value'])).toEqual({ ok: true });
    expect(authenticateDelivery(bodyIntake, { rawBody: `${BODY} `, headers, now: NOW }, [SECRET, 'old_secret_value'])).toMatchObject({ ok: false });
    expect(authenticateDelivery(bodyIntake, { rawBody: BODY, headers: {}, now: NOW }, [SECRET])).toMatchObject({ ok: false });
  });

  it('applies the intake replay window to a scheme that signs a timestamp', () => {
    const scheme = timestampedHmacScheme({ name: 'acme', header: 'acme-signature', timestampKey: 't', signatureKey: 'v1' });
    const intake: WebhookIntake = { ...bodyIntake, verification: { kind: 'signature', scheme }, replayWindowMs: 60_000 };
    const sentAt = Math.floor((NOW - 90_000) / 1000);
    const headers = { 'acme-signature': `t=${sentAt},v1=${createHmac('sha256', SECRET).update(`${sentAt}.${BODY}`).digest('hex')}` };
    // 90 s old: inside the scheme's default 5 minutes, outside the intake's one minute.
    expect(authenticateDelivery({ ...intake, replayWindowMs: undefined } as unknown as WebhookIntake, { rawBody: BODY, headers, now: NOW }, [SECRET])).toEqual({ ok: true });
    expect(authenticateDelivery(intake, { rawBody: BODY, headers, now: NOW }, [SECRET])).toMatchObject({ ok: false });
  });

  it('checks a shared token and basic credentials, and says only the body-signing kind proves the body', () => {
    const token: WebhookIntake = { ...bodyIntake, verification: { kind: 'shared-token', header: 'x-token' } };
    expect(authenticateDelivery(token, { rawBody: BODY, headers: { 'x-token': 'tok_b' }, now: NOW }, ['tok_a', 'tok_b'])).toEqual({ ok: true });
    expect(authenticateDelivery(token, { rawBody: BODY, headers: { 'x-token': 'tok_c' }, now: NOW }, ['tok_a'])).toEqual({ ok: false, reason: 'bad_token' });
    const basic: WebhookIntake = { ...bodyIntake, verification: { kind: 'basic', username: 'hooks' } };
    const authorization = `Basic ${Buffer.from('hooks:pw_1').toString('base64')}`;
    expect(authenticateDelivery(basic, { rawBody: BODY, headers: { authorization }, now: NOW }, ['pw_1'])).toEqual({ ok: true });
    expect(authenticateDelivery(basic, { rawBody: BODY, headers: { authorization }, now: NOW }, ['pw_2'])).toEqual({ ok: false, reason: 'bad_credentials' });
    expect([signsBody(bodyIntake), signsBody(token), signsBody(basic)]).toEqual([true, false, false]);
  });
});

describe('identifyEvent', () => {
  it('reads the id from the first field present, the type, and the time in its format', () => {
    const payload = JSON.parse(BODY) as unknown;
    expect(identifyEvent(bodyIntake, 'acme', { ...(payload as object), ref: 'ref_9' }, {})).toEqual({ eventId: 'ref_9', type: 'thing.done', occurredAt: 1_767_225_600_000 });
    expect(identifyEvent(bodyIntake, 'acme', payload, {})).toEqual({ eventId: 'evt_1', type: 'thing.done', occurredAt: 1_767_225_600_000 });
  });

  it('is undefined without an id or a type, ignores inherited keys, and throws on an unreadable time', () => {
    expect(identifyEvent(bodyIntake, 'acme', { kind: 'x' }, {})).toBeUndefined();
    expect(identifyEvent(bodyIntake, 'acme', { id: 'e', kind: '' }, {})).toBeUndefined();
    const timestamped: WebhookIntake = { ...bodyIntake, verification: { kind: 'signature', scheme: timestampedHmacScheme({ name: 'a', header: 'a', timestampKey: 't', signatureKey: 'v1' }) } };
    // The signed timestamp bounds replays there, so the event's own time may be absent.
    expect(identifyEvent(timestamped, 'acme', { id: 'e', kind: 'x', meta: [] }, {})).toEqual({ eventId: 'e', type: 'x' });
    expect(identifyEvent({ ...bodyIntake, eventType: { from: 'body', path: 'constructor' } }, 'acme', { id: 'e' }, {})).toBeUndefined();
    expect(() => identifyEvent(bodyIntake, 'acme', { id: 'e', kind: 'x', meta: { at: 'yesterday' } }, {})).toThrow('acme webhook: event time (body meta.at) is not a time in unix_seconds');
  });
});

describe('outsideReplayWindow', () => {
  it('refuses a signed event time older than the window, only where the scheme signs no timestamp', () => {
    const old = { eventId: 'e', type: 't', occurredAt: NOW - 3_600_001 };
    const fresh = { eventId: 'e', type: 't', occurredAt: NOW - 3_599_000 };
    expect(outsideReplayWindow(bodyIntake, old, NOW)).toBe(true);
    expect(outsideReplayWindow(bodyIntake, fresh, NOW)).toBe(false);
    expect(outsideReplayWindow({ ...bodyIntake, signed: { ...bodyIntake.signed, occurredAt: false } }, old, NOW)).toBe(false);
    expect(outsideReplayWindow(bodyIntake, { eventId: 'e', type: 't' }, NOW)).toBe(false);
    const timestamped: WebhookIntake = { ...bodyIntake, verification: { kind: 'signature', scheme: timestampedHmacScheme({ name: 'a', header: 'a', timestampKey: 't', signatureKey: 'v1' }) } };
    expect(outsideReplayWindow(timestamped, old, NOW)).toBe(false);
  });
});

describe('webhookRefused', () => {
  it('is an auth error that is never retried and says why without a secret', () => {
    const error = webhookRefused('acme', 'no_valid_signature');
    expect(error).toMatchObject({ kind: 'auth', reason: 'webhook_signature_invalid', retryable: false, requestMayHaveReachedProvider: false });
    expect(error.message).toBe('acme webhook refused: no_valid_signature');
  });
});

describe('assertAuthentic and verifiedBodyJson', () => {
  it('pass an authentic delivery and its JSON, refuse a forged one as auth and a non-JSON body as a contract violation', () => {
    const headers = { 'x-acme-signature': bodySignature(BODY) };
    expect(() => assertAuthentic(bodyIntake, 'acme', { rawBody: BODY, headers, now: NOW }, [SECRET])).not.toThrow();
    expect(() => assertAuthentic(bodyIntake, 'acme', { rawBody: `${BODY} `, headers, now: NOW }, [SECRET])).toThrow(expect.objectContaining({ kind: 'auth', reason: 'webhook_signature_invalid' }) as Error);
    expect(verifiedBodyJson('acme', Buffer.from(BODY))).toEqual(JSON.parse(BODY));
    expect(() => verifiedBodyJson('acme', 'not json')).toThrow(expect.objectContaining({ kind: 'contract_violation', reason: 'malformed_json', message: 'acme webhook body is not JSON' }) as Error);
  });
});
