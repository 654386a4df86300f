import type { CanonicalFailureCode, PaymentFailure } from '@interlock/payments';
import { PAYMENT_FIELDS, readFields } from '../fields.js';

/**
 * Razorpay's payment `error_reason` values (errors docs: card, UPI, netbanking and e-mandate
 * reasons) folded onto the canonical failure codes. The provider's reason is always kept beside
 * the canonical code; a reason not listed is `unknown`, never a guess.
 */
export const FAILURE_CODES_BY_REASON: Readonly<Record<string, CanonicalFailureCode>> = {
  card_declined: 'card_declined',
  payment_declined: 'card_declined',
  debit_instrument_blocked: 'card_declined',
  debit_instrument_inactive: 'card_declined',
  authorisation_declined_by_psp: 'card_declined',
  insufficient_funds: 'insufficient_funds',
  card_expired: 'expired_card',
  card_number_invalid: 'incorrect_details',
  incorrect_card_details: 'incorrect_details',
  bank_account_invalid: 'incorrect_details',
  bank_account_validation_failed: 'incorrect_details',
  invalid_vpa: 'incorrect_details',
  authentication_failed: 'authentication_required',
  invalid_otp: 'authentication_required',
  payment_risk_check_failed: 'fraud_suspected',
  suspected_fraud: 'fraud_suspected',
  bank_technical_error: 'processing_error',
  gateway_technical_error: 'processing_error',
  bank_not_available: 'processing_error',
  server_error: 'processing_error',
  transaction_limit_exceeded: 'limit_exceeded',
  amount_exceeds_limit: 'limit_exceeded',
  payment_cancelled: 'canceled_by_customer',
  payment_timed_out: 'canceled_by_customer',
};

/** Why a payment attempt failed: the canonical code, Razorpay's reason (or code) and description. */
export function failureOf(payment: unknown): PaymentFailure {
  const read = readFields(PAYMENT_FIELDS, payment);
  const reason = read.text('errorReason');
  const providerCode = reason ?? read.text('errorCode');
  const message = read.text('errorDescription');
  const failure: PaymentFailure = { code: (reason === undefined ? undefined : FAILURE_CODES_BY_REASON[reason]) ?? 'unknown' };
  if (providerCode !== undefined) failure.providerCode = providerCode;
  if (message !== undefined) failure.message = message;
  return failure;
}
