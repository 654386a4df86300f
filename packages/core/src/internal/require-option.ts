function invalidOption(name: string, value: unknown, expected: string): string {
  return `Invalid ${name}: expected ${expected}, got ${String(value)}`;
}

/**
 * Throws a TypeError naming the option unless `valid` holds. Bad options are programming errors,
 * so they fail loudly where the policy is built rather than as odd delays in production.
 */
export function requireOption(name: string, value: unknown, valid: boolean, expected: string): void {
  if (!valid) throw new TypeError(invalidOption(name, value, expected));
}

/** {@link requireOption} for contracts that promise a RangeError, such as `EventQueue.consume`. */
export function requireOptionInRange(name: string, value: unknown, valid: boolean, expected: string): void {
  if (!valid) throw new RangeError(invalidOption(name, value, expected));
}
