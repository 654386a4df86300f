import { describe, expect, it } from 'vitest';
import {
  bodyHmacScheme,
  signWebhook,
  standardWebhooksScheme,
  verifyWebhook,
  type SignatureScheme,
} from '../../src/webhooks/index.js';
import { BODY, RAZORPAY_SECRET, STANDARD_SECRET, STRIPE_OLD_SECRET, STRIPE_SECRET, T_MS, T_SECONDS, razorpayScheme,
  stripeScheme,
} from './fixtures.js';
import { opensslHmacBase64, opensslHmacHex } from './openssl.js';

const body = Buffer.from(BODY, 'utf8');

describe('stripeScheme', () => {
  const current = opensslHmacHex('sha256', STRIPE_SECRET, `${T_SECONDS}.${BODY}`);
  const previous = opensslHmacHex('sha256', STRIPE_OLD_SECRET, `${T_SECONDS}.${BODY}`);
  const check = (header: string | string[], secrets: readonly string[] = [STRIPE_SECRET]) =>
    verifyWebhook(stripeScheme, { rawBody: body, headers: { 'stripe-signature': header }, secrets, now: T_MS });

  it('accepts any of several v1 signatures (Stripe overlapping a rolled secret)', () => {
    expect(check(`t=${T_SECONDS},v1=${previous},v1=${current}`)).toEqual({ ok: true, secretIndex: 0, timestamp: T_MS });
    expect(check(`t=${T_SECONDS},v1=${current},v1=${previous}`)).toEqual({ ok: true, secretIndex: 0, timestamp: T_MS });
    expect(check(`t=${T_SECONDS},v1=${previous},v1=${current}`, [STRIPE_OLD_SECRET, STRIPE_SECRET])).toEqual({
      ok: true,
      secretIndex: 0,
      timestamp: T_MS,
    });
  });

  it('skips a truncated v1 when another v1 is whole, but then reports a mismatch if none matches', () => {
    expect(check(`t=${T_SECONDS},v1=${current.slice(0, 10)},v1=${current}`)).toMatchObject({ ok: true });
    expect(check(`t=${T_SECONDS},v1=${current.slice(0, 10)},v1=${previous}`)).toEqual({ ok: false, reason: 'signature_mismatch' });
  });

  it('ignores v0 and unknown versions: a header with only those is malformed', () => {
    expect(check(`t=${T_SECONDS},v0=${current}`)).toEqual({ ok: false, reason: 'malformed_signature' });
    expect(check(`t=${T_SECONDS},v2=${current},v0=${current}`)).toEqual({ ok: false, reason: 'malformed_signature' });
    expect(check(`t=${T_SECONDS},v0=${previous},v1=${current},extra`)).toMatchObject({ ok: true });
  });

  it('needs exactly one timestamp', () => {
    expect(check(`v1=${current}`)).toEqual({ ok: false, reason: 'malformed_signature' });
    expect(check(`t=${T_SECONDS},t=${T_SECONDS + 1},v1=${current}`)).toEqual({ ok: false, reason: 'malformed_signature' });
  });

  it('tolerates spaces after commas and a header repeated on two lines', () => {
    expect(check(`t=${T_SECONDS}, v1=${current} `)).toMatchObject({ ok: true });
    expect(check([`t=${T_SECONDS}`, `v1=${current}`])).toMatchObject({ ok: true });
  });

  it('keys the HMAC with the whole secret text, prefix included', () => {
    expect(stripeScheme.key(STRIPE_SECRET)).toEqual(Buffer.from(STRIPE_SECRET, 'utf8'));
  });

  it('signs what its signedPrefix says, and needs a timestamp to sign', () => {
    expect(stripeScheme.signedContent(body, { timestamp: T_MS })).toEqual(Buffer.from(`${T_SECONDS}.${BODY}`));
    expect(() => signWebhook(stripeScheme, { rawBody: body, secret: STRIPE_SECRET })).toThrow(/timestamp/);
  });
});

describe('standardWebhooksScheme', () => {
  // The example published with the Standard Webhooks / Svix reference libraries.
  const SPEC_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const SPEC_ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
  const SPEC_TIMESTAMP = 1_614_265_330;
  const SPEC_BODY = '{"test": 2432232314}';
  const SPEC_SIGNATURE = 'g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';
  const specHeaders = (signature: string): Record<string, string> => ({
    'webhook-id': SPEC_ID,
    'webhook-timestamp': String(SPEC_TIMESTAMP),
    'webhook-signature': signature,
  });
  const check = (headers: Record<string, string>, secrets: readonly string[] = [SPEC_SECRET]) =>
    verifyWebhook(standardWebhooksScheme, { rawBody: SPEC_BODY, headers, secrets, now: SPEC_TIMESTAMP * 1000 });

  it('matches the published example, which openssl confirms', () => {
    const key = Buffer.from(SPEC_SECRET.slice('whsec_'.length), 'base64');
    expect(opensslHmacBase64('sha256', key, `${SPEC_ID}.${SPEC_TIMESTAMP}.${SPEC_BODY}`)).toBe(SPEC_SIGNATURE);
    expect(check(specHeaders(`v1,${SPEC_SIGNATURE}`))).toEqual({ ok: true, secretIndex: 0, timestamp: SPEC_TIMESTAMP * 1000, id: SPEC_ID });
  });

  it('reads a space-separated list, skipping versions it cannot check', () => {
    const other = Buffer.alloc(32, 1).toString('base64');
    expect(check(specHeaders(`v1a,${other} v1,${other} v1,${SPEC_SIGNATURE}`))).toMatchObject({ ok: true });
    expect(check(specHeaders(`v1a,${SPEC_SIGNATURE}`))).toEqual({ ok: false, reason: 'malformed_signature' });
    expect(check(specHeaders(`v1,${other}`))).toEqual({ ok: false, reason: 'signature_mismatch' });
  });

  it('needs the id and the timestamp headers', () => {
    const headers = specHeaders(`v1,${SPEC_SIGNATURE}`);
    const without = (name: string): Record<string, string> => Object.fromEntries(Object.entries(headers).filter(([key]) => key !== name));
    expect(check(without('webhook-id'))).toEqual({ ok: false, reason: 'malformed_signature' });
    expect(check({ ...headers, 'webhook-id': '' })).toEqual({ ok: false, reason: 'malformed_signature' });
    expect(check(without('webhook-timestamp'))).toEqual({ ok: false, reason: 'malformed_signature' });
  });

  it('signs the id: the same body and time under another id is a mismatch', () => {
    expect(check({ ...specHeaders(`v1,${SPEC_SIGNATURE}`), 'webhook-id': 'msg_other' })).toEqual({ ok: false, reason: 'signature_mismatch' });
  });

  it('decodes the key from base64, with or without the whsec_ prefix', () => {
    const bare = SPEC_SECRET.slice('whsec_'.length);
    expect(standardWebhooksScheme.key(SPEC_SECRET)).toEqual(Buffer.from(bare, 'base64'));
    expect(check(specHeaders(`v1,${SPEC_SIGNATURE}`), [bare])).toMatchObject({ ok: true });
  });

  it('refuses a secret that is not base64, without echoing it', () => {
    const secret = 'whsec_not base64 at all!';
    expect(() => standardWebhooksScheme.key(secret)).toThrow(TypeError);
    expect(() => check(specHeaders(`v1,${SPEC_SIGNATURE}`), [secret])).toThrow(/expected base64/);
    try {
      check(specHeaders(`v1,${SPEC_SIGNATURE}`), [secret]);
    } catch (error) {
      expect(String(error)).not.toContain('not base64 at all');
    }
  });

  it('needs an id and a timestamp to sign', () => {
    expect(() => signWebhook(standardWebhooksScheme, { rawBody: BODY, secret: STANDARD_SECRET, timestamp: T_MS })).toThrow(/id/);
    expect(() => signWebhook(standardWebhooksScheme, { rawBody: BODY, secret: STANDARD_SECRET, id: 'msg_1' })).toThrow(/timestamp/);
    expect(standardWebhooksScheme.signedContent(body, { timestamp: T_MS, id: 'msg_1' })).toEqual(Buffer.from(`msg_1.${T_SECONDS}.${BODY}`));
  });
});

describe('body HMAC schemes', () => {
  const signature = opensslHmacHex('sha256', RAZORPAY_SECRET, BODY);

  it('Razorpay reports the unsigned event id header for dedupe, and writes it when signing', () => {
    const headers = { 'x-razorpay-signature': signature, 'x-razorpay-event-id': 'KfP7x1yQ2zA' };
    expect(verifyWebhook(razorpayScheme, { rawBody: body, headers, secrets: [RAZORPAY_SECRET], now: 0 })).toEqual({
      ok: true,
      secretIndex: 0,
      id: 'KfP7x1yQ2zA',
    });
    expect(signWebhook(razorpayScheme, { rawBody: BODY, secret: RAZORPAY_SECRET, id: 'KfP7x1yQ2zA' })).toEqual(headers);
    expect(razorpayScheme.signedContent(body, {})).toBe(body);
  });

  it('reads every line of a repeated header', () => {
    const headers = { 'x-razorpay-signature': ['0'.repeat(64), signature] };
    expect(verifyWebhook(razorpayScheme, { rawBody: body, headers, secrets: [RAZORPAY_SECRET], now: 0 })).toMatchObject({ ok: true });
  });

  it('builds a provider scheme from data alone (Sendcloud: hex HMAC-SHA256 of the body)', () => {
    const sendcloud = bodyHmacScheme({ name: 'sendcloud', header: 'sendcloud-signature', algorithm: 'sha256', encoding: 'hex' });
    const secret = 'sendcloud-secret-key';
    const headers = { 'sendcloud-signature': opensslHmacHex('sha256', secret, BODY) };
    expect(verifyWebhook(sendcloud, { rawBody: BODY, headers, secrets: [secret], now: 0 })).toEqual({ ok: true, secretIndex: 0 });
    expect(signWebhook(sendcloud, { rawBody: BODY, secret, id: 'ignored: no id header' })).toEqual(headers);
  });

  it('supports base64 digests', () => {
    const scheme = bodyHmacScheme({ name: 'b64', header: 'x-signature', algorithm: 'sha256', encoding: 'base64' });
    const headers = { 'x-signature': opensslHmacBase64('sha256', 'k3y-material', BODY) };
    expect(verifyWebhook(scheme, { rawBody: BODY, headers, secrets: ['k3y-material'], now: 0 })).toMatchObject({ ok: true });
  });
});

describe('a scheme without signedPrefix', () => {
  // Signs the body followed by a suffix, which no prefix can express: the verifier must fall back
  // to the scheme's own signedContent.
  const suffixed: SignatureScheme = {
    name: 'suffixed',
    algorithm: 'sha256',
    encoding: 'hex',
    read: (headers) => {
      const value = headers['x-sig'];
      return typeof value === 'string' ? { signatures: [value] } : undefined;
    },
    signedContent: (rawBody) => Buffer.concat([rawBody, Buffer.from('|suffix')]),
    key: (secret) => Buffer.from(secret),
    write: (signature) => ({ 'x-sig': signature }),
  };

  it('verifies through signedContent, from a string or a Buffer', () => {
    const headers = { 'x-sig': opensslHmacHex('sha256', 'suffix-secret', `${BODY}|suffix`) };
    expect(verifyWebhook(suffixed, { rawBody: BODY, headers, secrets: ['suffix-secret'], now: 0 })).toEqual({ ok: true, secretIndex: 0 });
    expect(verifyWebhook(suffixed, { rawBody: body, headers, secrets: ['suffix-secret'], now: 0 })).toEqual({ ok: true, secretIndex: 0 });
    expect(signWebhook(suffixed, { rawBody: BODY, secret: 'suffix-secret' })).toEqual(headers);
  });
});

describe('keys', () => {
  it('stay correct when many secrets pass through the cache', () => {
    for (let index = 0; index < 80; index++) {
      const secret = `tenant-${index}-secret`;
      const headers = { 'x-razorpay-signature': signWebhook(razorpayScheme, { rawBody: BODY, secret })['x-razorpay-signature'] as string };
      expect(verifyWebhook(razorpayScheme, { rawBody: BODY, headers, secrets: [secret], now: 0 })).toMatchObject({ ok: true });
    }
    // The first secrets were evicted and are decoded again.
    const headers = { 'x-razorpay-signature': opensslHmacHex('sha256', 'tenant-0-secret', BODY) };
    expect(verifyWebhook(razorpayScheme, { rawBody: BODY, headers, secrets: ['tenant-0-secret'], now: 0 })).toMatchObject({ ok: true });
  });

  it('refuses to sign with an empty secret', () => {
    expect(() => signWebhook(razorpayScheme, { rawBody: BODY, secret: '' })).toThrow(TypeError);
  });
});
