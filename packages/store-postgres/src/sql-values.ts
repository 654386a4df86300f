/**
 * node-postgres returns `bigint` columns as strings (they may exceed 2^53). Every bigint here is
 * an epoch-milliseconds instant, far inside the safe range, so it is read back as a number.
 */
export function millis(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}
