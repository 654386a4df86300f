import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { admitDelivery, BODY_DIGEST, checkWebhookIntake, identifyEvent, type WebhookIntake } from '../../src/connectors/index.js';
import { bodyHmacScheme, standardWebhooksScheme, timestampedHmacScheme } from '../../src/webhooks/index.js';

const SECRET = 'whsec_toy_signed_identity';
const NOW = 1_767_225_600_000;
const DAY_MS = 86_400_000;

/** A toy provider shaped like Razorpay: an HMAC of the body, an unsigned delivery-id header, a signed `created_at`. */
const toy: WebhookIntake = {
  verification: { kind: 'signature', scheme: bodyHmacScheme({ name: 'toy', header: 'x-toy-signature', algorithm: 'sha256', encoding: 'hex', idHeader: 'x-toy-event-id' }) },
  secretsEnv: 'TOY_WEBHOOK_SECRETS',
  eventId: BODY_DIGEST,
  eventType: { from: 'body', path: 'event' },
  occurredAt: { field: { from: 'body', path: 'created_at' }, format: { kind: 'unix_seconds' } },
  signed: { eventId: true, eventType: true, occurredAt: true },
  replayWindowMs: DAY_MS,
};

const body = (createdAtMs: number, event = 'thing.paid'): string => JSON.stringify({ entity: 'event', event, created_at: Math.floor(createdAtMs / 1000) });
const delivery = (rawBody: string, id: string, now = NOW) => ({ rawBody, headers: { 'x-toy-signature': createHmac('sha256', SECRET).update(rawBody).digest('hex'), 'x-toy-event-id': id }, now });

describe('checkWebhookIntake: what is signed is part of the declaration', () => {
  it('refuses an unsigned id as the dedupe key, however it is declared', () => {
    const header = [{ from: 'header', name: 'X-Toy-Event-Id' }] as const;
    expect(() => checkWebhookIntake('toy', { ...toy, eventId: header, signed: { ...toy.signed, eventId: false } })).toThrow("toy: an unsigned event id cannot be the dedupe key: declare webhooks.eventId as 'body-digest'");
    // Declaring it signed does not make it so: the body HMAC does not cover that header.
    expect(() => checkWebhookIntake('toy', { ...toy, eventId: header })).toThrow('toy: webhooks.eventId reads header x-toy-event-id, which the verification does not sign');
  });

  it('refuses a body field declared signed when the verification is a token, and a digest declared otherwise than its body', () => {
    const token: WebhookIntake = { ...toy, verification: { kind: 'shared-token', header: 'x-token' }, signed: { eventId: false, eventType: true, occurredAt: false } };
    expect(() => checkWebhookIntake('toy', token)).toThrow('toy: webhooks.signed.eventType is true but body event is not signed by the verification');
    expect(() => checkWebhookIntake('toy', { ...token, signed: { eventId: true, eventType: false, occurredAt: false } })).toThrow(/signed.eventId must be false/);
    expect(() => checkWebhookIntake('toy', { ...toy, signed: { ...toy.signed, eventId: false } })).toThrow(/signed.eventId must be true/);
    expect(() => checkWebhookIntake('toy', { ...token, signed: { eventId: false, eventType: false, occurredAt: false } })).not.toThrow();
  });

  it('accepts a body id under a body signature, and a header id only where the scheme signs that header', () => {
    expect(() => checkWebhookIntake('toy', toy)).not.toThrow();
    expect(() => checkWebhookIntake('toy', { ...toy, eventId: [{ from: 'body', path: 'id' }] })).not.toThrow();
    const standard: WebhookIntake = { ...toy, verification: { kind: 'signature', scheme: standardWebhooksScheme }, eventId: [{ from: 'header', name: 'Webhook-Id' }] };
    expect(() => checkWebhookIntake('toy', standard)).not.toThrow();
  });
});

describe('admitDelivery: identity and replay window from signed content', () => {
  it('dedupes on the signed body, so a delivery resent under a new unsigned id is the same event', () => {
    const raw = body(NOW - 60_000);
    const first = admitDelivery(toy, delivery(raw, 'evt_first'), [SECRET]);
    const resent = admitDelivery(toy, delivery(raw, 'evt_rewritten'), [SECRET]);
    expect(first).toMatchObject({ ok: true, identity: { type: 'thing.paid', occurredAt: NOW - 60_000 } });
    expect(first.ok && resent.ok && resent.identity.eventId === first.identity.eventId).toBe(true);
    expect(first.ok && first.identity.eventId).toMatch(/^sha256:[0-9a-f]{64}$/);
    const other = admitDelivery(toy, delivery(body(NOW - 59_000), 'evt_first'), [SECRET]);
    expect(other.ok && first.ok && other.identity.eventId !== first.identity.eventId).toBe(true);
  });

  it('refuses a signed time older than the window, and a delivery without the time the window needs', () => {
    expect(admitDelivery(toy, delivery(body(NOW - 30 * DAY_MS), 'evt_old'), [SECRET])).toEqual({ ok: false, refusal: 'expired', reason: 'event time outside the replay window' });
    expect(admitDelivery(toy, delivery(body(NOW - DAY_MS + 1_000), 'evt_recent'), [SECRET])).toMatchObject({ ok: true });
    expect(admitDelivery(toy, delivery('{"event":"thing.paid"}', 'evt_timeless'), [SECRET])).toEqual({
      ok: false,
      refusal: 'malformed',
      reason: 'no event time (body created_at), which the replay window needs',
    });
  });

  it('says which field is wrong, never what it held, and refuses forged or non-JSON bodies first', () => {
    const stripeLike: WebhookIntake = {
      ...toy,
      verification: { kind: 'signature', scheme: timestampedHmacScheme({ name: 'toy', header: 'toy-signature', timestampKey: 't', signatureKey: 'v1' }) },
      eventId: [{ from: 'body', path: 'id' }],
      occurredAt: { field: { from: 'body', path: 'created' }, format: { kind: 'unix_seconds' } },
      replayWindowMs: 300_000,
    };
    const signedNow = (raw: string) => {
      const t = Math.floor(NOW / 1000);
      return { rawBody: raw, headers: { 'toy-signature': `t=${t},v1=${createHmac('sha256', SECRET).update(`${t}.${raw}`).digest('hex')}` }, now: NOW };
    };
    expect(admitDelivery(stripeLike, signedNow('{"id":"evt_1","event":"x","created":"yesterday"}'), [SECRET])).toEqual({
      ok: false,
      refusal: 'malformed',
      reason: 'event time (body created) is not a time in unix_seconds',
    });
    expect(admitDelivery(stripeLike, signedNow('{"event":"x"}'), [SECRET])).toEqual({ ok: false, refusal: 'malformed', reason: 'no event id (body id)' });
    expect(admitDelivery(stripeLike, signedNow('{"id":"evt_1"}'), [SECRET])).toEqual({ ok: false, refusal: 'malformed', reason: 'no event type (body event)' });
    expect(admitDelivery(stripeLike, signedNow('not json'), [SECRET])).toEqual({ ok: false, refusal: 'malformed', reason: 'body is not JSON' });
    expect(admitDelivery(toy, { ...delivery(body(NOW), 'evt_x'), rawBody: body(NOW, 'thing.forged') }, [SECRET])).toEqual({ ok: false, refusal: 'forged', reason: 'signature_mismatch' });
  });

  it('hands back the body as the text it parsed, multi-byte characters intact', () => {
    const raw = JSON.stringify({ entity: 'event', event: 'thing.paid', created_at: Math.floor(NOW / 1000), note: 'Zoë → ₹500 🚚' });
    const admitted = admitDelivery(toy, { ...delivery(raw, 'evt_text'), rawBody: Buffer.from(raw, 'utf8') }, [SECRET]);
    expect(admitted).toMatchObject({ ok: true, text: raw });
  });

  it('identifyEvent gives the same digest from the raw body, and asks for it', () => {
    const raw = body(NOW);
    const admitted = admitDelivery(toy, delivery(raw, 'evt_a'), [SECRET]);
    expect(identifyEvent(toy, 'toy', JSON.parse(raw), {}, Buffer.from(raw))?.eventId).toBe(admitted.ok ? admitted.identity.eventId : 'not admitted');
    expect(() => identifyEvent(toy, 'toy', JSON.parse(raw), {})).toThrow('toy: the event id is a digest of the body: pass the raw body to identifyEvent');
  });
});
