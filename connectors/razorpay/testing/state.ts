import type { WebhookEvent } from '@interlock/testkit/simulator';
import { seconds, wireNotes, type SimOrder, type SimPayment, type SimReconLine, type SimRefund, type SimSettlement } from './entities.js';
import { collection } from './wire-builders.js';

/** What a customer's failed attempt looks like on the payment entity (a card declined by default). */
export interface AttemptFailure {
  reason: string;
  description: string;
  source: string;
  step: string;
}

export const DECLINED: AttemptFailure = {
  reason: 'card_declined',
  description: 'Your payment has been declined by your bank. Please try again or complete the payment using another method.',
  source: 'issuer_bank',
  step: 'payment_authorization',
};

/**
 * Razorpay's fee on a payment in the simulation (2 %, plus 18 % GST on it) as Razorpay reports it
 * on the payment entity and on its recon line: `fee` includes the GST and `tax` is the GST part.
 */
export function feeOf(amount: number): { fee: number; tax: number } {
  const charge = Math.round(amount * 0.02);
  const tax = Math.round(charge * 0.18);
  return { fee: charge + tax, tax };
}

interface OrderRecord {
  order: SimOrder;
  autoCapture: boolean;
}

type EventEntities = { payment?: SimPayment; order?: SimOrder; refund?: SimRefund };

/**
 * Razorpay's side of the simulation: orders, payment attempts, refunds, settlement recon lines
 * and the webhook events they raise, shaped like the API's entities. The HTTP routes and the
 * customer's Checkout both change it; nothing here knows about faults.
 */
export class RazorpayState {
  private readonly orders = new Map<string, OrderRecord>();
  private readonly payments = new Map<string, SimPayment>();
  private readonly refunds = new Map<string, SimRefund>();
  private readonly recon: SimReconLine[] = [];
  private readonly settlements: SimSettlement[] = [];
  private readonly settled = new Set<string>();
  private readonly receipts = new Map<string, number>();
  private pending: WebhookEvent[] = [];

  constructor(
    private readonly newId: (prefix: string) => string,
    private readonly accountId: string,
  ) {}

  // Orders

  createOrder(fields: { amount: number; currency: string; receipt: string | null; notes: unknown; autoCapture: boolean }, now: number): SimOrder {
    const order: SimOrder = {
      id: this.newId('order_'),
      entity: 'order',
      amount: fields.amount,
      amount_paid: 0,
      amount_due: fields.amount,
      currency: fields.currency,
      receipt: fields.receipt,
      offer_id: null,
      status: 'created',
      attempts: 0,
      notes: wireNotes(fields.notes),
      created_at: seconds(now),
    };
    this.orders.set(order.id, { order, autoCapture: fields.autoCapture });
    const key = fields.receipt ?? order.id;
    this.receipts.set(key, (this.receipts.get(key) ?? 0) + 1);
    return order;
  }

  order(id: string): SimOrder | undefined {
    return this.orders.get(id)?.order;
  }

  /** Newest first, as Razorpay lists. */
  allOrders(): SimOrder[] {
    return [...this.orders.values()].map((record) => record.order).reverse();
  }

  /** The order with its payments expanded (`expand[]=payments`). */
  expandedOrder(order: SimOrder): SimOrder & { payments: ReturnType<typeof collection<SimPayment>> } {
    return { ...order, payments: collection(this.paymentsOf(order.id)) };
  }

  /** Orders created per receipt: two for one receipt is a customer asked to pay twice. */
  chargesByReceipt(): ReadonlyMap<string, number> {
    return new Map(this.receipts);
  }

  // Payments

  payment(id: string): SimPayment | undefined {
    return this.payments.get(id);
  }

  allPayments(): SimPayment[] {
    return [...this.payments.values()].reverse();
  }

  paymentsOf(orderId: string): SimPayment[] {
    return [...this.payments.values()].filter((payment) => payment.order_id === orderId);
  }

  /** The customer pays the order through Checkout; with auto-capture Razorpay captures at once. */
  customerPays(orderId: string, now: number): SimPayment | undefined {
    const record = this.recordOf(orderId);
    if (record.order.status === 'paid') return undefined;
    const payment = this.newAttempt(record.order, now);
    payment.status = 'authorized';
    this.event('payment.authorized', { payment }, now);
    if (record.autoCapture) this.capture(payment, now);
    return payment;
  }

  /** The customer's attempt fails (declined, cancelled, timed out); the order stays payable. */
  customerFails(orderId: string, failure: AttemptFailure, now: number): SimPayment {
    const payment = this.newAttempt(this.recordOf(orderId).order, now);
    Object.assign(payment, {
      status: 'failed',
      error_code: 'BAD_REQUEST_ERROR',
      error_description: failure.description,
      error_source: failure.source,
      error_step: failure.step,
      error_reason: failure.reason,
    });
    this.event('payment.failed', { payment }, now);
    return payment;
  }

  /** Captures an authorised payment and marks its order paid, raising the events Razorpay sends. */
  capture(payment: SimPayment, now: number): void {
    Object.assign(payment, { status: 'captured', captured: true, ...feeOf(payment.amount) });
    this.event('payment.captured', { payment }, now);
    const order = this.orders.get(payment.order_id)?.order;
    if (order === undefined) return;
    Object.assign(order, { status: 'paid', amount_paid: payment.amount, amount_due: order.amount - payment.amount });
    this.event('order.paid', { payment, order }, now);
  }

  private recordOf(orderId: string): OrderRecord {
    const record = this.orders.get(orderId);
    if (record === undefined) throw new TypeError(`The simulation has no order ${orderId}`);
    return record;
  }

  private newAttempt(order: SimOrder, now: number): SimPayment {
    order.attempts += 1;
    if (order.status === 'created') order.status = 'attempted';
    const payment: SimPayment = {
      id: this.newId('pay_'),
      entity: 'payment',
      amount: order.amount,
      currency: order.currency,
      status: 'created',
      order_id: order.id,
      invoice_id: null,
      international: false,
      method: 'card',
      amount_refunded: 0,
      refund_status: null,
      captured: false,
      description: null,
      card_id: this.newId('card_'),
      bank: null,
      wallet: null,
      vpa: null,
      email: 'gaurav.kumar@example.com',
      contact: '+919000090000',
      notes: [],
      fee: null,
      tax: null,
      error_code: null,
      error_description: null,
      error_source: null,
      error_step: null,
      error_reason: null,
      acquirer_data: { auth_code: '828553' },
      created_at: seconds(now),
    };
    this.payments.set(payment.id, payment);
    return payment;
  }

  // Refunds

  refund(payment: SimPayment, amount: number, fields: { notes: unknown; receipt: string | null; speed: string }, now: number): SimRefund {
    const refund: SimRefund = {
      id: this.newId('rfnd_'),
      entity: 'refund',
      amount,
      currency: payment.currency,
      payment_id: payment.id,
      notes: wireNotes(fields.notes),
      receipt: fields.receipt,
      acquirer_data: { arn: null },
      created_at: seconds(now),
      batch_id: null,
      // Test-mode normal refunds are processed at once.
      status: 'processed',
      speed_processed: 'normal',
      speed_requested: fields.speed,
    };
    this.refunds.set(refund.id, refund);
    const refunded = payment.amount_refunded + amount;
    const full = refunded >= payment.amount;
    Object.assign(payment, { amount_refunded: refunded, refund_status: full ? 'full' : 'partial', status: full ? 'refunded' : 'captured' });
    this.event('refund.created', { refund, payment }, now);
    this.event('refund.processed', { refund, payment }, now);
    return refund;
  }

  refundById(id: string): SimRefund | undefined {
    return this.refunds.get(id);
  }

  allRefunds(): SimRefund[] {
    return [...this.refunds.values()].reverse();
  }

  refundsOf(paymentId: string): SimRefund[] {
    return [...this.refunds.values()].filter((refund) => refund.payment_id === paymentId);
  }

  // Settlements

  /** One settlement: a recon line per captured payment and per refund not settled yet. */
  settle(at: number): void {
    const settlementId = this.newId('setl_');
    const utr = `RZRP${String(seconds(at)).padStart(12, '0')}`;
    const lines: SimReconLine[] = [];
    for (const payment of this.payments.values()) {
      if (!payment.captured || this.settled.has(payment.id)) continue;
      const { fee, tax } = feeOf(payment.amount);
      const credit = payment.amount - fee;
      lines.push(this.reconLine(payment, { type: 'payment', entityId: payment.id, amount: payment.amount, debit: 0, credit, fee, tax, paymentId: null }, settlementId, utr, at));
    }
    for (const refund of this.refunds.values()) {
      const payment = this.payments.get(refund.payment_id);
      if (this.settled.has(refund.id) || payment === undefined) continue;
      const line = { type: 'refund' as const, entityId: refund.id, amount: refund.amount, debit: refund.amount, credit: 0, fee: 0, tax: 0, paymentId: payment.id };
      lines.push(this.reconLine(payment, line, settlementId, utr, at));
    }
    if (lines.length === 0) return;
    for (const line of lines) this.settled.add(line.entity_id);
    this.recon.push(...lines);
    this.settlements.push({
      id: settlementId,
      entity: 'settlement',
      amount: lines.reduce((sum, line) => sum + line.credit - line.debit, 0),
      status: 'processed',
      // The settlement entity splits them: its `fees` leave out the GST its `tax` holds.
      fees: lines.reduce((sum, line) => sum + line.fee - line.tax, 0),
      tax: lines.reduce((sum, line) => sum + line.tax, 0),
      utr,
      created_at: seconds(at),
    });
  }

  private reconLine(
    payment: SimPayment,
    line: { type: SimReconLine['type']; entityId: string; amount: number; debit: number; credit: number; fee: number; tax: number; paymentId: string | null },
    settlementId: string,
    utr: string,
    at: number,
  ): SimReconLine {
    return {
      entity_id: line.entityId,
      type: line.type,
      debit: line.debit,
      credit: line.credit,
      amount: line.amount,
      currency: payment.currency,
      fee: line.fee,
      tax: line.tax,
      on_hold: false,
      settled: true,
      created_at: payment.created_at,
      settled_at: seconds(at),
      settlement_id: settlementId,
      posted_at: null,
      credit_type: 'default',
      description: null,
      notes: payment.notes,
      payment_id: line.paymentId,
      settlement_utr: utr,
      order_id: payment.order_id,
      order_receipt: this.orders.get(payment.order_id)?.order.receipt ?? null,
      method: payment.method,
      card_network: 'Visa',
      card_issuer: 'HDFC',
      card_type: 'credit',
      dispute_id: null,
    };
  }

  /** Recon lines in the order they were settled. */
  reconLines(): readonly SimReconLine[] {
    return this.recon;
  }

  allSettlements(): SimSettlement[] {
    return [...this.settlements].reverse();
  }

  /** Loses the settlement line of a payment, by order id or payment id, as if Razorpay had dropped it. */
  dropPaymentLine(paymentId: string): void {
    const index = this.recon.findIndex((line) => line.type === 'payment' && (line.order_id === paymentId || line.entity_id === paymentId));
    if (index === -1) throw new TypeError(`The simulation has no settlement line for ${paymentId}`);
    this.recon.splice(index, 1);
  }

  // Webhooks

  private event(type: string, entities: EventEntities, now: number): void {
    const payload: Record<string, { entity: unknown }> = {};
    // Payloads are snapshots: later changes to an entity must not reach an event already raised.
    for (const [name, entity] of Object.entries(entities)) payload[name] = { entity: structuredClone(entity) };
    this.pending.push({
      id: this.newId('evt_'),
      type,
      payload: { entity: 'event', account_id: this.accountId, event: type, contains: Object.keys(entities), payload, created_at: seconds(now) },
      occurredAt: now,
    });
  }

  /** The events raised since the last call, oldest first. */
  takeEvents(): WebhookEvent[] {
    const events = this.pending;
    this.pending = [];
    return events;
  }
}
