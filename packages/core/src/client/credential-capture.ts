import type { Redactor } from '../redaction/redactor.js';
import type { HeaderRecord } from './prepare-request.js';

/**
 * Whatever credential the auth strategy just put on a request becomes a known secret, so it is
 * hidden even if the provider echoes it back in an error body. Works for any strategy, including
 * ones written outside core. `before` is the request as prepared, before auth touched it.
 */
export function registerAddedCredentials(redactor: Redactor, before: { headers: HeaderRecord; href: string }, headers: Headers, url: URL): void {
  for (const [name, value] of headers) {
    if (Object.hasOwn(before.headers, name) && before.headers[name] === value) continue;
    redactor.addSecret(value);
    const space = value.indexOf(' ');
    // "Bearer abc" / "Basic abc": the token part travels alone too.
    if (space > 0) redactor.addSecret(value.slice(space + 1));
  }
  if (url.search === '') return;
  const original = new URL(before.href).searchParams;
  for (const [name, value] of url.searchParams) {
    if (original.get(name) !== value) redactor.addSecret(value);
  }
}
