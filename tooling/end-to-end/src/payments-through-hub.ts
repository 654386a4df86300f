import { isIntegrationError, type Money } from '@interlock/core';
import type { FakeClock } from '@interlock/core/testing';
import type { Hub, ReconciliationSummary } from '@interlock/hub';
import type { Payment } from '@interlock/payments';
import { OUTAGE_FROM_MS, OUTAGE_MS, OUTAGE_RULE, TRANSIENT_RULE_PREFIX, transientFaultScenario, type PaymentsSimulation } from '@interlock/payments/testing';
import { measureFaults, type FaultMeasurement } from './fault-measurement.js';
import { FinalStates, readHubTally, type HubTally } from './hub-tally.js';
import { startHubStage, type HubProvider } from './hub-stage.js';
import { planPayments, type PlannedPayment } from './payment-plan.js';
import { ProviderWebhooks, replayOldDeliveries } from './provider-webhooks.js';

export interface PaymentsThroughHubOptions {
  /** Auto-advancing; shared with the simulation, which must have been started on it. */
  clock: FakeClock;
  provider: HubProvider;
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
  reconciliation: ReconciliationSummary;
  /** Captured deliveries sent again once older than the replay window, and what the hub answered each. */
  oldDeliveries: { sent: number; statuses: readonly number[]; storedMeanwhile: number };
  faults: FaultMeasurement;
  /** Contract drift and unknown enum values the hub's connector reported. */
  drift: readonly string[];
  virtualMs: number;
}

/** How long a caller waits before calling again after a failed call; the key stays the same. */
const CALLER_RETRY_MS = 20_000;
const IDLE_MS = 2_000;
/** Nearly a third of first deliveries fails, so that at every provider the hub's poller settles a good number of payments first; the provider sends them again half an hour later. */
const FAILED_FIRST_SHARE = 0.3;
const RETRY_AFTER_MS = 30 * 60_000;
const OLD_DELIVERIES = 5;
/** Long enough for every record to settle by polling alone; a run that needs more is a failure. */
const SETTLE_WITHIN_MS = 6 * 3_600_000;

/** Every event the hub's queue holds, whatever its status. */
async function storedEvents(hub: Hub): Promise<number> {
  return Object.values(await hub.queue.counts()).reduce((sum, count) => sum + count, 0);
}

async function inParallel(count: number, concurrency: number, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
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
  const stage = await startHubStage(provider, clock);
  const { hub, connector } = stage;
  const startedAt = clock.now();
  const send = clock.trackFetch();
  const url = `${hub.url}/webhooks/${name}`;
  const webhooks = new ProviderWebhooks({ simulation, url, clock, fetch: send, failedFirstShare: FAILED_FIRST_SHARE, retryAfterMs: RETRY_AFTER_MS, keepSigned: OLD_DELIVERIES, seed: options.seed });
  const planned = planPayments(options.payments, options.amount, options.partialCapture);
  const ids = new Map<number, string>();
  let calls = 0;
  let pumping = true;

  const retrying = async <T>(call: () => Promise<T>): Promise<T> => {
    for (;;) {
      calls++;
      try {
        return await call();
      } catch (error) {
        if (!isIntegrationError(error) || !error.retryable) throw error;
        await clock.sleep(CALLER_RETRY_MS);
      }
    }
  };
  const spacingMs = Math.ceil((OUTAGE_FROM_MS + OUTAGE_MS + 60_000) / planned.length);
  const pay = async (index: number): Promise<void> => {
    const plan = planned[index] as PlannedPayment;
    const due = startedAt + index * spacingMs;
    if (clock.now() < due) await clock.sleep(due - clock.now());
    const manual = plan.story === 'captured_in_part';
    const payment = await retrying(() =>
      connector.createPayment({ amount: plan.amount, captureMethod: manual ? 'manual' : 'automatic', reference: `order-${index}`, idempotencyKey: `e2e-${index}` }),
    );
    ids.set(index, payment.id);
    if (plan.story === 'declined') {
      options.customerDeclines(payment);
      return;
    }
    simulation.customerCompletes(payment);
    if (manual) await retrying(() => connector.capturePayment(payment.id, { amount: plan.captured, idempotencyKey: `e2e-capture-${index}` }));
    if (plan.story === 'refunded_in_part') await retrying(() => connector.refundPayment(payment.id, { amount: plan.refunded, idempotencyKey: `e2e-refund-${index}` }));
    if (plan.story === 'refunded') await retrying(() => connector.refundPayment(payment.id, { idempotencyKey: `e2e-refund-${index}` }));
  };
  const pump = async (): Promise<void> => {
    while (pumping) if (!(await webhooks.sendRound())) await clock.sleep(IDLE_MS);
  };

  simulation.simulator.setScenario(transientFaultScenario(options.transientShare));
  try {
    const pumped = pump();
    try {
      await inParallel(planned.length, options.concurrency ?? 25, pay);
      // Webhooks, their late retries and the hub's poller now race to settle everything.
      const deadline = clock.now() + SETTLE_WITHIN_MS;
      const final = new FinalStates(hub, name, planned, ids);
      while (clock.now() < deadline && !(webhooks.pending === 0 && (await final.reached()))) await clock.sleep(IDLE_MS);
    } finally {
      pumping = false;
      await pumped;
    }

    simulation.settle(clock.now());
    const reconciliation = await hub.reconciliation.runNow(name, { from: startedAt, to: clock.now() + 1 });

    // The kept deliveries are now older than the window the provider's scheme allows.
    await clock.sleep((provider.descriptor.webhooks.replayWindowMs ?? 0) + 60_000);
    const storedBefore = await storedEvents(hub);
    const statuses = await replayOldDeliveries(url, webhooks.signed, send);
    const storedMeanwhile = (await storedEvents(hub)) - storedBefore;

    const charges = [...simulation.chargesByKey().values()];
    return {
      planned,
      ids,
      calls,
      duplicateCharges: charges.reduce((sum, count) => sum + Math.max(0, count - 1), 0),
      hub: await readHubTally(hub, name, [...ids.values()], webhooks.deliveries),
      reconciliation,
      oldDeliveries: { sent: webhooks.signed.length, statuses, storedMeanwhile },
      faults: measureFaults(simulation.simulator.requests.length, simulation.simulator.injections, { outage: OUTAGE_RULE, transientPrefix: TRANSIENT_RULE_PREFIX }),
      drift: [...stage.telemetry.ofType('contract.drift').flatMap((event) => event.drift), ...stage.telemetry.ofType('enum.unknown_value').map((event) => `${event.enum}: ${event.raw}`)],
      virtualMs: clock.now() - startedAt,
    };
  } finally {
    await stage.close();
  }
}
