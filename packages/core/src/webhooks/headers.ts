/**
 * Request headers as node's `IncomingHttpHeaders` gives them: names lowercase, a value repeated
 * on several lines as an array. (From a fetch `Headers`, `Object.fromEntries(headers)` gives
 * the same shape.)
 */
export type WebhookHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

const NONE: readonly string[] = [];

/**
 * Every value sent under `name`, one entry per header line. Names are looked up exactly as given
 * (lowercase, like node's): a case-insensitive scan over every header would run on each delivery
 * that lacks an optional header, and a mixed-case record simply reads as "header missing".
 */
export function headerValues(headers: WebhookHeaders, name: string): readonly string[] {
  const value = headers[name];
  if (value === undefined) return NONE;
  return typeof value === 'string' ? [value] : value;
}

/** The header's value when it was sent exactly once; undefined when absent or repeated (ambiguous). */
export function singleHeader(headers: WebhookHeaders, name: string): string | undefined {
  const value = headers[name];
  if (value === undefined || typeof value === 'string') return value;
  return value.length === 1 ? value[0] : undefined;
}
