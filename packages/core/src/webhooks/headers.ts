/**
 * Request headers as node's `IncomingHttpHeaders` gives them: names lowercase, a value repeated
 * on several lines as an array.
 */
export type WebhookHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

const NONE: readonly string[] = [];

/**
 * Every value sent under `name` (lowercase), one entry per header line. Falls back to a
 * case-insensitive scan so that a hand-built record (`{ 'Stripe-Signature': … }`) still works;
 * the scan only runs when the exact lookup misses.
 */
export function headerValues(headers: WebhookHeaders, name: string): readonly string[] {
  let value = headers[name];
  if (value === undefined) {
    for (const key of Object.keys(headers)) {
      if (key.toLowerCase() === name) {
        value = headers[key];
        break;
      }
    }
  }
  if (value === undefined) return NONE;
  return typeof value === 'string' ? [value] : value;
}

/** The header's value when it was sent exactly once; undefined when absent or repeated (ambiguous). */
export function singleHeader(headers: WebhookHeaders, name: string): string | undefined {
  const values = headerValues(headers, name);
  return values.length === 1 ? values[0] : undefined;
}
