import type { GeneratedFile, TemplateContext } from '../template.js';

/**
 * src/wire/: the stand-in provider's contracts, one file per resource. Every field the provider
 * sends is listed (an unlisted one is reported as drift); enums are open (an unknown value is
 * kept raw and alerted on, never a failure).
 */
export function wireFiles({ names }: TemplateContext): GeneratedFile[] {
  const { constant, id } = names;
  const note = (resource: string, remark = ''): string =>
    `/** The provider's ${resource} as the pinned version sends it${remark}. Template value: its shape, from the provider's spec or docs. */`;
  return [
    {
      path: 'src/wire/payment.ts',
      content: `import { openEnum } from '@interlock/core';
import { z } from 'zod';
import { listOf, wireContract } from './envelope.js';

export const PAYMENT_STATUS = openEnum('${id}.payment_status', ['requires_action', 'processing', 'requires_capture', 'succeeded', 'failed', 'canceled']);

/** Why an attempt failed, in the provider's words. */
export const FAILURE_CODE = openEnum('${id}.failure_code', [
  'card_declined',
  'insufficient_funds',
  'expired_card',
  'incorrect_cvc',
  'authentication_required',
  'fraudulent',
  'processing_error',
]);

${note('payment')}
export const wirePayment = z.object({
  id: z.string(),
  object: z.literal('payment'),
  amount: z.number().int(),
  amount_captured: z.number().int(),
  amount_refunded: z.number().int(),
  currency: z.string(),
  status: PAYMENT_STATUS.schema,
  capture_method: z.string(),
  reference: z.string().nullable(),
  customer: z.string().nullable(),
  description: z.string().nullable(),
  failure: z.object({ code: FAILURE_CODE.schema, message: z.string() }).nullable(),
  metadata: z.record(z.string(), z.string()),
  created_at: z.number().int(),
  updated_at: z.number().int(),
});

export type WirePayment = z.output<typeof wirePayment>;

export const paymentContract = wireContract('payment', wirePayment);
export const paymentListContract = wireContract('payment_list', listOf(wirePayment));
`,
    },
    {
      path: 'src/wire/refund.ts',
      content: `import { openEnum } from '@interlock/core';
import { z } from 'zod';
import { wireContract } from './envelope.js';

export const REFUND_STATUS = openEnum('${id}.refund_status', ['pending', 'succeeded', 'failed', 'canceled']);

${note('refund')}
export const wireRefund = z.object({
  id: z.string(),
  object: z.literal('refund'),
  payment: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  status: REFUND_STATUS.schema,
  reason: z.string().nullable(),
  created_at: z.number().int(),
});

export type WireRefund = z.output<typeof wireRefund>;

export const refundContract = wireContract('refund', wireRefund);
`,
    },
    {
      path: 'src/wire/settlement.ts',
      content: `import { openEnum } from '@interlock/core';
import { z } from 'zod';
import { listOf, wireContract } from './envelope.js';

export const SETTLEMENT_TYPE = openEnum('${id}.settlement_type', ['charge', 'refund', 'fee', 'adjustment', 'payout']);

${note('settlement line', ", amounts signed from the merchant's side")}
export const wireSettlementLine = z.object({
  id: z.string(),
  object: z.literal('settlement_line'),
  type: SETTLEMENT_TYPE.schema,
  payment: z.string().nullable(),
  refund: z.string().nullable(),
  gross: z.number().int(),
  fee: z.number().int(),
  net: z.number().int(),
  currency: z.string(),
  settled_at: z.number().int(),
});

export type WireSettlementLine = z.output<typeof wireSettlementLine>;

export const settlementListContract = wireContract('settlement_list', listOf(wireSettlementLine));
`,
    },
    {
      path: 'src/wire/index.ts',
      content: `import { errorContract } from './error.js';
import { eventContract } from './event.js';
import { paymentContract, paymentListContract } from './payment.js';
import { refundContract } from './refund.js';
import { settlementListContract } from './settlement.js';

export { errorContract, wireError, type WireError } from './error.js';
export { eventContract, wireEvent, type WireEvent } from './event.js';
export { FAILURE_CODE, PAYMENT_STATUS, paymentContract, paymentListContract, wirePayment, type WirePayment } from './payment.js';
export { REFUND_STATUS, refundContract, wireRefund, type WireRefund } from './refund.js';
export { SETTLEMENT_TYPE, settlementListContract, wireSettlementLine, type WireSettlementLine } from './settlement.js';

/** Every contract by the name recorded fixtures give it, so a fixture's body is checked as it loads. */
export const ${constant}_CONTRACTS = {
  payment: paymentContract,
  payment_list: paymentListContract,
  refund: refundContract,
  settlement_list: settlementListContract,
  event: eventContract,
  error: errorContract,
} as const;
`,
    },
  ];
}
