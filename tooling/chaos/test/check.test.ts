import type { AuditEntry, RecordState } from '@interlock/core';
import { PAYMENT_MOVEMENT_RECORD_TYPE, PAYMENT_RECORD_TYPE, type Payment, type PaymentMovement } from '@interlock/payments';
import { describe, expect, it } from 'vitest';
import { findProblems, type StoreContents } from '../src/check.js';
import type { ExpectedPayment } from '../src/provider.js';

const AT = Date.parse('2026-03-01T10:00:00Z');
const inr = (amountMinor: number): Payment['amount'] => ({ amountMinor, currency: 'INR' });

function payment(id: string, captured: number, refunded: number): Payment {
  return {
    id,
    provider: 'razorpay',
    reference: id,
    amount: inr(captured),
    amountCaptured: inr(captured),
    amountRefunded: inr(refunded),
    status: refunded === 0 ? 'succeeded' : refunded === captured ? 'refunded' : 'partially_refunded',
    statusRaw: 'captured',
    createdAt: AT,
    updatedAt: AT,
    metadata: {},
  };
}

function record(recordType: string, recordId: string, status: string, snapshot: unknown, version = 1): RecordState {
  return { provider: 'razorpay', recordType, recordId, status, updatedAt: AT, version, snapshot: JSON.stringify(snapshot) };
}

function movement(paymentId: string, kind: PaymentMovement['kind'], amountMinor: number, eventId: string): RecordState {
  const moved: PaymentMovement = { paymentId, kind, amount: inr(kind === 'refund' ? -amountMinor : amountMinor), at: AT };
  return record(PAYMENT_MOVEMENT_RECORD_TYPE, `${paymentId}:${kind}:${eventId}`, kind, moved);
}

function audit(eventId: string, outcome: string, recordId?: string): AuditEntry {
  return { at: AT, actor: 'worker:test', action: 'apply payment.captured', provider: 'razorpay', recordType: recordId === undefined ? undefined : PAYMENT_RECORD_TYPE, recordId, eventId, outcome };
}

/**
 * Two payments as a correct hub leaves them: order_a captured 1000 by evt_1 (evt_2, `order.paid`,
 * discarded as the same state); order_b captured 2000 by evt_3, then 500 refunded by evt_4.
 */
function cleanStore(): StoreContents {
  return {
    payments: [record(PAYMENT_RECORD_TYPE, 'order_a', 'succeeded', payment('order_a', 1000, 0)), record(PAYMENT_RECORD_TYPE, 'order_b', 'partially_refunded', payment('order_b', 2000, 500), 2)],
    movements: [movement('order_a', 'charge', 1000, 'evt_1'), movement('order_b', 'charge', 2000, 'evt_3'), movement('order_b', 'refund', 500, 'evt_4')],
    audit: [audit('evt_1', 'applied', 'order_a'), audit('evt_2', 'discarded', 'order_a'), audit('evt_3', 'applied', 'order_b'), audit('evt_4', 'applied', 'order_b')],
  };
}

const ACKNOWLEDGED = ['evt_1', 'evt_2', 'evt_3', 'evt_4'];
const EXPECTED: ReadonlyMap<string, ExpectedPayment> = new Map([
  ['order_a', { capturedMinor: 1000, refundedMinor: 0 }],
  ['order_b', { capturedMinor: 2000, refundedMinor: 500 }],
]);
const NOTHING = { lost: [], appliedTwice: [], movementsMissing: [], movementsDoubled: [], auditMissing: [], wrongState: [], unexpected: [] };

describe('findProblems: the invariants the chaos run checks, each able to fail', () => {
  it('finds nothing in a store a correct hub left', () => {
    expect(findProblems(cleanStore(), ACKNOWLEDGED, EXPECTED)).toEqual(NOTHING);
  });

  it('an acknowledged event that was never decided is lost; a dead one (no decision in the audit trail) too', () => {
    const store = cleanStore();
    store.audit = [...store.audit.filter((entry) => entry.eventId !== 'evt_2'), audit('evt_2', 'dead')];
    expect(findProblems(store, [...ACKNOWLEDGED, 'evt_9'], EXPECTED)).toEqual({ ...NOTHING, lost: ['evt_2', 'evt_9'] });
  });

  it('an event with two applied audit entries is applied twice', () => {
    const store = cleanStore();
    store.audit = [...store.audit, audit('evt_3', 'applied', 'order_b')];
    expect(findProblems(store, ACKNOWLEDGED, EXPECTED)).toEqual({ ...NOTHING, appliedTwice: ['evt_3'] });
  });

  it('a record written without its movement (the crash between the writes) shows as movements missing and as reconciliation would see it', () => {
    const store = cleanStore();
    store.movements = store.movements.filter((row) => row.recordId !== 'order_b:refund:evt_4');
    expect(findProblems(store, ACKNOWLEDGED, EXPECTED)).toEqual({ ...NOTHING, movementsMissing: ['order_b'] });
  });

  it('a payment with no movement at all is missing its movements', () => {
    const store = cleanStore();
    store.movements = store.movements.filter((row) => !row.recordId.startsWith('order_a:'));
    expect(findProblems(store, ACKNOWLEDGED, EXPECTED).movementsMissing).toEqual(['order_a']);
  });

  it('money moved twice for one payment is doubled', () => {
    const store = cleanStore();
    store.movements = [...store.movements, movement('order_a', 'charge', 1000, 'evt_2')];
    expect(findProblems(store, ACKNOWLEDGED, EXPECTED)).toEqual({ ...NOTHING, movementsDoubled: ['order_a'] });
  });

  it('a record written more often than its applied audit entries says is missing an audit entry', () => {
    const store = cleanStore();
    store.audit = store.audit.map((entry) => (entry.eventId === 'evt_4' ? { ...entry, outcome: 'discarded' } : entry));
    expect(findProblems(store, ACKNOWLEDGED, EXPECTED)).toEqual({ ...NOTHING, auditMissing: ['order_b'] });
  });

  it('a record showing other money than the provider, or no record at all, is in the wrong state', () => {
    const store = cleanStore();
    store.payments = [record(PAYMENT_RECORD_TYPE, 'order_b', 'succeeded', payment('order_b', 2000, 0))];
    store.movements = store.movements.filter((row) => row.recordId !== 'order_b:refund:evt_4');
    store.audit = store.audit.filter((entry) => entry.recordId !== 'order_a');
    const findings = findProblems(store, ['evt_3'], EXPECTED);
    expect(findings.wrongState).toEqual(['order_a', 'order_b']);
  });

  it('an event decided but never acknowledged, or a payment the provider never made, is unexpected: the store holds the acknowledged events and nothing else', () => {
    const store = cleanStore();
    store.audit = [...store.audit, audit('evt_9', 'applied', 'order_z')];
    store.payments = [...store.payments, record(PAYMENT_RECORD_TYPE, 'order_z', 'succeeded', payment('order_z', 700, 0))];
    store.movements = [...store.movements, movement('order_z', 'charge', 700, 'evt_9')];
    expect(findProblems(store, ACKNOWLEDGED, EXPECTED)).toEqual({ ...NOTHING, unexpected: ['evt_9', 'order_z'] });
  });
});
