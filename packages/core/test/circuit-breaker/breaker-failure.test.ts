import { describe, expect, it } from 'vitest';
import { countsAsBreakerFailure } from '../../src/circuit-breaker/breaker-failure.js';
import { ERROR_KINDS } from '../../src/errors/kinds.js';

describe('countsAsBreakerFailure', () => {
  it('counts only the kinds that say the provider is unhealthy', () => {
    const counted = ERROR_KINDS.filter(countsAsBreakerFailure);
    expect(counted).toEqual(['rate_limited', 'unavailable', 'timeout', 'network']);
  });

  it.each(['auth', 'forbidden', 'not_found', 'invalid_request', 'conflict', 'business_rejected', 'contract_violation'] as const)(
    'does not count %s',
    (kind) => {
      expect(countsAsBreakerFailure(kind)).toBe(false);
    },
  );
});
