export {
  createRazorpayConnector,
  type RazorpayConnector,
  type RazorpayConnectorOptions,
  type RazorpayCredentials,
  type RazorpayKeyPair,
  type RazorpayExtras,
} from './connector.js';
export { RAZORPAY_BASE_URL, type RazorpayClient, type RazorpayEndpoint } from './client.js';
export { DESCRIPTION_CODES, extractRazorpayError, RAZORPAY_ERROR_KINDS, razorpayErrorTable, STATUS_CODES } from './errors.js';
export { ERROR_FIELDS, EVENT_FIELDS, HEADERS, IDEMPOTENCY_NOTE, ORDER_FIELDS, PAYMENT_FIELDS, QUERY_FIELDS, RECON_FIELDS, REFUND_FIELDS } from './fields.js';
export { RAZORPAY_DEFAULT_LIMITS, resolveRateLimits, type RazorpayRateLimits } from './limits.js';
export { toWireAmount } from './transform/amounts.js';
export { FAILURE_CODES_BY_REASON } from './transform/failure.js';
export { toCanonicalPayment, type OrderView } from './transform/payment.js';
export { refundIdempotencyKey, toCanonicalRefund } from './transform/refund.js';
export { reconDays, SETTLEMENT_ZONE, toSettlementLine, type ReconDay } from './transform/settlement.js';
export { toPaymentEvents } from './transform/webhook.js';
export { DEFAULT_WEBHOOK_TOLERANCE_MS } from './webhooks.js';
export {
  API_VERSION,
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
