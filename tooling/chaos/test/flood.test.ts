import { describe, expect, it } from 'vitest';
import { killGaps } from '../src/flood.js';

describe('killGaps', () => {
  it('places every kill inside the first 80 % of the flood, at least one acknowledgement apart', () => {
    const gaps = killGaps(20, 1_600, 42);
    expect(gaps).toHaveLength(20);
    expect(gaps.every((gap) => gap >= 1)).toBe(true);
    expect(gaps.reduce((sum, gap) => sum + gap, 0)).toBeLessThanOrEqual(1_280);
    expect(gaps.reduce((sum, gap) => sum + gap, 0)).toBeGreaterThan(1_200);
  });

  it('is the same for a seed, and differs between seeds, so a printed seed repeats its kill points', () => {
    expect(killGaps(20, 1_600, 42)).toEqual(killGaps(20, 1_600, 42));
    expect(killGaps(20, 1_600, 43)).not.toEqual(killGaps(20, 1_600, 42));
  });

  it('kills after every acknowledgement when asked for more kills than the flood has room for', () => {
    expect(killGaps(5, 4, 1)).toEqual([1, 1, 1, 1, 1]);
  });
});
