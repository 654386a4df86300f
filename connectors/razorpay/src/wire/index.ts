import type { Contract } from '@interlock/core';
import type { z } from 'zod';
import { errorContract } from './error.js';
import { orderCollectionContract, orderContract } from './order.js';
import { paymentCollectionContract, paymentContract } from './payment.js';
import { refundCollectionContract, refundContract } from './refund.js';
import { reconCollectionContract, settlementCollectionContract } from './settlement.js';
import { webhookContract } from './webhook.js';

export { notesSchema } from './common.js';
export * from './enums.js';
export { errorContract } from './error.js';
export { orderCollectionContract, orderContract, orderSchema, type WireOrder } from './order.js';
export { paymentCollectionContract, paymentContract, paymentSchema, type WirePayment } from './payment.js';
export { refundCollectionContract, refundContract, refundSchema, type WireRefund } from './refund.js';
export { reconCollectionContract, reconItemSchema, settlementCollectionContract, settlementSchema, type WireReconItem, type WireSettlement } from './settlement.js';
export { webhookContract, webhookSchema, type WireWebhook } from './webhook.js';

/**
 * Every wire contract by name, for fixtures (`"contract": "order"`) and the README. Typed loosely on
 * purpose: the schemas' full inferred types would make the published declarations hundreds of
 * kilobytes; the connector's own code reaches each contract through its endpoint, fully typed.
 */
export const RAZORPAY_CONTRACTS: Readonly<Record<string, Contract<z.ZodTypeAny>>> = {
  order: orderContract,
  order_collection: orderCollectionContract,
  payment: paymentContract,
  payment_collection: paymentCollectionContract,
  refund: refundContract,
  refund_collection: refundCollectionContract,
  settlement_recon_collection: reconCollectionContract,
  settlement_collection: settlementCollectionContract,
  webhook_event: webhookContract,
  error: errorContract,
};
