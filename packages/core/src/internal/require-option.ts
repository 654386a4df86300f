/**
 * Throws a TypeError naming the option unless `valid` holds. Bad options are programming errors,
 * so they fail loudly where the policy is built rather than as odd delays in production.
 */
export function requireOption(name: string, value: unknown, valid: boolean, expected: string): void {
  if (!valid) throw new TypeError(`Invalid ${name}: expected ${expected}, got ${String(value)}`);
}
