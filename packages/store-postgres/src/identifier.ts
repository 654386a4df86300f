/** PostgreSQL truncates identifiers beyond this many bytes, which would silently merge two schemas. */
const MAX_IDENTIFIER_BYTES = 63;

/**
 * Quotes `name` as an SQL identifier. The schema is the one piece of SQL that cannot be a bind
 * parameter, so it is checked and quoted here, once, rather than pasted into statements raw.
 */
export function quoteIdentifier(name: string): string {
  if (name.length === 0 || name.includes('\0') || Buffer.byteLength(name, 'utf8') > MAX_IDENTIFIER_BYTES) {
    throw new TypeError(`Invalid schema name: expected 1-${MAX_IDENTIFIER_BYTES} bytes without NUL, got ${JSON.stringify(name)}`);
  }
  return `"${name.replace(/"/g, '""')}"`;
}
