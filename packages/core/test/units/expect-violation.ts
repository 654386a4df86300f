import { expect } from 'vitest';
import { IntegrationError } from '../../src/errors/integration-error.js';

/** Runs `action`, asserts it raised a contract violation with `reason`, and returns the error. */
export function expectViolation(action: () => unknown, reason: string): IntegrationError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(IntegrationError);
    const violation = error as IntegrationError;
    expect(violation.kind).toBe('contract_violation');
    expect(violation.reason).toBe(reason);
    return violation;
  }
  throw new Error(`expected a contract_violation (${reason}), but nothing was thrown`);
}
