import { IntegrationError, newIdempotencyKey } from '@interlock/core';
import type { OutcomeResolution, Refund, RefundOptions } from '@interlock/payments';
import { refused } from '../errors.js';
import { IDEMPOTENCY_NOTE, PAYMENT_FIELDS, readFields } from '../fields.js';
import { RAZORPAY_PROVIDER } from '../provider.js';
import { idempotencyKeyFromNotes } from '../transform/notes.js';
import { isCaptured } from '../transform/payment.js';
import { refundIdempotencyKey, toRefund, toRefundBody } from '../transform/refund.js';
import type { WirePayment, WireRefund } from '../wire/index.js';
import { isPaymentAttemptId, type RazorpayContext } from './context.js';
import { readCollection } from './pages.js';
import { readView } from './payments.js';

function remaining(payment: WirePayment): number {
  const read = readFields(PAYMENT_FIELDS, payment);
  return read.requiredInt('amountMinor') - (read.int('amountRefunded') ?? 0);
}

/** The captured attempts a canonical payment id can be refunded through: the order's, or the `pay_…` named. */
async function capturedAttempts(ctx: RazorpayContext, id: string): Promise<WirePayment[] | undefined> {
  return isPaymentAttemptId(id) ? undefined : (await readView(ctx, id)).payments.filter(isCaptured);
}

function attemptIds(id: string, captured: readonly WirePayment[] | undefined): string[] {
  return captured === undefined ? [id] : captured.map((payment) => readFields(PAYMENT_FIELDS, payment).requiredText('id'));
}

/** The refund an earlier call under this key made, found by the key the connector keeps in its notes. */
async function refundMadeWith(ctx: RazorpayContext, paymentAttemptIds: readonly string[], key: string): Promise<WireRefund | undefined> {
  for (const id of paymentAttemptIds) {
    for await (const refund of readCollection(ctx, 'listPaymentRefunds', {}, undefined, { id })) {
      if (idempotencyKeyFromNotes(refund.notes) === key) return refund;
    }
  }
  return undefined;
}

/**
 * Refunds the order's captured payment (or the `pay_…` attempt named), in full when no amount is
 * given. `X-Refund-Idempotency` carries the operation's key on every attempt, so a retried refund
 * is never paid twice, and the refund keeps the key in its notes, so it can be found by it. A
 * caller that passes its own key may be repeating a call whose answer was lost: the refund that
 * key made on the order is looked up before the remaining amount is checked, since after a full
 * refund nothing is left and the repeat would otherwise be refused. Without a caller key, a refund that may have
 * reached Razorpay ends as `outcome_unknown`, settled by `resolveRefund`. Refunding through an order
 * id, the refund's `paymentId` is the order's id; through a `pay_…` id it is that id, since
 * Razorpay's refund entity does not name the order.
 */
export async function refundPayment(ctx: RazorpayContext, id: string, options: RefundOptions = {}): Promise<Refund> {
  const key = refundIdempotencyKey(options.idempotencyKey) ?? newIdempotencyKey(ctx.clock.now());
  const captured = await capturedAttempts(ctx, id);
  // Only an order's refund is checked here for what is left; a `pay_…` refund goes straight to
  // Razorpay, whose X-Refund-Idempotency answers a repeated key with the refund it made.
  if (options.idempotencyKey !== undefined && captured !== undefined) {
    const made = await refundMadeWith(ctx, attemptIds(id, captured), key);
    if (made !== undefined) return sameRefund(toRefund(made, id), options);
  }
  let target = id;
  let currency: string | undefined;
  if (captured !== undefined) {
    const wanted = options.amount?.amountMinor ?? 1;
    const payment = captured.find((attempt) => remaining(attempt) >= wanted);
    if (payment === undefined) throw refused('createRefund', 'nothing_to_refund', `${id} has no captured payment with ${wanted} left to refund`);
    const read = readFields(PAYMENT_FIELDS, payment);
    target = read.requiredText('id');
    currency = read.requiredText('currency');
  }
  const body = withKeyNote(toRefundBody(options, currency), key);
  const callerKeepsKey = options.idempotencyKey !== undefined;
  return toRefund(await ctx.api.call('createRefund', { pathParams: { id: target }, body, idempotencyKey: key, callerKeepsKey }), id);
}

/** What became of a refund that ended as `outcome_unknown`: the refund its key made, or none. */
export async function resolveRefund(ctx: RazorpayContext, id: string, key: string): Promise<OutcomeResolution> {
  const made = await refundMadeWith(ctx, attemptIds(id, await capturedAttempts(ctx, id)), key);
  return made === undefined ? { happened: false } : { happened: true, refund: toRefund(made, id) };
}

/** A key reused for another amount is a `conflict`, as Razorpay answers when the header is reused with another body. */
function sameRefund(refund: Refund, options: RefundOptions): Refund {
  const asked = options.amount;
  if (asked === undefined || (asked.amountMinor === refund.amount.amountMinor && asked.currency === refund.amount.currency)) return refund;
  throw new IntegrationError('conflict', `${RAZORPAY_PROVIDER} createRefund: idempotency key reused for a different refund (${refund.id})`, {
    provider: RAZORPAY_PROVIDER,
    endpoint: 'createRefund',
    reason: 'idempotency_key_reused',
    requestMayHaveReachedProvider: false,
  });
}

function withKeyNote(body: Record<string, unknown>, key: string): Record<string, unknown> {
  const notes = body['notes'];
  return { ...body, notes: { ...(typeof notes === 'object' && notes !== null ? notes : {}), [IDEMPOTENCY_NOTE]: key } };
}

/** One refund by its `rfnd_…` id; `paymentId` is the refunded `pay_…` id. */
export async function getRefund(ctx: RazorpayContext, refundId: string): Promise<Refund> {
  return toRefund(await ctx.api.call('getRefund', { pathParams: { id: refundId } }));
}
