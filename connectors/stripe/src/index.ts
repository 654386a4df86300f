export {
  createStripeConnector,
  type StripeConnector,
  type StripeConnectorOptions,
  type StripeCredentials,
  type StripeEventFilter,
} from './connector.js';
export { STRIPE_API_BASE_URL, STRIPE_API_VERSION, STRIPE_PROVIDER } from './version.js';
export { STRIPE_RATE_LIMITS, type StripeMode, type StripeRateLimits } from './limits.js';
export { STRIPE_ERROR_KINDS, stripeErrorTable } from './errors.js';
export { STRIPE_FIELD_MAPPINGS } from './fields.js';
export { STRIPE_CONTRACTS } from './wire/index.js';
export { PAYMENT_INTENT_STATUS } from './wire/payment-intent.js';
export { REFUND_STATUS } from './wire/refund.js';
export { BALANCE_TRANSACTION_TYPE } from './wire/balance-transaction.js';
export { DECLINE_CODE_MAP, STRIPE_DECLINE_CODE } from './transform/failure.js';
export { PAYMENT_STATUS_MAP } from './transform/payment.js';
export { REFUND_STATUS_MAP } from './transform/refund.js';
export { SETTLEMENT_KIND_MAP } from './transform/settlement.js';
export { fromStripeAmount, stripeExponent, toStripeAmount } from './transform/money.js';
export type { StripeCustomerInput } from './transform/customer.js';
