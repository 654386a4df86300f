import { describe, expect, it } from 'vitest';
import { contractViolation, describeValue } from '../../src/units/coercion-error.js';

describe('contractViolation', () => {
  it('names the provider and field the value came from', () => {
    const error = contractViolation('unknown_unit', 'Unknown unit', { provider: 'shiprocket', field: 'weight_unit' });
    expect(error.kind).toBe('contract_violation');
    expect(error.retryable).toBe(false);
    expect(error.context).toMatchObject({ provider: 'shiprocket', endpoint: 'weight_unit', reason: 'unknown_unit' });
  });

  it('falls back to unknown provider and the coercion endpoint', () => {
    const error = contractViolation('invalid_money', 'Bad amount', undefined);
    expect(error.context).toMatchObject({ provider: 'unknown', endpoint: 'coercion', reason: 'invalid_money' });
  });
});

describe('describeValue', () => {
  it.each([
    ['10.50 ', '"10.50 "'],
    [10.5, '10.5'],
    [true, 'true'],
    [12n, '12'],
    [null, 'null'],
    [undefined, 'undefined'],
    [{ amount: 1 }, 'object'],
  ])('shows %o as %s', (value, shown) => {
    expect(describeValue(value)).toBe(shown);
  });

  it('bounds long values', () => {
    const shown = describeValue('9'.repeat(500));
    expect(shown).toHaveLength(64);
    expect(shown.endsWith('...')).toBe(true);
  });
});
