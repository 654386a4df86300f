import { money } from '@interlock/core';
import { FakeClock, MemoryTelemetrySink } from '@interlock/core/testing';
import { describe, expect, it } from 'vitest';
import { reconcilePayments, type Refund, type SettlementLine } from '../src/index.js';
import { validPayment } from './fixtures.js';

const period = { from: 1_767_225_600_000, to: 1_767_312_000_000 };

function line(overrides: Partial<SettlementLine>): SettlementLine {
  return {
    provider: 'stripe',
    id: 'txn_1',
    kind: 'charge',
    paymentId: 'pi_3Nx',
    gross: money(1050, 'INR'),
    fee: money(31, 'INR'),
    net: money(1019, 'INR'),
    settledAt: period.from + 1,
    ...overrides,
  };
}

async function* stream(lines: readonly SettlementLine[]): AsyncIterable<SettlementLine> {
  yield* lines;
}

const refund: Refund = {
  id: 're_1',
  paymentId: 'pi_3Nx',
  amount: money(500, 'INR'),
  status: 'succeeded',
  statusRaw: 'succeeded',
  createdAt: period.from + 2,
};

describe('reconcilePayments', () => {
  it('matches captured payments to charge lines and refunds to negative refund lines, ignoring fees and payouts', async () => {
    const report = await reconcilePayments({
      provider: 'stripe',
      period,
      clock: new FakeClock({ start: period.to }),
      payments: [validPayment(), { ...validPayment(), id: 'pi_uncaptured', amountCaptured: money(0, 'INR'), status: 'requires_action' }],
      refunds: [refund, { ...refund, id: 're_pending', status: 'pending' }],
      settlements: stream([
        line({}),
        line({ id: 'txn_2', kind: 'refund', paymentId: undefined, refundId: 're_1', gross: money(-500, 'INR'), fee: money(0, 'INR'), net: money(-500, 'INR') }),
        line({ id: 'txn_3', kind: 'payout', paymentId: undefined, gross: money(-519, 'INR'), fee: money(0, 'INR'), net: money(-519, 'INR') }),
      ]),
    });
    expect(report.differences).toBe(0);
    expect(report.totals.ours).toEqual({ INR: { count: 2, amountMinor: 550 } });
    expect(report.totals.theirs).toEqual(report.totals.ours);
  });

  it('reports a wrong amount, a lost line and a line of a kind nobody mapped, and alerts', async () => {
    const sink = new MemoryTelemetrySink();
    const report = await reconcilePayments({
      provider: 'stripe',
      period,
      clock: new FakeClock({ start: period.to }),
      emit: (event) => sink.emit(event),
      payments: [validPayment(), { ...validPayment(), id: 'pi_lost' }],
      settlements: stream([line({ gross: money(1000, 'INR') }), line({ id: 'txn_9', kind: 'unknown', paymentId: undefined })]),
    });
    expect(report.mismatched.map((m) => [m.key, m.fields])).toEqual([['payment:pi_3Nx', ['amount']]]);
    expect(report.missing.map((m) => m.key)).toEqual(['payment:pi_lost']);
    expect(report.extra.map((m) => m.key)).toEqual(['line:txn_9']);
    expect(sink.ofType('reconciliation.difference')).toHaveLength(1);
  });
});
