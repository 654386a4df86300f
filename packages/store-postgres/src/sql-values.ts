/**
 * node-postgres returns `bigint` columns as strings (they may exceed 2^53). Every bigint here is
 * an epoch-milliseconds instant, far inside the safe range, so it is read back as a number.
 */
export function millis(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

/** Like {@link millis} for a nullable column: SQL NULL becomes `undefined`, as the contracts spell "absent". */
export function optionalMillis(value: unknown): number | undefined {
  return value === null || value === undefined ? undefined : millis(value);
}

/** A nullable text column as an optional property value. */
export function optionalText(value: string | null | undefined): string | undefined {
  return value ?? undefined;
}
