import { createHash } from 'node:crypto';
import type { Refund, RefundOptions } from '@interlock/payments';
import { refused } from '../errors.js';
import { readFields, REFUND_FIELDS } from '../fields.js';
import type { WireRefund } from '../wire/index.js';
import { instantFromWire } from './instants.js';
import { fromWireAmount, toWireAmount } from './money.js';
import { REFUND_STATUS_MAP } from './status.js';

const ENDPOINT = 'createRefund';

/** What `X-Refund-Idempotency` accepts: at least 10 characters of letters, digits, `-` and `_`. */
const REFUND_KEY = /^[A-Za-z0-9_-]{10,}$/;

/**
 * The `X-Refund-Idempotency` value for a caller's key. A key Razorpay accepts is sent as is; any
 * other (too short, other characters) is replaced by a digest of it, so the same caller key always
 * becomes the same header and a retry across restarts still dedupes. Undefined leaves the key to
 * core, which makes one per operation (a UUID, which Razorpay accepts).
 */
export function refundIdempotencyKey(callerKey: string | undefined): string | undefined {
  if (callerKey === undefined || REFUND_KEY.test(callerKey)) return callerKey;
  return `ik_${createHash('sha256').update(callerKey, 'utf8').digest('hex').slice(0, 40)}`;
}

/**
 * The body of `POST /v1/payments/:id/refund`. Without an amount Razorpay refunds whatever is left
 * of the payment, which is the canonical full refund; the reason travels in the refund's notes.
 */
export function toRefundBody(options: RefundOptions, paymentCurrency: string | undefined): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (options.amount !== undefined) {
    if (paymentCurrency !== undefined && options.amount.currency !== paymentCurrency) {
      throw refused(ENDPOINT, 'currency_mismatch', `the refund is in ${options.amount.currency} but the payment is in ${paymentCurrency}`);
    }
    REFUND_FIELDS.write(body, 'amountMinor', toWireAmount(options.amount, ENDPOINT));
  }
  if (options.reason !== undefined) REFUND_FIELDS.write(body, 'reason', options.reason);
  return body;
}

/** A canonical refund; `paymentId` is the canonical payment it belongs to (the order's id when known). */
export function toRefund(wire: WireRefund, paymentId?: string): Refund {
  const read = readFields(REFUND_FIELDS, wire);
  const status = read.enumValue('status');
  const mapped = status === undefined ? { status: 'unknown' as const, raw: '' } : REFUND_STATUS_MAP.map(status);
  const refund: Refund = {
    id: read.requiredText('id'),
    paymentId: paymentId ?? read.requiredText('paymentId'),
    amount: fromWireAmount(read.int('amountMinor'), read.requiredText('currency'), 'amount'),
    status: mapped.status,
    statusRaw: mapped.raw,
    createdAt: instantFromWire(read.requiredInt('createdAt')),
  };
  const reason = read.text('reason');
  if (reason !== undefined) refund.reason = reason;
  return refund;
}
