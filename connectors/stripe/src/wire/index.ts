import type { Contract } from '@interlock/core';
import type { z } from 'zod';
import { balanceTransactionContract, balanceTransactionListContract } from './balance-transaction.js';
import { chargeContract } from './charge.js';
import { customerContract } from './customer.js';
import { errorContract } from './error.js';
import { eventContract, eventListContract } from './event.js';
import { paymentIntentContract, paymentIntentListContract } from './payment-intent.js';
import { refundContract, refundListContract } from './refund.js';

/**
 * Every wire contract by name, as recorded fixtures name them. Typed loosely on purpose: the
 * schemas' full inferred types would make the published declarations hundreds of kilobytes.
 */
export const STRIPE_CONTRACTS: Readonly<Record<string, Contract<z.ZodTypeAny>>> = {
  [paymentIntentContract.name]: paymentIntentContract,
  [paymentIntentListContract.name]: paymentIntentListContract,
  [chargeContract.name]: chargeContract,
  [refundContract.name]: refundContract,
  [refundListContract.name]: refundListContract,
  [customerContract.name]: customerContract,
  [eventContract.name]: eventContract,
  [eventListContract.name]: eventListContract,
  [balanceTransactionContract.name]: balanceTransactionContract,
  [balanceTransactionListContract.name]: balanceTransactionListContract,
  [errorContract.name]: errorContract,
};
