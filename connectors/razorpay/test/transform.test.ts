import { money, parseContract } from '@interlock/core';
import { paymentSchema } from '@interlock/payments';
import { describe, expect, it } from 'vitest';
import { FAILURE_CODES_BY_REASON, ORDER_FIELDS, toPayment } from '../src/index.js';
import { readFields } from '../src/fields.js';
import { failureOf } from '../src/transform/failure.js';
import { idempotencyKeyFromNotes, metadataFromNotes } from '../src/transform/notes.js';
import { matchCreatedOrder, toOrderBody } from '../src/transform/order-request.js';
import { refundIdempotencyKey, toRefund, toRefundBody } from '../src/transform/refund.js';
import { reconDays, toSettlementLine } from '../src/transform/settlement.js';
import { orderContract, paymentContract, reconItemSchema, refundContract, type WireOrder, type WirePayment } from '../src/wire/index.js';

const ORDER = { id: 'order_Nq1', entity: 'order', amount: 50000, amount_paid: 0, amount_due: 50000, currency: 'INR', receipt: 'order-7', status: 'created', attempts: 0, notes: [], created_at: 1767225600 };
const PAYMENT = {
  id: 'pay_Nq1',
  entity: 'payment',
  amount: 50000,
  currency: 'INR',
  status: 'created',
  order_id: 'order_Nq1',
  amount_refunded: 0,
  refund_status: null,
  captured: false,
  notes: [],
  error_code: null,
  error_description: null,
  error_reason: null,
  created_at: 1767225660,
};

const order = (patch: Record<string, unknown> = {}): WireOrder => parseContract(orderContract, { ...ORDER, ...patch }).value;
const attempt = (patch: Record<string, unknown> = {}): WirePayment => parseContract(paymentContract, { ...PAYMENT, ...patch }).value;
const status = (o: WireOrder, payments: WirePayment[]) => {
  const payment = toPayment({ order: o, payments });
  paymentSchema.parse(payment);
  return [payment.status, payment.statusRaw];
};

describe('the canonical status of an order', () => {
  it('follows the order while nobody has tried to pay', () => {
    expect(status(order(), [])).toEqual(['requires_action', 'created']);
    expect(status(order({ status: 'attempted' }), [])).toEqual(['pending', 'attempted']);
    expect(status(order({ status: 'paid', amount_paid: 50000 }), [])).toEqual(['succeeded', 'paid']);
  });

  it('follows the attempt that speaks for it', () => {
    const attempted = order({ status: 'attempted', attempts: 1 });
    expect(status(attempted, [attempt()])).toEqual(['pending', 'created']);
    expect(status(attempted, [attempt({ status: 'authorized' })])).toEqual(['authorized', 'authorized']);
    expect(status(order({ status: 'paid' }), [attempt({ status: 'captured', captured: true })])).toEqual(['succeeded', 'captured']);
    expect(status(order({ status: 'paid' }), [attempt({ status: 'captured', captured: true, amount_refunded: 100, refund_status: 'partial' })])).toEqual(['partially_refunded', 'captured']);
    expect(status(order({ status: 'paid' }), [attempt({ status: 'refunded', captured: true, amount_refunded: 50000, refund_status: 'full' })])).toEqual(['refunded', 'refunded']);
    expect(status(order({ status: 'paid' }), [attempt({ status: 'captured', captured: true, refund_status: 'full' })])).toEqual(['refunded', 'captured']);
  });

  it('is failed only when no later attempt did better', () => {
    const failed = attempt({ id: 'pay_f', status: 'failed', error_code: 'BAD_REQUEST_ERROR', error_reason: 'insufficient_funds', error_description: 'Insufficient balance' });
    const payment = toPayment({ order: order({ status: 'attempted' }), payments: [failed] });
    expect(payment).toMatchObject({ status: 'failed', failure: { code: 'insufficient_funds', providerCode: 'insufficient_funds', message: 'Insufficient balance' } });
    const later = attempt({ id: 'pay_ok', status: 'captured', captured: true, created_at: 1767225700 });
    const recovered = toPayment({ order: order({ status: 'paid' }), payments: [failed, later] });
    expect(recovered).toMatchObject({ status: 'succeeded', amountCaptured: money(50000, 'INR') });
    expect(recovered.failure).toBeUndefined();
  });

  it('keeps an unknown status raw instead of guessing, and an unknown refund status too', () => {
    expect(status(order({ status: 'attempted' }), [attempt({ status: 'on_hold' })])).toEqual(['unknown', 'on_hold']);
    expect(status(order({ status: 'expired' }), [])).toEqual(['unknown', 'expired']);
    expect(status(order({ status: 'paid' }), [attempt({ status: 'captured', captured: true, refund_status: 'reversed' })])).toEqual(['unknown', 'reversed']);
    // Money that moved still speaks louder than an attempt in a state nobody mapped.
    expect(status(order({ status: 'paid' }), [attempt({ id: 'pay_x', status: 'on_hold' }), attempt({ status: 'captured', captured: true })])).toEqual(['succeeded', 'captured']);
  });

  it('adds up captured and refunded amounts over every attempt', () => {
    const payment = toPayment({
      order: order({ status: 'paid', amount: 50000 }),
      payments: [
        attempt({ id: 'pay_a', status: 'captured', captured: true, amount_refunded: 1000, refund_status: 'partial' }),
        attempt({ id: 'pay_b', status: 'failed' }),
      ],
    });
    expect(payment).toMatchObject({ amountCaptured: money(50000, 'INR'), amountRefunded: money(1000, 'INR'), status: 'partially_refunded' });
  });

  it('builds a payment with no order from the attempt alone, keyed on its order id or its own id', () => {
    expect(toPayment({ payments: [attempt({ status: 'captured', captured: true })] }).id).toBe('order_Nq1');
    expect(toPayment({ payments: [attempt({ order_id: null })] }).id).toBe('pay_Nq1');
    expect(() => toPayment({ payments: [] })).toThrow(/needs an order/);
  });

  it('takes times from Razorpay seconds, and the view time when later', () => {
    const payment = toPayment({ order: order(), payments: [attempt()], observedAt: 1767225999_999 });
    expect(payment.createdAt).toBe(1767225600_000);
    expect(payment.updatedAt).toBe(1767225999_999);
  });
});

describe('field readers', () => {
  it('call a required field that is absent a contract violation naming the wire field', () => {
    expect(() => readFields(ORDER_FIELDS, {}).requiredText('id')).toThrow(expect.objectContaining({ kind: 'contract_violation', reason: 'missing_field', message: 'razorpay: required field id is missing' }) as Error);
    expect(() => readFields(ORDER_FIELDS, { created_at: '1' }).requiredInt('createdAt')).toThrow(/created_at/);
    expect(readFields(ORDER_FIELDS, { receipt: 'NA', status: { known: 'yes' } }).text('reference')).toBeUndefined();
    expect(readFields(ORDER_FIELDS, { status: { known: 'yes' } }).enumValue('status')).toBeUndefined();
  });
});

describe('notes', () => {
  it('reads [] as no metadata, stringifies numbers and hides the connector note', () => {
    expect(metadataFromNotes([])).toEqual({});
    expect(metadataFromNotes({ cart: 'C-1', count: 3, gift: true, gone: null, interlock_idempotency_key: 'k' })).toEqual({ cart: 'C-1', count: '3', gift: 'true' });
    expect(idempotencyKeyFromNotes({ interlock_idempotency_key: 'k-1' })).toBe('k-1');
    expect(idempotencyKeyFromNotes([])).toBeUndefined();
    expect(idempotencyKeyFromNotes({ interlock_idempotency_key: 7 })).toBeUndefined();
  });
});

describe('failure codes', () => {
  it('maps Razorpay reasons onto the canonical list and keeps the provider code', () => {
    expect(FAILURE_CODES_BY_REASON['card_declined']).toBe('card_declined');
    expect(failureOf(attempt({ status: 'failed', error_reason: 'payment_cancelled' }))).toEqual({ code: 'canceled_by_customer', providerCode: 'payment_cancelled' });
    expect(failureOf(attempt({ status: 'failed', error_reason: 'a_new_reason' }))).toEqual({ code: 'unknown', providerCode: 'a_new_reason' });
    expect(failureOf(attempt({ status: 'failed', error_code: 'GATEWAY_ERROR', error_reason: '' }))).toEqual({ code: 'unknown', providerCode: 'GATEWAY_ERROR' });
  });
});

describe('the order create body', () => {
  const input = { amount: money(50000, 'INR'), captureMethod: 'automatic' as const, reference: 'order-7', metadata: { cart: 'C-7' } };

  it('writes amount, currency, receipt, capture and notes with the idempotency key', () => {
    expect(toOrderBody(input, 'key-7')).toEqual({ amount: 50000, currency: 'INR', receipt: 'order-7', payment_capture: true, notes: { cart: 'C-7', interlock_idempotency_key: 'key-7' } });
    expect(toOrderBody({ ...input, captureMethod: 'manual' }, 'key-7')['payment_capture']).toBe(false);
  });

  it('refuses what Razorpay would refuse, with typed errors', () => {
    expect(() => toOrderBody({ ...input, reference: 'r'.repeat(41) }, 'k')).toThrow(/receipt/);
    expect(() => toOrderBody({ ...input, metadata: { interlock_idempotency_key: 'x' } }, 'k')).toThrow(/may not use the key/);
    const many = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`k${i}`, 'v']));
    expect(() => toOrderBody({ ...input, metadata: many }, 'k')).toThrow(/at most 14/);
    expect(() => toOrderBody({ ...input, metadata: { long: 'x'.repeat(257) } }, 'k')).toThrow(/256/);
  });

  it('recognises its own order among those with the receipt, and calls a reused key a conflict', () => {
    const mine = order({ notes: { interlock_idempotency_key: 'key-7' }, amount: 50000 });
    const other = order({ id: 'order_other', notes: { interlock_idempotency_key: 'key-8' } });
    expect(matchCreatedOrder([other, mine], input, 'key-7')?.id).toBe('order_Nq1');
    expect(matchCreatedOrder([other], input, 'key-7')).toBeUndefined();
    expect(() => matchCreatedOrder([mine], { ...input, amount: money(60000, 'INR') }, 'key-7')).toThrow(/reused for a different payment/);
  });
});

describe('refunds', () => {
  it('keeps a valid caller key and digests one Razorpay would refuse, always the same way', () => {
    expect(refundIdempotencyKey(undefined)).toBeUndefined();
    expect(refundIdempotencyKey('refund_2026-01-01')).toBe('refund_2026-01-01');
    const derived = refundIdempotencyKey('r#1');
    expect(derived).toMatch(/^ik_[0-9a-f]{40}$/);
    expect(refundIdempotencyKey('r#1')).toBe(derived);
  });

  it('writes the amount and the reason, and refuses another currency', () => {
    expect(toRefundBody({ amount: money(100, 'INR'), reason: 'damaged' }, 'INR')).toEqual({ amount: 100, notes: { reason: 'damaged' } });
    expect(toRefundBody({}, 'INR')).toEqual({});
    expect(() => toRefundBody({ amount: money(100, 'USD') }, 'INR')).toThrow(/USD/);
  });

  it('reads a refund without a status (older collections) as unknown', () => {
    const wire = parseContract(refundContract, { id: 'rfnd_1', entity: 'refund', amount: 100, currency: 'INR', payment_id: 'pay_1', created_at: 1500826750 }).value;
    expect(toRefund(wire)).toMatchObject({ paymentId: 'pay_1', status: 'unknown', statusRaw: '' });
  });
});

describe('settlement lines', () => {
  it('covers every Indian calendar day the period touches', () => {
    // 2026-01-01T18:29Z is still 1 January in India; 18:30Z is 2 January.
    expect(reconDays({ from: Date.UTC(2026, 0, 1, 18, 29), to: Date.UTC(2026, 0, 1, 18, 31) })).toEqual([
      { year: 2026, month: 1, day: 1 },
      { year: 2026, month: 1, day: 2 },
    ]);
    expect(reconDays({ from: Date.UTC(2026, 0, 31, 20), to: Date.UTC(2026, 1, 2, 0) })).toEqual([
      { year: 2026, month: 2, day: 1 },
      { year: 2026, month: 2, day: 2 },
    ]);
    expect(reconDays({ from: 10, to: 10 })).toEqual([]);
  });

  it('skips a line not settled yet and reads an unknown type as unknown', () => {
    const base = { entity_id: 'pay_1', type: 'payment', debit: 0, credit: 970, amount: 1000, currency: 'INR', fee: 30, tax: 5, created_at: 1, settled_at: null };
    expect(toSettlementLine(reconItemSchema.parse(base))).toBeUndefined();
    const line = toSettlementLine(reconItemSchema.parse({ ...base, type: 'dispute', settled_at: 100, settlement_id: 'setl_1' }));
    expect(line).toMatchObject({ kind: 'unknown', fee: money(30, 'INR'), net: money(970, 'INR') });
  });

  it('reports Razorpay’s fee as it is, GST included, so gross − fee is net on a line that carries tax', () => {
    // Shaped as the recon docs and the Payment schema say: `fee` (including GST) 1180, of which `tax` 180.
    const payment = { entity_id: 'pay_DEXrnipqTmWVGE', type: 'payment', debit: 0, credit: 48820, amount: 50000, currency: 'INR', fee: 1180, tax: 180 };
    const transfer = { entity_id: 'trf_DEUoCEtdsJgvl7', type: 'transfer', debit: 100296, credit: 0, amount: 100000, currency: 'INR', fee: 296, tax: 46 };
    for (const item of [payment, transfer]) {
      const line = toSettlementLine(reconItemSchema.parse({ ...item, created_at: 1, settled_at: 100, settlement_id: 'setl_DGlQ1Rj8os78Ec' }));
      expect(line?.fee).toEqual(money(item.fee, 'INR'));
      expect((line?.gross.amountMinor ?? 0) - (line?.fee.amountMinor ?? 0)).toBe(line?.net.amountMinor);
    }
  });
});
