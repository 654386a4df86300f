import { describe, expect, it } from 'vitest';
import { sortableId, sortableIdTime } from '../../src/index.js';

describe('sortableId', () => {
  it('is a UUIDv7 carrying its creation time', () => {
    const id = sortableId(Date.UTC(2026, 10, 21));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(sortableIdTime(id)).toBe(Date.UTC(2026, 10, 21));
  });

  it('carries every bit of its 48-bit time', () => {
    // Ascending, since ids never go back in time within a process.
    for (const time of [Date.UTC(2026, 10, 21, 0, 0, 1), 2 ** 41 + 0x12345, 2 ** 47 + 2 ** 33 + 0xfe01]) {
      expect(sortableIdTime(sortableId(time))).toBe(time);
    }
  });

  it('sorts in creation order within one millisecond and never repeats', () => {
    const now = Date.UTC(2027, 0, 1);
    const ids = Array.from({ length: 10_000 }, () => sortableId(now));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
