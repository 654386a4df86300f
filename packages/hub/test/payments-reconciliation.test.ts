import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { money } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import type { Payment, PaymentsConnector, SettlementLine } from '@interlock/payments';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, openEngines, PAYMENT_RECORD_TYPE, paymentsReconciliationJob } from '../src/index.js';

const DAY = 86_400_000;
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

function payment(id: string, amountMinor: number, updatedAt: number): Payment {
  const amount = money(amountMinor, 'INR');
  return { id, provider: 'stripe', amount, amountCaptured: amount, amountRefunded: money(0, 'INR'), status: 'succeeded', statusRaw: 'succeeded', createdAt: updatedAt, updatedAt, metadata: {} };
}

function line(paymentId: string, amountMinor: number, settledAt: number): SettlementLine {
  const gross = money(amountMinor, 'INR');
  return { provider: 'stripe', id: `txn_${paymentId}`, paymentId, kind: 'charge', gross, fee: money(0, 'INR'), net: gross, settledAt };
}

/** Only listSettlements is called by reconciliation; the rest of the connector is never reached. */
function connectorWith(lines: readonly SettlementLine[]): PaymentsConnector {
  const never = (): never => {
    throw new Error('not used by reconciliation');
  };
  return {
    provider: 'stripe',
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

describe('paymentsReconciliationJob', () => {
  it('compares the payment snapshots the hub stored in the window with the provider lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-pay-recon-'));
    const clock = new FakeClock();
    const engines = await openEngines(loadConfig(undefined, { store: { kind: 'sqlite', path: join(dir, 'hub.db') } }), clock);
    cleanup = async () => {
      await engines.close();
      rmSync(dir, { recursive: true, force: true });
    };
    const from = clock.now();
    const stored = [payment('pi_1', 1000, from + 10), payment('pi_2', 2000, from + 20), payment('pi_next_day', 500, from + DAY + 1)];
    for (const p of stored) {
      await engines.integrity.putRecord({ provider: 'stripe', recordType: PAYMENT_RECORD_TYPE, recordId: p.id, status: p.status, updatedAt: p.updatedAt, snapshot: JSON.stringify(p) }, undefined);
    }
    await engines.integrity.putRecord({ provider: 'stripe', recordType: PAYMENT_RECORD_TYPE, recordId: 'pi_old_hub', status: 'succeeded', updatedAt: from + 30 }, undefined);

    const job = paymentsReconciliationJob({
      connector: connectorWith([line('pi_1', 1000, from + 100), line('pi_2', 1999, from + 200), line('pi_old_hub', 700, from + 300)]),
      integrity: engines.integrity,
      clock,
    });
    const report = await job.run({ from, to: from + DAY });
    expect(report.totals.ours).toEqual({ INR: { count: 2, amountMinor: 3000 } });
    expect(report.mismatched.map((m) => [m.key, m.fields])).toEqual([['payment:pi_2', ['amount']]]);
    expect(report.extra.map((m) => m.key)).toEqual(['payment:pi_old_hub']);
    expect(report.missing).toEqual([]);
  });
});
