import { isIntegrationError, Poller, type Money } from '@interlock/core';
import type { FakeClock } from '@interlock/core/testing';
import type { PaymentsConnector } from '../connector.js';
import type { Payment } from '../models/payment.js';
import { reconcilePayments, type PaymentsReconciliationReport } from '../reconciliation/reconcile-payments.js';
import { OUTAGE_FROM_MS, OUTAGE_MS, transientFaultScenario } from './fault-plan.js';
import { paymentPollTarget } from '../payment-poll-target.js';
import { PaymentRecords, type Source } from './payment-records.js';
import type { PaymentsSimulation } from './simulation.js';
import { startWebhookReceiver, type ReceiverCounts } from './webhook-receiver.js';

/** One end-to-end run of a payments connector against its simulated provider. */
export interface PaymentsEndToEndOptions {
  /** Auto-advancing, shared with the simulator and the connector (whose fetch is `clock.trackFetch()`). */
  clock: FakeClock;
  simulation: PaymentsSimulation;
  connector: PaymentsConnector;
  /** Payments to create. Default 1,000. */
  payments?: number;
  amount(index: number): Money;
  /** Share of requests failing transiently outside the outage. Default 0.2. */
  transientShare?: number;
  /** Payments created at once. Default 25. */
  concurrency?: number;
  /** Lose one payment's settlement line at the provider, to prove reconciliation catches it. */
  dropOneSettlementLine?: boolean;
}

/** What the run saw; the caller asserts on it. */
export interface PaymentsEndToEndResult {
  /** Distinct payments the connector returned. */
  created: number;
  /** createPayment calls, the caller's retries after a failed call included. */
  createCalls: number;
  settledBy: Readonly<Record<Source, number>>;
  /** Ids of created payments that never reached a settled state. */
  unsettled: readonly string[];
  /** Payments whose settled state is not `succeeded`. */
  notSucceeded: readonly string[];
  /** Idempotency keys (or receipts) the provider executed a charge for, and charges beyond one per key. */
  chargeKeys: number;
  duplicateCharges: number;
  webhooks: ReceiverCounts;
  /** Updates the ordering guard refused (stale, backward, duplicate), by reason. */
  refusedByGuard: Readonly<Record<string, number>>;
  faultsInjected: Readonly<Record<string, number>>;
  report: PaymentsReconciliationReport;
  droppedPaymentId?: string;
  /** Virtual time the run covered, in ms. */
  virtualMs: number;
}

/** How long a caller waits before calling again after a failed create; the key stays the same. */
const CALLER_RETRY_MS = 20_000;
const WEBHOOK_IDLE_MS = 2_000;

async function workers(count: number, concurrency: number, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

/**
 * The run the payments issue asks of every connector: `payments` payments created through the
 * connector while the simulator injects transient failures and a ten-minute outage; webhooks
 * delivered with duplicates, reordering, drops, stale replays and forgeries; polling for what the
 * webhooks never say; then the provider's settlement and a reconciliation of our records against
 * it. A create that fails is called again with the same reference and idempotency key, as a
 * caller recovering from a crash would, so the connector's duplicate protection is what is tested.
 */
export async function runPaymentsEndToEnd(options: PaymentsEndToEndOptions): Promise<PaymentsEndToEndResult> {
  const { clock, simulation, connector } = options;
  const total = options.payments ?? 1_000;
  const startedAt = clock.now();
  const records = new PaymentRecords();
  const created = new Map<number, string>();
  let createCalls = 0;
  let done = false;

  const lastRead = new Map<string, Payment>();
  const poller = new Poller<Payment['status']>(
    paymentPollTarget(connector, (payment) => lastRead.set(payment.id, payment)),
    {
      clock,
      provider: connector.provider,
      concurrency: 16,
      backoff: { baseMs: 5_000, capMs: 60_000, jitter: 'full' },
      onState(id) {
        // A read is the provider's state as of now, newer than any event already applied.
        const payment = lastRead.get(id);
        if (payment) records.apply(payment, clock.now(), 'polling');
      },
    },
  );
  const receiver = await startWebhookReceiver(connector, clock, (event) => {
    if (event.payment === undefined) return;
    if (records.apply(event.payment, event.occurredAt, 'webhook')) poller.untrack(event.payment.id);
  });

  const fetch = clock.trackFetch();
  const pumpWebhooks = async (): Promise<void> => {
    for (let batch = 1; !done; batch++) {
      const events = simulation.takeWebhookEvents();
      if (events.length === 0) {
        await clock.sleep(WEBHOOK_IDLE_MS);
        continue;
      }
      await simulation.simulator.deliverWebhooks(
        receiver.url,
        { sign: simulation.signWebhook, duplicates: 0.2, outOfOrder: 0.1, drop: 0.1, staleReplays: 1, forged: 1, seed: batch },
        events,
        fetch,
      );
    }
  };

  // Creations are spread so that they run before, through and after the outage.
  const spacingMs = Math.ceil((OUTAGE_FROM_MS + OUTAGE_MS + 60_000) / total);
  const createOne = async (index: number): Promise<void> => {
    const due = startedAt + index * spacingMs;
    if (clock.now() < due) await clock.sleep(due - clock.now());
    for (;;) {
      createCalls++;
      try {
        const payment = await connector.createPayment({
          amount: options.amount(index),
          captureMethod: 'automatic',
          reference: `order-${index}`,
          idempotencyKey: `e2e-${index}`,
        });
        if (!created.has(index)) {
          created.set(index, payment.id);
          // The provider's own time for the state, as webhooks carry it (often whole seconds).
          records.apply(payment, payment.updatedAt, 'create');
          simulation.customerCompletes(payment);
          if (!records.isSettled(payment.id)) poller.track(payment.id);
        }
        return;
      } catch (error) {
        if (!isIntegrationError(error) || !error.retryable) throw error;
        await clock.sleep(CALLER_RETRY_MS);
      }
    }
  };

  simulation.simulator.setScenario(transientFaultScenario(options.transientShare ?? 0.2));
  const pump = pumpWebhooks();
  try {
    await workers(total, options.concurrency ?? 25, createOne);
    const ids = [...created.values()];
    // Webhooks and polling now race to settle everything; the poller gives up after a day.
    while (ids.some((id) => !records.isSettled(id)) && poller.tracked > 0) await clock.sleep(WEBHOOK_IDLE_MS);
  } finally {
    done = true;
    await pump;
    await poller.stop();
    await receiver.close();
  }

  const ids = [...created.values()];
  // The settlement read runs under the same faults: core's pagination asks again for a page that
  // outlasted the client's retries, so a long read resumes instead of failing the comparison.
  simulation.settle(clock.now());
  const droppedPaymentId = options.dropOneSettlementLine ? ids[Math.floor(ids.length / 2)] : undefined;
  if (droppedPaymentId !== undefined) simulation.dropSettlementLineFor(droppedPaymentId);
  const period = { from: startedAt, to: clock.now() + 1 };
  const ours = ids.map((id) => records.get(id)).filter((payment): payment is Payment => payment !== undefined);
  const report = await reconcilePayments({ provider: connector.provider, period, payments: ours, settlements: connector.listSettlements(period), clock });

  const charges = [...simulation.chargesByKey().values()];
  return {
    created: new Set(ids).size,
    createCalls,
    settledBy: { ...records.settledBy },
    unsettled: ids.filter((id) => !records.isSettled(id)),
    notSucceeded: ids.filter((id) => records.isSettled(id) && records.get(id)?.status !== 'succeeded'),
    chargeKeys: charges.length,
    duplicateCharges: charges.reduce((sum, count) => sum + Math.max(0, count - 1), 0),
    webhooks: { ...receiver.counts },
    refusedByGuard: { ...records.refused },
    faultsInjected: Object.fromEntries(simulation.simulator.faultsInjected),
    report,
    ...(droppedPaymentId === undefined ? {} : { droppedPaymentId }),
    virtualMs: clock.now() - startedAt,
  };
}
