import { describe, expect, it } from 'vitest';
import {
  addMoney,
  compareMoney,
  isZeroMoney,
  money,
  moneyEquals,
  negateMoney,
  subtractMoney,
} from '../../src/units/index.js';

const inr = (minor: number) => money(minor, 'INR');

describe('money arithmetic', () => {
  it('adds and subtracts in minor units', () => {
    expect(addMoney(inr(1050), inr(25))).toEqual(inr(1075));
    expect(subtractMoney(inr(1050), inr(2000))).toEqual(inr(-950));
  });

  it('compares', () => {
    expect(compareMoney(inr(1), inr(2))).toBe(-1);
    expect(compareMoney(inr(2), inr(2))).toBe(0);
    expect(compareMoney(inr(3), inr(2))).toBe(1);
    expect(moneyEquals(inr(2), inr(2))).toBe(true);
    expect(moneyEquals(inr(2), inr(3))).toBe(false);
  });

  it('negates without producing a negative zero', () => {
    expect(negateMoney(inr(1050))).toEqual(inr(-1050));
    expect(Object.is(negateMoney(inr(0)).amountMinor, 0)).toBe(true);
  });

  it('recognises zero', () => {
    expect(isZeroMoney(inr(0))).toBe(true);
    expect(isZeroMoney(inr(-1))).toBe(false);
  });

  it.each([
    ['add', () => addMoney(inr(1), money(1, 'USD'))],
    ['subtract', () => subtractMoney(inr(1), money(1, 'USD'))],
    ['compare', () => compareMoney(inr(1), money(1, 'USD'))],
    ['compare', () => moneyEquals(inr(1), money(1, 'USD'))],
  ])('refuses to %s across currencies', (operation, action) => {
    expect(action).toThrow(TypeError);
    expect(action).toThrow(`Cannot ${operation} INR and USD amounts`);
  });

  it('refuses results beyond the safe integer range', () => {
    expect(() => addMoney(inr(Number.MAX_SAFE_INTEGER), inr(1))).toThrow(RangeError);
    expect(() => subtractMoney(inr(-Number.MAX_SAFE_INTEGER), inr(2))).toThrow(RangeError);
    expect(addMoney(inr(Number.MAX_SAFE_INTEGER), inr(-1)).amountMinor).toBe(Number.MAX_SAFE_INTEGER - 1);
  });
});
