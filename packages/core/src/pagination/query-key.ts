import type { PageQuery } from './strategy.js';

/**
 * A canonical text for a page query, equal for two queries exactly when they send the same
 * parameters on the wire: key order does not matter, undefined values are not sent, and
 * `page=2` and `page='2'` are the same request. Used to notice a provider handing back a cursor
 * (or next link) it already gave, which would otherwise page forever or re-read the same items.
 */
export function queryKey(query: PageQuery): string {
  const entries: [string, string | string[]][] = [];
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    entries.push([name, Array.isArray(value) ? value.map(String) : String(value)]);
  }
  // Object keys are unique, so no two entries compare equal.
  entries.sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify(entries);
}
