export { descriptor, type RazorpayConfig } from './descriptor.js';
export {
  createRazorpayConnector,
  type RazorpayConnector,
  type RazorpayConnectorOptions,
  type RazorpayCredentials,
  type RazorpayKeyPair,
  type RazorpayExtras,
} from './connector.js';
export { RAZORPAY_API_VERSION, RAZORPAY_BASE_URL, RAZORPAY_PROVIDER } from './provider.js';
export type { RazorpayClient } from './client.js';
export type { RazorpayEndpoint } from './endpoints.js';
export { ERROR_RULE_PRECEDENCE, extractRazorpayError, RAZORPAY_ERROR_RULES, razorpayErrorTable, type RazorpayErrorRule } from './errors.js';
export { ERROR_FIELDS, EVENT_FIELDS, HEADERS, IDEMPOTENCY_NOTE, ORDER_FIELDS, PAYMENT_FIELDS, QUERY_FIELDS, RECON_FIELDS, REFUND_FIELDS } from './fields.js';
export { RAZORPAY_DEFAULT_LIMITS, resolveRateLimits, type RazorpayRateLimits } from './limits.js';
export { fromWireAmount, toWireAmount } from './transform/money.js';
export { FAILURE_CODES_BY_REASON } from './transform/failure.js';
export { toPayment, type OrderView } from './transform/payment.js';
export { refundIdempotencyKey, toRefund } from './transform/refund.js';
export { reconDays, SETTLEMENT_ZONE, toSettlementLine, type ReconDay } from './transform/settlement.js';
export { toPaymentEvents } from './transform/event.js';
export { webhookIntake as razorpayWebhookIntake, webhookScheme as razorpayWebhookScheme, WEBHOOK_REPLAY_WINDOW_MS } from './webhooks.js';
export {
  ORDER_STATUS,
  PAYMENT_REFUND_STATUS,
  PAYMENT_STATUS,
  RAZORPAY_CONTRACTS,
  RECON_TYPE,
  REFUND_STATUS,
  SETTLEMENT_STATUS,
  type WireOrder,
  type WirePayment,
  type WireReconItem,
  type WireRefund,
  type WireSettlement,
  type WireWebhook,
} from './wire/index.js';
