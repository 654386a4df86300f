import { IntegrationError, isIntegrationError, type ErrorKind, type ProviderErrorDetail, type ProviderErrorTable } from '@interlock/core';
import { ERROR_FIELDS, readFields } from './fields.js';
import { RAZORPAY_PROVIDER } from './provider.js';

/**
 * What a rule reads from Razorpay's error, from the most specific to the least: the description
 * names one condition (Razorpay gives several no code of their own), a status with a documented
 * meaning comes next, then the `reason` (a category: `input_validation_failed` covers an unknown
 * id as well as a bad month), then the error's `code` (a class: `BAD_REQUEST_ERROR` even comes
 * with 401).
 */
export const ERROR_RULE_PRECEDENCE = ['description', 'status', 'reason', 'code'] as const;

/**
 * One line of the error table. A rule on the description or the status names the code it reports;
 * a rule on the reason or the code reports what it read.
 */
export type RazorpayErrorRule =
  | { description: RegExp; code: string; kind: ErrorKind }
  | { status: number; code: string; kind: ErrorKind }
  | { reason: string; kind: ErrorKind }
  | { code: string; kind: ErrorKind };

function readsOn(rule: RazorpayErrorRule): (typeof ERROR_RULE_PRECEDENCE)[number] {
  if ('description' in rule) return 'description';
  if ('status' in rule) return 'status';
  if ('reason' in rule) return 'reason';
  return 'code';
}

function reportedCode(rule: RazorpayErrorRule): string {
  return 'reason' in rule ? rule.reason : rule.code;
}

/**
 * Razorpay's error knowledge as data: the first rule that matches decides, and the rules are
 * listed in ERROR_RULE_PRECEDENCE order, which `razorpayErrorTable` enforces. When none matches,
 * `error.code` is reported and the HTTP status decides the kind (400 invalid_request, 401 auth,
 * 404 not_found, 429 rate_limited, 5xx unavailable), which is why `BAD_REQUEST_ERROR` itself is
 * not listed.
 */
export const RAZORPAY_ERROR_RULES: readonly RazorpayErrorRule[] = [
  { description: /^Different request with the same idempotency key/i, code: 'idempotency_key_reused', kind: 'conflict' },
  // Sent as a 400 with reason `input_validation_failed`: the description is what says "not found".
  { description: /^The id provided does not exist/i, code: 'id_not_found', kind: 'not_found' },
  { description: /already been captured/i, code: 'already_captured', kind: 'conflict' },
  // The docs say a 409 on an idempotent refund means the first request is still being processed
  // and may be retried, so it is transient, not a conflict.
  { status: 409, code: 'request_in_progress', kind: 'rate_limited' },
  // The payment itself was refused: retrying the same request cannot help.
  { reason: 'payment_failed', kind: 'business_rejected' },
  { reason: 'card_declined', kind: 'business_rejected' },
  { reason: 'insufficient_funds', kind: 'business_rejected' },
  { reason: 'authentication_failed', kind: 'business_rejected' },
  { reason: 'invalid_otp', kind: 'business_rejected' },
  { reason: 'card_expired', kind: 'business_rejected' },
  { reason: 'card_number_invalid', kind: 'business_rejected' },
  { reason: 'debit_instrument_blocked', kind: 'business_rejected' },
  { reason: 'debit_instrument_inactive', kind: 'business_rejected' },
  { reason: 'authorisation_declined_by_psp', kind: 'business_rejected' },
  { reason: 'payment_cancelled', kind: 'business_rejected' },
  { reason: 'payment_timed_out', kind: 'business_rejected' },
  { reason: 'input_validation_failed', kind: 'invalid_request' },
  { code: 'GATEWAY_ERROR', kind: 'unavailable' },
  { code: 'SERVER_ERROR', kind: 'unavailable' },
];

/** Refuses rules out of precedence order or reporting one code twice: which rule wins must not depend on where a line was added. */
function checkedRules(rules: readonly RazorpayErrorRule[]): readonly RazorpayErrorRule[] {
  const reported = new Set<string>();
  let tier = 0;
  for (const rule of rules) {
    const on = readsOn(rule);
    const code = reportedCode(rule);
    const ruleTier = ERROR_RULE_PRECEDENCE.indexOf(on);
    if (ruleTier < tier) {
      throw new TypeError(`razorpay error rules: '${code}' reads the ${on} and must come before every rule on the ${ERROR_RULE_PRECEDENCE[tier]} (most specific first)`);
    }
    if (reported.has(code)) throw new TypeError(`razorpay error rules: '${code}' is reported by two rules`);
    reported.add(code);
    tier = ruleTier;
  }
  return rules;
}

function matches(rule: RazorpayErrorRule, error: { description: string | undefined; status: number; reason: string | undefined; code: string | undefined }): boolean {
  if ('description' in rule) return error.description !== undefined && rule.description.test(error.description);
  if ('status' in rule) return rule.status === error.status;
  if ('reason' in rule) return rule.reason === error.reason;
  return rule.code === error.code;
}

/** Reads Razorpay's error body into the code to classify by (the first matching rule's) and the description to report. */
export function extractRazorpayError(body: unknown, status: number, rules: readonly RazorpayErrorRule[] = RAZORPAY_ERROR_RULES): ProviderErrorDetail | undefined {
  const error = readFields(ERROR_FIELDS, body);
  const code = error.text('code');
  // A body that is not Razorpay's (a proxy's page, an echo) may still say something in `message`.
  const message = error.text('description') ?? messageOf(body);
  const rule = rules.find((each) => matches(each, { description: message, status, reason: error.text('reason'), code }));
  const reported = rule === undefined ? code : reportedCode(rule);
  if (reported === undefined && message === undefined) return undefined;
  return { code: reported, message };
}

function messageOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error = body.error;
  if (typeof error !== 'object' || error === null || !('message' in error)) return undefined;
  return typeof error.message === 'string' ? error.message : undefined;
}

/** The error table core classifies Razorpay's responses with; `rules` replaces the defaults in tests, checked the same way. */
export function razorpayErrorTable(rules: readonly RazorpayErrorRule[] = RAZORPAY_ERROR_RULES): ProviderErrorTable {
  const checked = checkedRules(rules);
  const codes: Record<string, ErrorKind> = Object.fromEntries(checked.map((rule) => [reportedCode(rule), rule.kind]));
  return { codes, extract: (body, status) => extractRazorpayError(body, status, checked) };
}

/** A request the connector refuses before sending: Razorpay would reject it, or worse, accept a different amount. */
export function refused(endpoint: string, reason: string, message: string): IntegrationError {
  return new IntegrationError('invalid_request', `${RAZORPAY_PROVIDER} ${endpoint}: ${message}`, {
    provider: RAZORPAY_PROVIDER,
    endpoint,
    reason,
    requestMayHaveReachedProvider: false,
  });
}

/**
 * Razorpay throttles (429, "Throttling Error") before it processes a request, so a throttled
 * create made nothing: the failure says so, and the create is sent again without a receipt
 * lookup. Any other failure is left as it was.
 */
export function throttledMadeNothing(error: unknown): unknown {
  return isIntegrationError(error) && error.status === 429 ? error.with({ requestMayHaveReachedProvider: false }) : error;
}
