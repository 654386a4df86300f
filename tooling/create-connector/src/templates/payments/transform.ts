import { moneyTransformFile } from '../common/money.js';
import type { GeneratedFile, TemplateContext } from '../template.js';

/** src/transform/: provider <-> canonical, both ways, as pure functions over contract-parsed wire objects. */
export function transformFiles({ names }: TemplateContext): GeneratedFile[] {
  const { constant } = names;
  const provider = `${constant}_PROVIDER`;
  return [
    moneyTransformFile(names),
    {
      path: 'src/transform/instants.ts',
      content: `import { parseInstant } from '@interlock/core';
import { ${provider} } from '../provider.js';

/** An instant as the provider writes it, in epoch ms. Template value: whole seconds since the epoch, UTC. */
export function fromWireInstant(seconds: number, field: string): number {
  return parseInstant(seconds, { kind: 'unix_seconds' }, { provider: ${provider}, field });
}

/** A window bound in epoch ms as the provider's whole seconds, rounded up so a window never reaches back before its start. */
export function toWireInstant(epochMs: number): number {
  return Math.ceil(epochMs / 1000);
}
`,
    },
    {
      path: 'src/transform/payment.ts',
      content: `import { fieldReader, statusMap, type Money } from '@interlock/core';
import type { CaptureOptions, CreatePaymentInput, Payment, PaymentStatus } from '@interlock/payments';
import { PAYMENT_FIELDS } from '../fields.js';
import { ${provider} } from '../provider.js';
import { FAILURE_CODE, PAYMENT_STATUS, type WirePayment } from '../wire/payment.js';
import { fromWireInstant } from './instants.js';
import { fromWireAmount, toWireAmount } from './money.js';

/** The provider's statuses per canonical status. Template value: one line per status, from its docs. */
export const PAYMENT_STATUS_MAP = statusMap(PAYMENT_STATUS, {
  requires_action: ['requires_action'],
  pending: ['processing'],
  authorized: ['requires_capture'],
  succeeded: ['succeeded'],
  failed: ['failed'],
  canceled: ['canceled'],
});

/** The provider's failure codes per canonical code; any other is \`unknown\`, its code kept. Template value. */
export const FAILURE_CODE_MAP = statusMap(FAILURE_CODE, {
  card_declined: ['card_declined'],
  insufficient_funds: ['insufficient_funds'],
  expired_card: ['expired_card'],
  incorrect_details: ['incorrect_cvc'],
  authentication_required: ['authentication_required'],
  fraud_suspected: ['fraudulent'],
  processing_error: ['processing_error'],
});

/** The stand-in keeps \`succeeded\` after refunds (as Stripe does), so the refunded amount tells the rest. */
function withRefunds(status: PaymentStatus, captured: Money, refunded: Money): PaymentStatus {
  if (status !== 'succeeded' || refunded.amountMinor === 0) return status;
  return refunded.amountMinor >= captured.amountMinor ? 'refunded' : 'partially_refunded';
}

export function toPayment(wire: WirePayment): Payment {
  const read = fieldReader(PAYMENT_FIELDS, wire);
  const amount = (field: 'amount' | 'amountCaptured' | 'amountRefunded'): Money => fromWireAmount(read.get(field), read.get('currency'), PAYMENT_FIELDS.inbound[field]);
  const status = PAYMENT_STATUS_MAP.map(read.get('status'));
  const failureCode = read.get('failureCode');
  const failure = failureCode === undefined ? undefined : FAILURE_CODE_MAP.map(failureCode);
  const captured = amount('amountCaptured');
  const refunded = amount('amountRefunded');
  return {
    id: read.get('id'),
    provider: ${provider},
    reference: read.text('reference'),
    amount: amount('amount'),
    amountCaptured: captured,
    amountRefunded: refunded,
    status: withRefunds(status.status, captured, refunded),
    statusRaw: status.raw,
    failure: failure && { code: failure.status, providerCode: failure.raw, message: read.text('failureMessage') },
    customerId: read.text('customer'),
    createdAt: fromWireInstant(read.get('createdAt'), PAYMENT_FIELDS.inbound.createdAt),
    updatedAt: fromWireInstant(read.get('updatedAt'), PAYMENT_FIELDS.inbound.updatedAt),
    metadata: { ...read.get('metadata') },
  };
}

export function toCreatePaymentBody(input: CreatePaymentInput): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  PAYMENT_FIELDS.write(body, 'amount', toWireAmount(input.amount));
  PAYMENT_FIELDS.write(body, 'currency', input.amount.currency);
  PAYMENT_FIELDS.write(body, 'captureMethod', input.captureMethod);
  PAYMENT_FIELDS.write(body, 'reference', input.reference);
  PAYMENT_FIELDS.write(body, 'customer', input.customer?.id);
  PAYMENT_FIELDS.write(body, 'customerName', input.customer?.name);
  PAYMENT_FIELDS.write(body, 'customerEmail', input.customer?.email);
  PAYMENT_FIELDS.write(body, 'description', input.description);
  PAYMENT_FIELDS.write(body, 'metadata', input.metadata);
  return body;
}

/** A capture of part of the authorisation names the amount; a full one sends nothing. */
export function toCaptureBody(options: CaptureOptions): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (options.amount !== undefined) PAYMENT_FIELDS.write(body, 'amount', toWireAmount(options.amount));
  return body;
}
`,
    },
    {
      path: 'src/transform/refund.ts',
      content: `import { fieldReader, statusMap } from '@interlock/core';
import type { Refund, RefundOptions } from '@interlock/payments';
import { REFUND_FIELDS } from '../fields.js';
import { REFUND_STATUS, type WireRefund } from '../wire/refund.js';
import { fromWireInstant } from './instants.js';
import { fromWireAmount, toWireAmount } from './money.js';

/** The provider's refund statuses per canonical status. Template value. */
export const REFUND_STATUS_MAP = statusMap(REFUND_STATUS, {
  pending: ['pending'],
  succeeded: ['succeeded'],
  failed: ['failed'],
  canceled: ['canceled'],
});

export function toRefund(wire: WireRefund): Refund {
  const read = fieldReader(REFUND_FIELDS, wire);
  const status = REFUND_STATUS_MAP.map(read.get('status'));
  return {
    id: read.get('id'),
    paymentId: read.get('paymentId'),
    amount: fromWireAmount(read.get('amount'), read.get('currency'), REFUND_FIELDS.inbound.amount),
    status: status.status,
    statusRaw: status.raw,
    reason: read.text('reason'),
    createdAt: fromWireInstant(read.get('createdAt'), REFUND_FIELDS.inbound.createdAt),
  };
}

/** Without an amount the provider refunds whatever is left of the captured amount. */
export function toCreateRefundBody(paymentId: string, options: RefundOptions): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  REFUND_FIELDS.write(body, 'paymentId', paymentId);
  if (options.amount !== undefined) {
    REFUND_FIELDS.write(body, 'amount', toWireAmount(options.amount));
    REFUND_FIELDS.write(body, 'currency', options.amount.currency);
  }
  REFUND_FIELDS.write(body, 'reason', options.reason);
  return body;
}
`,
    },
    {
      path: 'src/transform/settlement.ts',
      content: `import { fieldReader, statusMap, type Money } from '@interlock/core';
import type { SettlementLine } from '@interlock/payments';
import { SETTLEMENT_FIELDS } from '../fields.js';
import { ${provider} } from '../provider.js';
import { SETTLEMENT_TYPE, type WireSettlementLine } from '../wire/settlement.js';
import { fromWireInstant } from './instants.js';
import { fromWireAmount } from './money.js';

/** The provider's line types per canonical kind. Template value. */
export const SETTLEMENT_KIND_MAP = statusMap(SETTLEMENT_TYPE, {
  charge: ['charge'],
  refund: ['refund'],
  fee: ['fee'],
  adjustment: ['adjustment'],
  payout: ['payout'],
});

/** Template value: the stand-in signs amounts from the merchant's side already; a provider that does not is corrected here. */
export function toSettlementLine(wire: WireSettlementLine): SettlementLine {
  const read = fieldReader(SETTLEMENT_FIELDS, wire);
  const amount = (field: 'gross' | 'fee' | 'net'): Money => fromWireAmount(read.get(field), read.get('currency'), SETTLEMENT_FIELDS.inbound[field]);
  return {
    provider: ${provider},
    id: read.get('id'),
    paymentId: read.text('paymentId'),
    refundId: read.text('refundId'),
    kind: SETTLEMENT_KIND_MAP.map(read.get('kind')).status,
    gross: amount('gross'),
    fee: amount('fee'),
    net: amount('net'),
    settledAt: fromWireInstant(read.get('settledAt'), SETTLEMENT_FIELDS.inbound.settledAt),
  };
}
`,
    },
    {
      path: 'src/transform/event.ts',
      content: `import { fieldReader } from '@interlock/core';
import type { PaymentEvent } from '@interlock/payments';
import { EVENT_FIELDS } from '../fields.js';
import { ${provider} } from '../provider.js';
import type { WireEvent } from '../wire/event.js';
import type { WirePayment } from '../wire/payment.js';
import type { WireRefund } from '../wire/refund.js';
import { fromWireInstant } from './instants.js';
import { toPayment } from './payment.js';
import { toRefund } from './refund.js';

/** Parses an event's object with its resource's contract, reporting drift as the client does. */
export interface EventObjectParsers {
  payment(object: unknown): WirePayment;
  refund(object: unknown): WireRefund;
}

/** Template value: the provider's event types by the resource they carry. */
const PAYMENT_EVENT_PREFIX = 'payment.';
const REFUND_EVENT_PREFIX = 'refund.';

/**
 * One verified event as canonical events: a \`payment.*\` event carries the payment as it was when
 * the event happened, a \`refund.*\` event the refund, anything else is \`unknown\` with its type
 * kept. One canonical event per provider event, under the id it was deduped on, so dedupe stays
 * exact; \`occurredAt\` is the event's own time, which the stale guard compares.
 */
export function toPaymentEvents(event: WireEvent, eventId: string, parse: EventObjectParsers): PaymentEvent[] {
  const read = fieldReader(EVENT_FIELDS, event);
  const type = read.get('type');
  const base = {
    id: eventId,
    provider: ${provider},
    providerEventId: eventId,
    rawType: type,
    occurredAt: fromWireInstant(read.get('createdAt'), EVENT_FIELDS.inbound.createdAt),
  };
  if (type.startsWith(PAYMENT_EVENT_PREFIX)) return [{ ...base, type: 'payment.updated', payment: toPayment(parse.payment(read.get('object'))) }];
  if (type.startsWith(REFUND_EVENT_PREFIX)) return [{ ...base, type: 'refund.updated', refund: toRefund(parse.refund(read.get('object'))) }];
  return [{ ...base, type: 'unknown' }];
}
`,
    },
  ];
}
