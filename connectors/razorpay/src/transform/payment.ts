import { addMoney, enumText, type Money, type OpenEnumValue } from '@interlock/core';
import type { Payment } from '@interlock/payments';
import { ORDER_FIELDS, PAYMENT_FIELDS, readFields } from '../fields.js';
import { RAZORPAY_PROVIDER } from '../provider.js';
import type { WireOrder, WirePayment } from '../wire/index.js';
import { failureOf } from './failure.js';
import { instantFromWire } from './instants.js';
import { fromWireAmount } from './money.js';
import { metadataFromNotes } from './notes.js';
import { ATTEMPT_PRECEDENCE, ATTEMPT_STATUS, CAPTURED_REFUND_STATUS, ORDER_ONLY_STATUS, type CanonicalStatus } from './status.js';

/**
 * What Razorpay knows about one canonical payment: the order (absent when only a payment entity
 * is at hand, as in most webhooks or a payment taken outside an order) and its payment attempts.
 */
export interface OrderView {
  order?: WireOrder | undefined;
  payments: readonly WirePayment[];
  /** When this view was true, if later than any entity's `created_at` (a webhook's `created_at`). */
  observedAt?: number | undefined;
}

interface Attempt {
  wire: WirePayment;
  status: CanonicalStatus;
  captured: boolean;
  amount: Money;
  refunded: Money;
  createdAt: number;
}

/** Whether an attempt's money was captured; thin samples without `captured` say so by their status alone. */
export function isCaptured(wire: WirePayment): boolean {
  const read = readFields(PAYMENT_FIELDS, wire);
  const status = read.enumValue('status');
  return read.bool('captured') ?? (status?.known === true && (status.value === 'captured' || status.value === 'refunded'));
}

function attemptOf(wire: WirePayment): Attempt {
  const read = readFields(PAYMENT_FIELDS, wire);
  const status = read.enumValue('status');
  const mapped: CanonicalStatus = status === undefined ? { status: 'unknown', raw: '' } : ATTEMPT_STATUS.map(status);
  const refined = mapped.status === 'succeeded' ? refineByRefunds(read.enumValue('refundStatus'), mapped) : mapped;
  const currency = read.requiredText('currency');
  return {
    wire,
    status: refined,
    captured: isCaptured(wire),
    amount: fromWireAmount(read.int('amountMinor'), currency, 'amount'),
    // Absent on the thinnest samples, which are never refunded.
    refunded: fromWireAmount(read.int('amountRefunded') ?? 0, currency, 'amount_refunded'),
    createdAt: instantFromWire(read.requiredInt('createdAt')),
  };
}

/** A captured attempt with a `refund_status` is partially or fully refunded; an unknown one stays unknown. */
function refineByRefunds(refundStatus: OpenEnumValue<string> | undefined, captured: CanonicalStatus): CanonicalStatus {
  if (refundStatus === undefined) return captured;
  const mapped = CAPTURED_REFUND_STATUS.map(refundStatus);
  return mapped.status === 'unknown' ? mapped : { status: mapped.status, raw: captured.raw };
}

/** The attempt that decides the order's status; ties go to the most recent. */
function leading(attempts: readonly Attempt[]): Attempt | undefined {
  let best: Attempt | undefined;
  for (const attempt of attempts) {
    if (best === undefined) {
      best = attempt;
      continue;
    }
    const rank = ATTEMPT_PRECEDENCE[attempt.status.status] - ATTEMPT_PRECEDENCE[best.status.status];
    if (rank > 0 || (rank === 0 && attempt.createdAt >= best.createdAt)) best = attempt;
  }
  return best;
}

function total(amounts: readonly Money[], zero: Money): Money {
  return amounts.reduce((sum, amount) => addMoney(sum, amount), zero);
}

/**
 * The canonical Payment of a Razorpay order. `id` is the order's id (a lone payment's own id when
 * it belongs to no order), the status comes from the attempt that speaks for the order (see
 * ATTEMPT_PRECEDENCE), captured and refunded amounts add up every attempt, and the failure of the
 * leading attempt is reported only when the canonical status is `failed`.
 */
export function toPayment(view: OrderView): Payment {
  const attempts = view.payments.map(attemptOf);
  const lead = leading(attempts);
  const order = view.order === undefined ? undefined : readFields(ORDER_FIELDS, view.order);
  const attempt = lead === undefined ? undefined : readFields(PAYMENT_FIELDS, lead.wire);
  const source = order ?? attempt;
  if (source === undefined) throw new TypeError('A Razorpay payment view needs an order or at least one payment');

  const currency = source.requiredText('currency');
  const amount = fromWireAmount(source.int('amountMinor'), currency, 'amount');
  const zero = fromWireAmount(0, currency, 'amount');
  // Without the attempts at hand (a bare order), the order's own `amount_paid` says what was captured.
  const captured =
    attempts.length === 0
      ? fromWireAmount(order?.int('amountPaid') ?? 0, currency, 'amount_paid')
      : total(attempts.filter((each) => each.captured).map((each) => each.amount), zero);
  const refunded = total(attempts.map((each) => each.refunded), zero);

  const orderStatus = order?.enumValue('status');
  const status: CanonicalStatus =
    lead?.status ?? (orderStatus === undefined ? { status: 'unknown', raw: '' } : ORDER_ONLY_STATUS.map(orderStatus));
  const statusRaw = lead === undefined ? (orderStatus === undefined ? '' : enumText(orderStatus)) : status.raw;

  const createdAt = instantFromWire(source.requiredInt('createdAt'));
  const updatedAt = Math.max(createdAt, ...attempts.map((each) => each.createdAt), view.observedAt ?? 0);
  const id = order?.text('id') ?? attempt?.text('orderId') ?? source.requiredText('id');

  const payment: Payment = {
    id,
    provider: RAZORPAY_PROVIDER,
    amount,
    amountCaptured: captured,
    amountRefunded: refunded,
    status: status.status,
    statusRaw,
    createdAt,
    updatedAt,
    metadata: metadataFromNotes(order === undefined ? attempt?.raw('notes') : order.raw('notes')),
  };
  const reference = order?.text('reference');
  if (reference !== undefined) payment.reference = reference;
  const customerId = attempt?.text('customerId');
  if (customerId !== undefined) payment.customerId = customerId;
  if (status.status === 'failed' && lead !== undefined) payment.failure = failureOf(lead.wire);
  return payment;
}
