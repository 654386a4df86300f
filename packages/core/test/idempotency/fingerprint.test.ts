import { describe, expect, it } from 'vitest';
import { requestFingerprint } from '../../src/idempotency/index.js';

describe('requestFingerprint', () => {
  it('is a sha256 hex digest', () => {
    expect(requestFingerprint({ method: 'POST', path: '/v1/charges' })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores key order at every depth', () => {
    const a = requestFingerprint({ method: 'POST', path: '/p', body: { amount: 100, meta: { b: 1, a: [{ y: 2, x: 1 }] } } });
    const b = requestFingerprint({ method: 'POST', path: '/p', body: { meta: { a: [{ x: 1, y: 2 }], b: 1 }, amount: 100 } });
    expect(a).toBe(b);
  });

  it('treats the method case-insensitively', () => {
    expect(requestFingerprint({ method: 'post', path: '/p', body: { a: 1 } })).toBe(requestFingerprint({ method: 'POST', path: '/p', body: { a: 1 } }));
  });

  it('tells apart different values, array orders, paths and methods', () => {
    const base = requestFingerprint({ method: 'POST', path: '/p', body: { items: [1, 2] } });
    expect(requestFingerprint({ method: 'POST', path: '/p', body: { items: [2, 1] } })).not.toBe(base);
    expect(requestFingerprint({ method: 'POST', path: '/p', body: { items: [1, 3] } })).not.toBe(base);
    expect(requestFingerprint({ method: 'POST', path: '/q', body: { items: [1, 2] } })).not.toBe(base);
    expect(requestFingerprint({ method: 'PUT', path: '/p', body: { items: [1, 2] } })).not.toBe(base);
  });

  it('keeps form and string bodies as they are', () => {
    const ab = requestFingerprint({ method: 'POST', path: '/p', body: new URLSearchParams('a=1&b=2') });
    const ba = requestFingerprint({ method: 'POST', path: '/p', body: new URLSearchParams('b=2&a=1') });
    expect(ab).not.toBe(ba);
    expect(requestFingerprint({ method: 'POST', path: '/p', body: new URLSearchParams('a=1&b=2') })).toBe(ab);
    expect(requestFingerprint({ method: 'POST', path: '/p', body: 'x=1' })).toBe(requestFingerprint({ method: 'POST', path: '/p', body: 'x=1' }));
  });

  it('does not confuse a string body with the JSON it looks like, or with no body', () => {
    const json = requestFingerprint({ method: 'POST', path: '/p', body: { a: 1 } });
    expect(requestFingerprint({ method: 'POST', path: '/p', body: '{"a":1}' })).not.toBe(json);
    expect(requestFingerprint({ method: 'POST', path: '/p', body: '' })).not.toBe(requestFingerprint({ method: 'POST', path: '/p' }));
    expect(requestFingerprint({ method: 'POST', path: '/p', body: null })).toBe(requestFingerprint({ method: 'POST', path: '/p' }));
  });

  it('hashes binary bodies by their bytes', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const fromArray = requestFingerprint({ method: 'PUT', path: '/f', body: bytes });
    expect(requestFingerprint({ method: 'PUT', path: '/f', body: bytes.buffer })).toBe(fromArray);
    expect(requestFingerprint({ method: 'PUT', path: '/f', body: new Uint8Array([1, 2, 4]) })).not.toBe(fromArray);
  });

  it('serializes dates through toJSON', () => {
    const at = new Date(Date.UTC(2026, 0, 1));
    expect(requestFingerprint({ method: 'POST', path: '/p', body: { at } })).toBe(
      requestFingerprint({ method: 'POST', path: '/p', body: { at: '2026-01-01T00:00:00.000Z' } }),
    );
  });

  it('keeps a path containing the separator apart from the body', () => {
    expect(requestFingerprint({ method: 'POST', path: '/p"]\n', body: 'x' })).not.toBe(requestFingerprint({ method: 'POST', path: '/p', body: '"]\nx' }));
  });
});
