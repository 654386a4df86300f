import { describe, expect, it } from 'vitest';
import { REDACTED, Redactor } from '../../src/index.js';

describe('Redactor', () => {
  it('hides registered secrets anywhere in a string, including URL-encoded forms', () => {
    const redactor = new Redactor();
    redactor.addSecret('sk_test_51Hx/abc+def');
    expect(redactor.string('key=sk_test_51Hx/abc+def!')).toBe(`key=${REDACTED}!`);
    expect(redactor.string(`q=${encodeURIComponent('sk_test_51Hx/abc+def')}`)).toBe(`q=${REDACTED}`);
  });

  it('ignores values too short to be credentials', () => {
    const redactor = new Redactor();
    redactor.addSecret('abc');
    expect(redactor.string('abc')).toBe('abc');
  });

  it('masks sensitive query parameters and field names, deeply, without mutating the input', () => {
    const redactor = new Redactor({ sensitiveNames: ['X-Client-Secret'] });
    expect(redactor.url('https://maps.example/geocode?address=T%C5%8Dky%C5%8D&key=AIzaXYZ')).toBe(
      `https://maps.example/geocode?address=T%C5%8Dky%C5%8D&key=${encodeURIComponent(REDACTED)}`,
    );
    expect(redactor.url('https://x.example/a/b')).toBe('https://x.example/a/b');
    const input = { headers: { Authorization: 'Bearer t', 'x-client-secret': 's' }, list: ['a', { token: 'z' }], n: 1 };
    expect(redactor.value(input)).toEqual({
      headers: { Authorization: REDACTED, 'x-client-secret': REDACTED },
      list: ['a', { token: REDACTED }],
      n: 1,
    });
    expect(input.headers.Authorization).toBe('Bearer t');
  });

  it('reduces errors to name and redacted message and survives cycles', () => {
    const redactor = new Redactor();
    redactor.addSecret('supersecret');
    const cyclic: Record<string, unknown> = { error: new Error('bad supersecret') };
    cyclic['self'] = cyclic;
    expect(redactor.value(cyclic)).toEqual({ error: { name: 'Error', message: `bad ${REDACTED}` }, self: '[Circular]' });
  });
});
