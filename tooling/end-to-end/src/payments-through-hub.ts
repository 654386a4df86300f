import type { Money } from '@interlock/core';
import type { FakeClock } from '@interlock/core/testing';
import type { ReconciliationSummary } from '@interlock/hub';
import { isSettledPaymentStatus, PAYMENT_RECORD_TYPE, type Payment, type PaymentsConnector, type PaymentStatus } from '@interlock/payments';
import type { PaymentsSimulation } from '@interlock/payments/testing';
import { Callers } from './callers.js';
import type { FaultMeasurement } from './fault-measurement.js';
import { HubRun, type OldDeliveries } from './hub-run.js';
import { FinalStates, readHubPayments, readHubTally, type HubPayment, type HubTally } from './hub-tally.js';
import type { HubProvider } from './hub-stage.js';
import { planPayments, type PlannedPayment } from './payment-plan.js';

export interface PaymentsThroughHubOptions {
  /** Auto-advancing; shared with the simulation, which must have been started on it. */
  clock: FakeClock;
  provider: HubProvider<PaymentsConnector>;
  simulation: PaymentsSimulation;
  /** The provider's front end declining the customer's card (each simulation names it its own way). */
  customerDeclines: (payment: Payment) => void;
  /** Whether the provider captures less than authorised (Stripe does; Razorpay captures all or nothing). */
  partialCapture: boolean;
  payments: number;
  amount: (index: number) => Money;
  /** Share of requests failing transiently outside the outage. */
  transientShare: number;
  /** Payments in flight at once. Default 25. */
  concurrency?: number;
  seed: number;
}

/** What the run saw, from the hub's records and counters and from the simulator's; the caller asserts. */
export interface PaymentsThroughHubResult {
  planned: readonly PlannedPayment[];
  /** Payment id per planned index. */
  ids: ReadonlyMap<number, string>;
  /** Calls the callers made (creates, captures, refunds), their retries after failures included. */
  calls: number;
  /** Charges the provider really executed per idempotency key (Stripe) or receipt (Razorpay) beyond one. */
  duplicateCharges: number;
  hub: HubTally;
  /** Each payment as the hub's records hold it, by id. */
  payments: ReadonlyMap<string, HubPayment>;
  reconciliation: ReconciliationSummary;
  oldDeliveries: OldDeliveries;
  faults: FaultMeasurement;
  /** Contract drift and unknown enum values the hub's connector reported. */
  drift: readonly string[];
  virtualMs: number;
}

/**
 * The payments end-to-end run through the real hub. Callers create payments through the connector
 * the hub runs, while the simulator fails a share of requests and goes down for ten minutes; the
 * simulated customers pay or are declined; some payments are captured in part or refunded. The
 * provider's webhooks go to the hub's ingress (duplicates, reordering, forgeries, and late retries
 * of failed first deliveries), which verifies, dedupes and queues them for its workers; the hub's
 * poller reads what no webhook has settled. When every payment is final in the hub's records the
 * provider settles and the hub's reconciliation job compares; then captured deliveries, signed
 * long ago, are sent again and must be refused.
 */
export async function runPaymentsThroughHub(options: PaymentsThroughHubOptions): Promise<PaymentsThroughHubResult> {
  const { clock, simulation, provider } = options;
  const name = provider.descriptor.id;
  const run = await HubRun.start(provider, simulation, clock, options);
  const { hub, connector } = run;
  const planned = planPayments(options.payments, options.amount, options.partialCapture);
  const ids = new Map<number, string>();
  const callers = new Callers(clock, planned.length);
  const pay = async (index: number): Promise<void> => {
    const plan = planned[index] as PlannedPayment;
    const manual = plan.story === 'captured_in_part';
    const payment = await callers.retrying(() =>
      connector.createPayment({ amount: plan.amount, captureMethod: manual ? 'manual' : 'automatic', reference: `order-${index}`, idempotencyKey: `e2e-${index}` }),
    );
    ids.set(index, payment.id);
    if (plan.story === 'declined') {
      options.customerDeclines(payment);
      return;
    }
    simulation.customerCompletes(payment);
    if (manual) await callers.retrying(() => connector.capturePayment(payment.id, { amount: plan.captured, idempotencyKey: `e2e-capture-${index}` }));
    if (plan.story === 'refunded_in_part') await callers.retrying(() => connector.refundPayment(payment.id, { amount: plan.refunded, idempotencyKey: `e2e-refund-${index}` }));
    if (plan.story === 'refunded') await callers.retrying(() => connector.refundPayment(payment.id, { idempotencyKey: `e2e-refund-${index}` }));
  };

  try {
    let paying = true;
    const sending = run.sendWebhooksUntil(() => !paying);
    try {
      await callers.run(options.concurrency ?? 25, pay);
      // Webhooks, their late retries and the hub's poller now race to settle everything.
      await run.settled(new FinalStates(hub, name, PAYMENT_RECORD_TYPE, new Map(planned.map((plan) => [ids.get(plan.index) as string, plan.status]))));
    } finally {
      paying = false;
      await sending;
    }
    simulation.settle(clock.now());
    const reconciliation = await hub.reconciliation.runNow(name, { from: run.startedAt, to: clock.now() + 1 });
    const oldDeliveries = await run.replayOldDeliveries();
    const charges = [...simulation.chargesByKey().values()];
    return {
      planned,
      ids,
      calls: callers.calls,
      duplicateCharges: charges.reduce((sum, count) => sum + Math.max(0, count - 1), 0),
      hub: await readHubTally(hub, name, run.webhooks.deliveries, { recordType: PAYMENT_RECORD_TYPE, isSettled: (status) => isSettledPaymentStatus(status as PaymentStatus) }),
      payments: await readHubPayments(hub, name, [...ids.values()]),
      reconciliation,
      oldDeliveries,
      faults: run.faults(),
      drift: [...run.drift(), ...run.unknownValues()],
      virtualMs: clock.now() - run.startedAt,
    };
  } finally {
    await run.close();
  }
}
