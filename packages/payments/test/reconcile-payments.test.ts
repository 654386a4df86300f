import { money } from '@interlock/core';
import { FakeClock, MemoryTelemetrySink } from '@interlock/core/testing';
import { describe, expect, it } from 'vitest';
import { movementsBetween, reconcilePayments, type Payment, type SettlementLine } from '../src/index.js';
import { validPayment } from './fixtures.js';

const period = { from: 1_767_225_600_000, to: 1_767_312_000_000 };
const INR = (minor: number) => money(minor, 'INR');
const clock = () => new FakeClock({ start: period.to });

function line(overrides: Partial<SettlementLine>): SettlementLine {
  return { provider: 'stripe', id: 'txn_1', kind: 'charge', paymentId: 'pi_3Nx', gross: INR(1050), fee: INR(31), net: INR(1019), settledAt: period.from + 1, ...overrides };
}

const refundLine = (id: string, gross: number, paymentId = 'pi_3Nx') => line({ id, kind: 'refund', paymentId, gross: INR(gross), fee: INR(0), net: INR(gross) });

async function* stream(lines: readonly SettlementLine[]): AsyncIterable<SettlementLine> {
  yield* lines;
}

describe('reconcilePayments', () => {
  it('nets each payment: captured minus refunded against its charge and refund lines, ignoring fees and payouts', async () => {
    const refunded: Payment = { ...validPayment(), amountRefunded: INR(500), status: 'partially_refunded' };
    const report = await reconcilePayments({
      provider: 'stripe',
      period,
      clock: clock(),
      payments: [refunded, { ...validPayment(), id: 'pi_uncaptured', amountCaptured: INR(0), status: 'requires_action' }],
      settlements: stream([line({}), refundLine('txn_2', -500), line({ id: 'txn_3', kind: 'payout', paymentId: undefined, gross: INR(-519), fee: INR(0), net: INR(-519) })]),
    });
    expect(report.differences).toBe(0);
    expect(report.totals.ours).toEqual({ INR: { count: 1, amountMinor: 550 } });
    expect(report.totals.theirs).toEqual(report.totals.ours);
  });

  it('agrees on a partial capture that the provider books as the whole authorisation plus a released remainder', async () => {
    const partial: Payment = { ...validPayment(), amount: INR(1050), amountCaptured: INR(800) };
    const report = await reconcilePayments({ provider: 'stripe', period, clock: clock(), payments: [partial], settlements: stream([line({}), refundLine('txn_release', -250)]) });
    expect(report.differences).toBe(0);
  });

  it('reconciles recorded movements for a window: a refund in a later period matches its refund line alone', async () => {
    const captured = validPayment();
    const refunded: Payment = { ...captured, amountRefunded: INR(300), status: 'partially_refunded' };
    const movements = [...movementsBetween(undefined, captured, period.from - 86_400_000), ...movementsBetween(captured, refunded, period.from + 10)];
    expect(movements.map((m) => [m.kind, m.amount.amountMinor])).toEqual([['charge', 1050], ['refund', -300]]);
    const inPeriod = movements.filter((m) => m.at >= period.from && m.at < period.to);
    const report = await reconcilePayments({ provider: 'stripe', period, clock: clock(), movements: inPeriod, settlements: stream([refundLine('txn_r', -300)]) });
    expect(report.differences).toBe(0);
    expect(movementsBetween(refunded, captured, period.from)).toEqual([]);
  });

  it('reports a wrong amount, a lost line and a line of a kind nobody mapped, and alerts', async () => {
    const sink = new MemoryTelemetrySink();
    const report = await reconcilePayments({
      provider: 'stripe',
      period,
      clock: clock(),
      emit: (event) => sink.emit(event),
      payments: [validPayment(), { ...validPayment(), id: 'pi_lost' }],
      settlements: stream([line({ gross: INR(1000) }), line({ id: 'txn_9', kind: 'unknown', paymentId: undefined }), line({ id: 'txn_8', kind: 'refund', paymentId: undefined, gross: INR(-5) })]),
    });
    expect(report.mismatched.map((m) => [m.key, m.fields])).toEqual([['payment:pi_3Nx', ['amount']]]);
    expect(report.missing.map((m) => m.key)).toEqual(['payment:pi_lost']);
    expect(report.extra.map((m) => m.key)).toEqual(['line:txn_9', 'line:txn_8']);
    expect(sink.ofType('reconciliation.difference')).toHaveLength(1);
  });
});
