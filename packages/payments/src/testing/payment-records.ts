import { guardTransition, type GuardRefusal } from '@interlock/core';
import type { Payment } from '../models/payment.js';
import { isSettledPaymentStatus, paymentStatusMachine } from '../payment-status.js';

/** How a record learnt its state. */
export type Source = 'create' | 'webhook' | 'polling';

interface PaymentRecord {
  payment: Payment;
  updatedAt: number;
}

/**
 * Our side of the run: every payment as we last learnt it, written only through the ordering
 * guard, as the hub's workers do. Counts who settled each record and what the guard refused.
 */
export class PaymentRecords {
  private readonly records = new Map<string, PaymentRecord>();
  readonly settledBy: Record<Source, number> = { create: 0, webhook: 0, polling: 0 };
  readonly refused: Partial<Record<GuardRefusal, number>> = {};

  /** Applies a state learnt at `at`; true when the record became settled by it. */
  apply(payment: Payment, at: number, source: Source): boolean {
    const current = this.records.get(payment.id);
    const decision = guardTransition(
      paymentStatusMachine,
      current && { status: current.payment.status, updatedAt: current.updatedAt },
      { status: payment.status, occurredAt: at },
    );
    if (!decision.apply) {
      this.refused[decision.reason] = (this.refused[decision.reason] ?? 0) + 1;
      return false;
    }
    this.records.set(payment.id, { payment, updatedAt: at });
    const settledNow = isSettledPaymentStatus(payment.status) && !(current && isSettledPaymentStatus(current.payment.status));
    if (settledNow) this.settledBy[source]++;
    return settledNow;
  }

  get(id: string): Payment | undefined {
    return this.records.get(id)?.payment;
  }

  isSettled(id: string): boolean {
    const record = this.records.get(id);
    return record !== undefined && isSettledPaymentStatus(record.payment.status);
  }

  ids(): string[] {
    return [...this.records.keys()];
  }
}
