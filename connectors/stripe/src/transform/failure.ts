import { openEnum, statusMap, type UnknownValueTracker } from '@interlock/core';
import type { CanonicalFailureCode, PaymentFailure } from '@interlock/payments';

/**
 * Stripe's card error codes and decline codes (docs.stripe.com/declines/codes and
 * docs.stripe.com/error-codes), the vocabulary of `last_payment_error.code`/`decline_code` and of
 * a 402 `card_error`. An unlisted code maps to `unknown` and is reported once as an unknown value.
 */
export const STRIPE_DECLINE_CODE = openEnum('stripe.decline_code', [
  'approve_with_id',
  'authentication_required',
  'call_issuer',
  'card_decline_rate_limit_exceeded',
  'card_declined',
  'card_not_supported',
  'card_velocity_exceeded',
  'currency_not_supported',
  'do_not_honor',
  'do_not_try_again',
  'duplicate_transaction',
  'expired_card',
  'fraudulent',
  'generic_decline',
  'incorrect_cvc',
  'incorrect_number',
  'incorrect_pin',
  'incorrect_zip',
  'insufficient_funds',
  'invalid_account',
  'invalid_amount',
  'invalid_cvc',
  'invalid_expiry_month',
  'invalid_expiry_year',
  'invalid_number',
  'invalid_pin',
  'issuer_not_available',
  'lost_card',
  'merchant_blacklist',
  'new_account_information_available',
  'no_action_taken',
  'not_permitted',
  'offline_pin_required',
  'online_or_offline_pin_required',
  'payment_intent_authentication_failure',
  'pickup_card',
  'pin_try_exceeded',
  'processing_error',
  'reenter_transaction',
  'restricted_card',
  'revocation_of_all_authorizations',
  'revocation_of_authorization',
  'security_violation',
  'service_not_allowed',
  'stolen_card',
  'stop_payment_order',
  'testmode_decline',
  'transaction_not_allowed',
  'try_again_later',
  'withdrawal_count_limit_exceeded',
]);

/** Stripe's codes per canonical failure code; the canonical list is closed, Stripe's is not. */
export const DECLINE_CODE_MAP = statusMap(STRIPE_DECLINE_CODE, {
  card_declined: [
    'approve_with_id',
    'call_issuer',
    'card_declined',
    'card_not_supported',
    'currency_not_supported',
    'do_not_honor',
    'do_not_try_again',
    'duplicate_transaction',
    'generic_decline',
    'invalid_account',
    'invalid_amount',
    'new_account_information_available',
    'no_action_taken',
    'not_permitted',
    'restricted_card',
    'revocation_of_all_authorizations',
    'revocation_of_authorization',
    'security_violation',
    'service_not_allowed',
    'stop_payment_order',
    'testmode_decline',
    'transaction_not_allowed',
  ],
  insufficient_funds: ['insufficient_funds'],
  expired_card: ['expired_card'],
  incorrect_details: [
    'incorrect_cvc',
    'incorrect_number',
    'incorrect_pin',
    'incorrect_zip',
    'invalid_cvc',
    'invalid_expiry_month',
    'invalid_expiry_year',
    'invalid_number',
    'invalid_pin',
  ],
  authentication_required: ['authentication_required', 'offline_pin_required', 'online_or_offline_pin_required', 'payment_intent_authentication_failure'],
  fraud_suspected: ['fraudulent', 'lost_card', 'merchant_blacklist', 'pickup_card', 'stolen_card'],
  processing_error: ['issuer_not_available', 'processing_error', 'reenter_transaction', 'try_again_later'],
  limit_exceeded: ['card_decline_rate_limit_exceeded', 'card_velocity_exceeded', 'pin_try_exceeded', 'withdrawal_count_limit_exceeded'],
});

/**
 * The canonical failure for a Stripe error: the most specific of its codes that maps, `decline_code`
 * before `code`, and that code as `providerCode`. A code the map does not know is reported through
 * the tracker (the unknown-value alert) and passed over, so a new decline code beside a known `code`
 * (`authentication_required`) keeps the known meaning instead of becoming `unknown`. Only when no
 * code maps is the failure `unknown`, with the most specific code kept raw.
 */
export function failureFromStripe(
  detail: { code?: string | undefined; declineCode?: string | undefined; message?: string | undefined },
  tracker?: UnknownValueTracker,
): PaymentFailure {
  const codes = [detail.declineCode, detail.code].filter((code): code is string => code !== undefined);
  let code: CanonicalFailureCode = 'unknown';
  let providerCode = codes[0];
  for (const candidate of codes) {
    const mapped = DECLINE_CODE_MAP.map(candidate, tracker).status;
    if (mapped === 'unknown') continue;
    code = mapped;
    providerCode = candidate;
    break;
  }
  return {
    code,
    ...(providerCode === undefined ? {} : { providerCode }),
    ...(detail.message === undefined ? {} : { message: detail.message }),
  };
}
