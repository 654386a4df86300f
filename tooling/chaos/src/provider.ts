import { randomBytes } from 'node:crypto';
import { identifyEvent, systemClock, type IntegrityStore, type ReconciliationReport } from '@interlock/core';
import type { HubConfigInput } from '@interlock/hub';
import { paymentsReconciliationJob, type SettlementPeriod } from '@interlock/payments';
import { descriptor } from '@interlock/razorpay';
import { createRazorpaySimulation, type RazorpaySimulation } from '@interlock/razorpay/testing';
import { seededRandom, type WebhookEvent } from '@interlock/testkit';

/** What the provider says a payment ended as: the money our record of it must show. */
export interface ExpectedPayment {
  capturedMinor: number;
  refundedMinor: number;
}

/** The payments the provider made, the webhooks it raised for them, and its settlement side. */
export interface ChaosProvider {
  readonly name: string;
  /** Every webhook event, in the order the provider raised them. */
  readonly events: readonly WebhookEvent[];
  /** By canonical payment id. */
  readonly expected: ReadonlyMap<string, ExpectedPayment>;
  /** The hub's provider entry, pointing at the simulation. */
  readonly config: NonNullable<HubConfigInput['providers']>[number];
  /** The environment the hub reads the throwaway credentials from; never `process.env`. */
  readonly env: NodeJS.ProcessEnv;
  /** The body and headers of one delivery, signed now as the provider signs it. */
  delivery(event: WebhookEvent): { body: string; headers: Record<string, string> };
  /** The id the hub keeps the event under: what its signed content names (a digest of the body for Razorpay), not the simulation's own id. */
  eventKey(event: WebhookEvent): string;
  /** The provider's settlement run, then the payments reconciliation of the hub's records against it. */
  settleAndReconcile(integrity: IntegrityStore, period: SettlementPeriod): Promise<ReconciliationReport<unknown, unknown>>;
  close(): Promise<void>;
}

export interface ScenarioOptions {
  payments: number;
  /** Share of payments refunded after capture (in full or in part), each refund a second money movement. */
  refundShare: number;
  seed: number;
}

const PROVIDER = 'razorpay';
const CURRENCY = 'INR';
const ENV = {
  keyId: 'INTERLOCK_CHAOS_RAZORPAY_KEY_ID',
  keySecret: 'INTERLOCK_CHAOS_RAZORPAY_KEY_SECRET',
  webhookSecrets: 'INTERLOCK_CHAOS_WEBHOOK_SECRETS',
} as const;

/**
 * Razorpay's simulation, in the parent so it outlives every kill of the hub. Razorpay because its
 * refund webhooks carry the payment beside the refund, so a refund is a money movement of its own
 * (Stripe's `charge.refunded` carries no PaymentIntent, so the payments plug-in records no movement
 * for it). Each payment is an order paid with auto-capture (`payment.authorized`,
 * `payment.captured`, `order.paid`); some are then refunded (`refund.created`, `refund.processed`).
 */
export async function startChaosProvider(options: ScenarioOptions): Promise<ChaosProvider> {
  const webhookSecret = `chaos_${randomBytes(24).toString('hex')}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    [ENV.keyId]: `rzp_test_chaos${randomBytes(6).toString('hex')}`,
    [ENV.keySecret]: randomBytes(18).toString('hex'),
    [ENV.webhookSecrets]: webhookSecret,
  };
  const simulation = await createRazorpaySimulation({ clock: systemClock, webhookSecret, seed: options.seed });
  const expected = makePayments(simulation, options);
  const events = simulation.takeWebhookEvents();
  const options_ = { keyIdEnv: ENV.keyId, keySecretEnv: ENV.keySecret, baseUrl: simulation.simulator.url, settlementLagHours: 0 };
  const connector = descriptor.create(descriptor.config.parse(options_), { env, clock: systemClock, telemetry: [], webhookSecrets: [webhookSecret] });
  return {
    name: PROVIDER,
    events,
    expected,
    config: { name: PROVIDER, connector: '@interlock/razorpay', options: options_, webhookSecretsEnv: ENV.webhookSecrets },
    env,
    delivery(event) {
      const body = JSON.stringify(event.payload);
      return { body, headers: { 'content-type': 'application/json', ...simulation.signWebhook(body, event, systemClock.now()) } };
    },
    eventKey(event) {
      const body = JSON.stringify(event.payload);
      const identity = descriptor.webhooks ? identifyEvent(descriptor.webhooks, PROVIDER, event.payload, {}, body) : undefined;
      return identity?.eventId ?? event.id;
    },
    settleAndReconcile(integrity, period) {
      simulation.settle(systemClock.now());
      return paymentsReconciliationJob({ provider: PROVIDER, connector, integrity, clock: systemClock, reportingLagMs: 0 }).run(period);
    },
    close: () => simulation.simulator.close(),
  };
}

/** Pays every order, then refunds a seeded share of them, as the provider's own side: no webhook is sent here. */
function makePayments(simulation: RazorpaySimulation, options: ScenarioOptions): Map<string, ExpectedPayment> {
  const random = seededRandom(options.seed);
  const { state } = simulation;
  const paid: { orderId: string; payment: NonNullable<ReturnType<typeof state.customerPays>> }[] = [];
  const expected = new Map<string, ExpectedPayment>();
  for (let i = 0; i < options.payments; i++) {
    const amount = 1_000 + Math.floor(random() * 200) * 125;
    const order = state.createOrder({ amount, currency: CURRENCY, receipt: `chaos-${options.seed}-${i}`, notes: {}, autoCapture: true }, systemClock.now());
    const payment = state.customerPays(order.id, systemClock.now());
    if (payment === undefined) throw new Error(`The simulation did not take the payment of order ${order.id}`);
    paid.push({ orderId: order.id, payment });
    expected.set(order.id, { capturedMinor: amount, refundedMinor: 0 });
  }
  // Refunds come after the captures, as they do at a provider: later in the flood.
  for (const { orderId, payment } of paid) {
    if (random() >= options.refundShare) continue;
    const refund = random() < 0.5 ? payment.amount : Math.max(1, Math.floor(payment.amount * (0.1 + 0.8 * random())));
    state.refund(payment, refund, { notes: {}, receipt: null, speed: 'normal' }, systemClock.now());
    expected.set(orderId, { capturedMinor: payment.amount, refundedMinor: refund });
  }
  return expected;
}
