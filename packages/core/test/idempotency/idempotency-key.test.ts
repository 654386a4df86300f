import { describe, expect, it } from 'vitest';
import { newIdempotencyKey } from '../../src/idempotency/index.js';
import { sortableIdTime } from '../../src/ids/index.js';

describe('newIdempotencyKey', () => {
  it('is a UUIDv7 stamped with the given time', () => {
    const at = Date.UTC(2026, 4, 1);
    const key = newIdempotencyKey(at);
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(sortableIdTime(key)).toBe(at);
  });

  it('never repeats, so each operation gets its own key', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(1000);
  });
});
