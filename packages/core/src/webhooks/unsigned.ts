import { requireOption } from '../internal/require-option.js';
import { constantTimeTextEqual } from './constant-time.js';
import { singleHeader, type WebhookHeaders } from './headers.js';

function requireCredentials(name: string, values: readonly string[]): void {
  // Messages never echo a value: they may be logged.
  requireOption(name, `${values.length} value(s)`, values.length > 0, 'at least one value');
  if (values.some((value) => typeof value !== 'string' || value === '')) {
    throw new TypeError(`Invalid ${name}: every value must be a non-empty string`);
  }
}

/** Compares `received` with every expected value, with no early exit, and says whether any matched. */
function matchesAny(received: string, expected: readonly string[]): boolean {
  let matched = false;
  for (const value of expected) {
    const equal = constantTimeTextEqual(received, value);
    matched = matched || equal;
  }
  return matched;
}

/**
 * For providers that send a fixed token instead of a signature (Shiprocket's `x-api-key`, UPS
 * Track Alert's credential, a custom header on The Things Stack). Constant time; several tokens
 * are accepted while one is being rotated. A header sent twice is refused as ambiguous.
 */
export function verifySharedToken(headers: WebhookHeaders, options: { header: string; tokens: readonly string[] }): boolean {
  requireOption('header', options.header, options.header !== '', 'a header name');
  requireCredentials('tokens', options.tokens);
  const received = singleHeader(headers, options.header.toLowerCase());
  if (received === undefined) return false;
  return matchesAny(received, options.tokens);
}

const BASIC = /^basic[ \t]+([A-Za-z0-9+/=]+)[ \t]*$/i;

/**
 * For providers configured with HTTP Basic credentials (The Things Stack's request
 * authentication). The username and every password are compared in constant time, all of them
 * every time, so timing tells neither which part was wrong nor which password matched.
 */
export function verifyBasicAuth(headers: WebhookHeaders, options: { username: string; passwords: readonly string[] }): boolean {
  requireOption('username', options.username, options.username !== '', 'a non-empty username');
  requireCredentials('passwords', options.passwords);
  const match = BASIC.exec(singleHeader(headers, 'authorization') ?? '');
  if (match === null) return false;
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  // RFC 7617: the user-id cannot contain a colon; the password may.
  const colon = decoded.indexOf(':');
  if (colon === -1) return false;
  const userMatches = constantTimeTextEqual(decoded.slice(0, colon), options.username);
  const passwordMatches = matchesAny(decoded.slice(colon + 1), options.passwords);
  return userMatches && passwordMatches;
}
