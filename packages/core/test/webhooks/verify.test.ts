import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook, type VerifyResult } from '../../src/webhooks/index.js';
import { BODY, T_MS } from './fixtures.js';
import { SCHEME_CASES, type SchemeCase } from './scheme-cases.js';

const verify = (c: SchemeCase, headers: Record<string, string | string[]>, overrides: Partial<Parameters<typeof verifyWebhook>[1]> = {}): VerifyResult =>
  verifyWebhook(c.scheme, { rawBody: Buffer.from(BODY, 'utf8'), headers, secrets: [c.secret], now: T_MS, ...overrides });

describe.each(SCHEME_CASES.map((c) => [c.scheme.name, c] as const))('verifyWebhook with %s', (_name, c) => {
  const signature = c.digest(BODY, c.secret, c.parts);
  const headers = c.build(signature, c.parts);

  it('accepts the openssl vector, from a Buffer or a string body', () => {
    expect(verify(c, headers)).toEqual({ ok: true, secretIndex: 0, ...c.reported });
    expect(verify(c, headers, { rawBody: BODY })).toEqual({ ok: true, secretIndex: 0, ...c.reported });
  });

  it('signs exactly as the provider does', () => {
    expect(signWebhook(c.scheme, { rawBody: BODY, secret: c.secret, ...c.parts })).toEqual(headers);
    expect(signWebhook(c.scheme, { rawBody: Buffer.from(BODY), secret: c.secret, ...c.parts })).toEqual(headers);
  });

  it('refuses a forged body under a genuine signature', () => {
    expect(verify(c, headers, { rawBody: `${BODY} ` })).toEqual({ ok: false, reason: 'signature_mismatch' });
    expect(verify(c, headers, { rawBody: BODY.replace('129900', '1299') })).toEqual({ ok: false, reason: 'signature_mismatch' });
  });

  it('refuses a truncated signature as malformed', () => {
    expect(verify(c, c.build(signature.slice(0, -4), c.parts))).toEqual({ ok: false, reason: 'malformed_signature' });
    expect(verify(c, c.build('', c.parts))).toEqual({ ok: false, reason: 'malformed_signature' });
    expect(verify(c, c.build(`${signature}00`, c.parts))).toEqual({ ok: false, reason: 'malformed_signature' });
  });

  it('refuses a signature made with another secret', () => {
    expect(verify(c, c.build(c.digest(BODY, c.oldSecret, c.parts), c.parts))).toEqual({ ok: false, reason: 'signature_mismatch' });
  });

  it('accepts the second of two secrets during a rotation, and says which matched', () => {
    const oldHeaders = c.build(c.digest(BODY, c.oldSecret, c.parts), c.parts);
    expect(verify(c, oldHeaders, { secrets: [c.secret, c.oldSecret] })).toEqual({ ok: true, secretIndex: 1, ...c.reported });
    expect(verify(c, headers, { secrets: [c.oldSecret, c.secret] })).toEqual({ ok: true, secretIndex: 1, ...c.reported });
  });

  it('reports a missing signature header', () => {
    expect(verify(c, {})).toEqual({ ok: false, reason: 'missing_signature' });
    expect(verify(c, { 'content-type': 'application/json' })).toEqual({ ok: false, reason: 'missing_signature' });
  });

  it('reports a malformed signature header', () => {
    expect(verify(c, c.malformed)).toEqual({ ok: false, reason: 'malformed_signature' });
  });

  it('accepts upper-case hex or unpadded base64, and rejects a wrong character', () => {
    const variant = c.scheme.encoding === 'hex' ? signature.toUpperCase() : signature.replace(/=+$/, '');
    expect(verify(c, c.build(variant, c.parts))).toMatchObject({ ok: true });
    const broken = c.scheme.encoding === 'hex' ? `${signature.slice(0, -1)}g` : `${signature.slice(0, 10)}!${signature.slice(11)}`;
    expect(verify(c, c.build(broken, c.parts))).toMatchObject({ ok: false });
  });

  it('never puts a secret in a result', () => {
    const results = [
      verify(c, headers),
      verify(c, headers, { rawBody: 'forged' }),
      verify(c, c.build(c.digest(BODY, c.oldSecret, c.parts), c.parts), { secrets: [c.secret, c.oldSecret] }),
      verify(c, {}),
      verify(c, c.malformed),
    ];
    for (const result of results) {
      const text = JSON.stringify(result);
      expect(text).not.toContain(c.secret);
      expect(text).not.toContain(c.oldSecret);
      expect(text).not.toContain(signature);
    }
  });
});

describe.each(SCHEME_CASES.filter((c) => c.parts.timestamp !== undefined).map((c) => [c.scheme.name, c] as const))(
  'replay window of %s',
  (_name, c) => {
    const signedAt = (timestamp: number): Record<string, string> => {
      const parts = { ...c.parts, timestamp };
      return c.build(c.digest(BODY, c.secret, parts), parts);
    };
    const FIVE_MINUTES = 300_000;

    it('accepts a delivery just inside the 5 minute tolerance, either side', () => {
      expect(verify(c, signedAt(T_MS), { now: T_MS + FIVE_MINUTES })).toMatchObject({ ok: true });
      expect(verify(c, signedAt(T_MS), { now: T_MS - FIVE_MINUTES })).toMatchObject({ ok: true });
    });

    it('refuses an expired delivery', () => {
      expect(verify(c, signedAt(T_MS), { now: T_MS + FIVE_MINUTES + 1_000 })).toEqual({ ok: false, reason: 'timestamp_outside_tolerance' });
    });

    it('refuses a delivery stamped in the future', () => {
      expect(verify(c, signedAt(T_MS + FIVE_MINUTES + 1_000), { now: T_MS })).toEqual({ ok: false, reason: 'timestamp_outside_tolerance' });
    });

    it('refuses a genuine delivery replayed a day later', () => {
      const captured = signedAt(T_MS);
      expect(verify(c, captured, { now: T_MS })).toMatchObject({ ok: true });
      expect(verify(c, captured, { now: T_MS + 86_400_000 })).toEqual({ ok: false, reason: 'timestamp_outside_tolerance' });
    });

    it('checks the signature before the timestamp: a forged old delivery is a mismatch', () => {
      expect(verify(c, signedAt(T_MS - 86_400_000), { rawBody: 'forged' })).toEqual({ ok: false, reason: 'signature_mismatch' });
    });

    it('refuses a re-stamped timestamp (the timestamp is signed)', () => {
      const parts = { ...c.parts, timestamp: T_MS - 86_400_000 };
      const stale = c.digest(BODY, c.secret, parts);
      expect(verify(c, c.build(stale, { ...c.parts, timestamp: T_MS }))).toEqual({ ok: false, reason: 'signature_mismatch' });
    });

    it('takes a tolerance from the caller over the scheme default', () => {
      expect(verify(c, signedAt(T_MS), { now: T_MS + 60_000, toleranceMs: 30_000 })).toEqual({ ok: false, reason: 'timestamp_outside_tolerance' });
      expect(verify(c, signedAt(T_MS), { now: T_MS + 3_600_000, toleranceMs: 7_200_000 })).toMatchObject({ ok: true });
      expect(verify(c, signedAt(T_MS), { now: T_MS, toleranceMs: 0 })).toMatchObject({ ok: true });
    });

    it('refuses a malformed timestamp', () => {
      const headers = signedAt(T_MS);
      const withTimestamp = (text: string): Record<string, string> =>
        c.scheme.name === 'stripe'
          ? { 'stripe-signature': (headers['stripe-signature'] as string).replace(/^t=\d+/, `t=${text}`) }
          : { ...headers, 'webhook-timestamp': text };
      for (const text of ['', 'soon', '1767225600.5', '-1767225600', '01767225600', '1e9']) {
        expect(verify(c, withTimestamp(text))).toEqual({ ok: false, reason: 'malformed_signature' });
      }
    });
  },
);

describe('verifyWebhook configuration errors', () => {
  const [c] = SCHEME_CASES as [SchemeCase];
  const headers = c.build(c.digest(BODY, c.secret, c.parts), c.parts);

  it('throws without secrets, with an empty secret, or with a nonsensical tolerance or time; never naming a secret', () => {
    const attempts = [
      () => verify(c, headers, { secrets: [] }),
      () => verify(c, headers, { secrets: [c.secret, ''] }),
      () => verify(c, headers, { toleranceMs: -1 }),
      () => verify(c, headers, { toleranceMs: Number.NaN }),
      () => verify(c, headers, { now: Number.NaN }),
    ];
    for (const attempt of attempts) {
      expect(attempt).toThrow(TypeError);
      try {
        attempt();
      } catch (error) {
        expect(String(error)).not.toContain(c.secret);
      }
    }
  });
});
