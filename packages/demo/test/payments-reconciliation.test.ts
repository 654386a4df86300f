import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { money } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import { loadConfig, openEngines } from '@interlock/hub';
import { PAYMENT_MOVEMENT_RECORD_TYPE, PAYMENT_RECORD_TYPE, paymentsReconciliationJob, type PaymentMovement, type PaymentsConnector, type SettlementLine } from '@interlock/payments';
import { afterEach, describe, expect, it } from 'vitest';

const DAY = 86_400_000;
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

function movement(paymentId: string, kind: PaymentMovement['kind'], amountMinor: number, at: number): PaymentMovement {
  return { paymentId, kind, amount: money(amountMinor, 'INR'), at };
}

function line(paymentId: string, amountMinor: number, settledAt: number): SettlementLine {
  const gross = money(amountMinor, 'INR');
  return { provider: 'razorpay', id: `txn_${paymentId}`, paymentId, kind: 'charge', gross, fee: money(0, 'INR'), net: gross, settledAt };
}

function refundLine(paymentId: string, amountMinor: number, settledAt: number): SettlementLine {
  return { ...line(paymentId, amountMinor, settledAt), id: `rfnd_${paymentId}`, kind: 'refund' };
}

/** Only listSettlements is called by reconciliation; the rest of the connector is never reached. */
function connectorWith(lines: readonly SettlementLine[]): PaymentsConnector {
  const never = (): never => {
    throw new Error('not used by reconciliation');
  };
  return {
    provider: 'razorpay',
    listSettlements: async function* (period) {
      yield* lines.filter((l) => l.settledAt >= period.from && l.settledAt < period.to);
    },
    createPayment: never,
    capturePayment: never,
    cancelPayment: never,
    getPayment: never,
    listPayments: never,
    refundPayment: never,
    parseWebhook: never,
    eventsFromVerifiedBody: never,
  };
}

describe('paymentsReconciliationJob on the hub’s store', () => {
  it('compares the money movements the hub recorded in the window with the provider lines, shifted by the settlement lag', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-pay-recon-'));
    const clock = new FakeClock();
    const engines = await openEngines(loadConfig(undefined, { store: { kind: 'sqlite', path: join(dir, 'hub.db') } }), clock);
    cleanup = async () => {
      await engines.close();
      rmSync(dir, { recursive: true, force: true });
    };
    const from = clock.now();
    const lag = 2 * DAY;
    // Captured two days before the settlement window (Razorpay settles T+2), and one outside it.
    const moved = [movement('pi_1', 'charge', 1000, from - lag + 10), movement('pi_2', 'charge', 2000, from - lag + 20), movement('pi_2', 'refund', -500, from - lag + 30), movement('pi_later', 'charge', 700, from - lag + DAY + 1)];
    for (const m of moved) {
      await engines.integrity.putRecord({ provider: 'razorpay', recordType: PAYMENT_MOVEMENT_RECORD_TYPE, recordId: `${m.paymentId}:${m.kind}:${m.at}`, status: m.kind, updatedAt: m.at, snapshot: JSON.stringify(m) }, undefined);
    }
    await engines.integrity.putRecord({ provider: 'razorpay', recordType: PAYMENT_RECORD_TYPE, recordId: 'pi_1', status: 'succeeded', updatedAt: from - lag + 10 }, undefined);

    const lines = [line('pi_1', 1000, from + 100), line('pi_2', 1499, from + 200), refundLine('pi_2', -500, from + 210), line('pi_unknown_to_us', 700, from + 300)];
    const job = paymentsReconciliationJob({ provider: 'razorpay', connector: connectorWith(lines), reportingLagMs: lag, integrity: engines.integrity, clock });
    const report = await job.run({ from, to: from + DAY });
    expect(report.totals.ours).toEqual({ INR: { count: 2, amountMinor: 2500 } });
    expect(report.mismatched.map((m) => [m.key, m.fields])).toEqual([['payment:pi_2', ['amount']]]);
    expect(report.extra.map((m) => m.key)).toEqual(['payment:pi_unknown_to_us']);
    expect(report.missing).toEqual([]);
  });
});
