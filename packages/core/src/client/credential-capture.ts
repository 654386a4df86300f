import type { Redactor } from '../redaction/redactor.js';

/**
 * Whatever credential the auth strategy just put on a request becomes a known secret, so it is
 * hidden even if the provider echoes it back in an error body. Works for any strategy, including
 * ones written outside core.
 */
export function registerAddedCredentials(
  redactor: Redactor,
  before: { headers: Headers; url: URL },
  headers: Headers,
  url: URL,
): void {
  for (const [name, value] of headers) {
    if (before.headers.get(name) === value) continue;
    redactor.addSecret(value);
    const space = value.indexOf(' ');
    // "Bearer abc" / "Basic abc": the token part travels alone too.
    if (space > 0) redactor.addSecret(value.slice(space + 1));
  }
  for (const [name, value] of url.searchParams) {
    if (before.url.searchParams.get(name) !== value) redactor.addSecret(value);
  }
}
