import { describe, expect, it } from 'vitest';
import { verifyBasicAuth, verifySharedToken } from '../../src/webhooks/index.js';

describe('verifySharedToken', () => {
  const options = { header: 'x-api-key', tokens: ['shiprocket-token-2026', 'shiprocket-token-2025'] };

  it('accepts any configured token, so a rotation can overlap', () => {
    expect(verifySharedToken({ 'x-api-key': 'shiprocket-token-2026' }, options)).toBe(true);
    expect(verifySharedToken({ 'x-api-key': 'shiprocket-token-2025' }, options)).toBe(true);
  });

  it('refuses a wrong, shorter, longer or missing token', () => {
    expect(verifySharedToken({ 'x-api-key': 'shiprocket-token-2024' }, options)).toBe(false);
    expect(verifySharedToken({ 'x-api-key': 'shiprocket' }, options)).toBe(false);
    expect(verifySharedToken({ 'x-api-key': 'shiprocket-token-2026-and-more' }, options)).toBe(false);
    expect(verifySharedToken({ 'x-api-key': '' }, options)).toBe(false);
    expect(verifySharedToken({}, options)).toBe(false);
  });

  it('refuses a header sent twice as ambiguous', () => {
    expect(verifySharedToken({ 'x-api-key': ['wrong', 'shiprocket-token-2026'] }, options)).toBe(false);
  });

  it('takes the header name in any case', () => {
    expect(verifySharedToken({ 'x-api-key': 'shiprocket-token-2026' }, { ...options, header: 'X-Api-Key' })).toBe(true);
  });

  it('throws on a configuration that could never or would always match, naming no token', () => {
    const attempts = [
      () => verifySharedToken({}, { header: 'x-api-key', tokens: [] }),
      () => verifySharedToken({}, { header: 'x-api-key', tokens: ['shiprocket-token-2026', ''] }),
      () => verifySharedToken({}, { header: '', tokens: ['shiprocket-token-2026'] }),
    ];
    for (const attempt of attempts) {
      expect(attempt).toThrow(TypeError);
      try {
        attempt();
      } catch (error) {
        expect(String(error)).not.toContain('shiprocket-token-2026');
      }
    }
  });
});

describe('verifyBasicAuth', () => {
  const options = { username: 'tts-webhook', passwords: ['p4ss:with:colons', 'previous-pass'] };
  const basic = (credentials: string): { authorization: string } => ({
    authorization: `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`,
  });

  it('accepts the username with any configured password, colons included', () => {
    expect(verifyBasicAuth(basic('tts-webhook:p4ss:with:colons'), options)).toBe(true);
    expect(verifyBasicAuth(basic('tts-webhook:previous-pass'), options)).toBe(true);
    expect(verifyBasicAuth({ authorization: `basic  ${Buffer.from('tts-webhook:previous-pass').toString('base64')}` }, options)).toBe(true);
  });

  it('refuses a wrong username or password', () => {
    expect(verifyBasicAuth(basic('someone:p4ss:with:colons'), options)).toBe(false);
    expect(verifyBasicAuth(basic('tts-webhook:wrong'), options)).toBe(false);
    expect(verifyBasicAuth(basic('tts-webhook:'), options)).toBe(false);
  });

  it('refuses anything that is not Basic credentials', () => {
    expect(verifyBasicAuth({}, options)).toBe(false);
    expect(verifyBasicAuth({ authorization: 'Bearer NNSXS.abc' }, options)).toBe(false);
    expect(verifyBasicAuth(basic('no-colon-here'), options)).toBe(false);
    expect(verifyBasicAuth({ authorization: 'Basic not*base64' }, options)).toBe(false);
    expect(verifyBasicAuth({ authorization: ['Basic a', 'Basic b'] }, options)).toBe(false);
  });

  it('throws on an empty username or password list, naming no password', () => {
    expect(() => verifyBasicAuth({}, { username: '', passwords: ['previous-pass'] })).toThrow(TypeError);
    expect(() => verifyBasicAuth({}, { username: 'u', passwords: [] })).toThrow(TypeError);
    expect(() => verifyBasicAuth({}, { username: 'u', passwords: ['previous-pass', ''] })).toThrow(TypeError);
    try {
      verifyBasicAuth({}, { username: 'u', passwords: ['previous-pass', ''] });
    } catch (error) {
      expect(String(error)).toMatch(/non-empty/);
      expect(String(error)).not.toContain('previous-pass');
    }
  });
});
