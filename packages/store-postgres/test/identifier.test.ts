import { describe, expect, it } from 'vitest';
import { quoteIdentifier } from '../src/identifier.js';

describe('quoteIdentifier', () => {
  it('quotes, doubling embedded quotes, so any name is one identifier', () => {
    expect(quoteIdentifier('interlock')).toBe('"interlock"');
    expect(quoteIdentifier('Hub "A"; DROP')).toBe('"Hub ""A""; DROP"');
  });

  it.each(['', 'a\0b', 'x'.repeat(64), 'ü'.repeat(32)])('refuses %j', (name) => {
    expect(() => quoteIdentifier(name)).toThrow(TypeError);
  });
});
