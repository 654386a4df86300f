import { Poller, sortableId, type Clock, type EventQueue, type IntegrityStore } from '@interlock/core';
import { isSettledPaymentStatus, paymentPollTarget, type Payment, type PaymentsConnector, type PaymentStatus } from '@interlock/payments';
import { PAYMENT_RECORD_TYPE } from '../reconciliation/payments-job.js';

/** The event type polled states travel under; the payments interpreter reads their payload as a canonical payment. */
export const POLLED_EVENT_TYPE = 'interlock.polled';

/** How often and how long unsettled payments are read. */
export interface PollingSchedule {
  firstAfterMs: number;
  capMs: number;
  maxDurationMs: number;
}

export interface PaymentsPollerOptions {
  provider: string;
  connector: PaymentsConnector;
  queue: EventQueue;
  integrity: IntegrityStore;
  clock: Clock;
  schedule: PollingSchedule;
  /** Whom to tell when a payment never settled within `maxDurationMs` (a person should look). */
  onGiveUp(recordId: string, lastError: unknown): void;
}

/**
 * Polls a provider's payments that are not settled yet, so a lost webhook delays a payment
 * instead of stranding it. A new state read from the provider goes into the event queue like a
 * webhook (deduped on payment, status and time), so it is applied by the same workers, through
 * the same guards, with the same audit trail.
 */
export class PaymentsPoller {
  private readonly poller: Poller<PaymentStatus>;
  private readonly lastRead = new Map<string, { payment: Payment; at: number }>();

  constructor(private readonly options: PaymentsPollerOptions) {
    const { connector, clock, schedule } = options;
    this.poller = new Poller<PaymentStatus>(
      paymentPollTarget(connector, (payment) => this.lastRead.set(payment.id, { payment, at: clock.now() })),
      {
        clock,
        provider: options.provider,
        backoff: { baseMs: schedule.firstAfterMs, capMs: schedule.capMs, jitter: 'full' },
        maxDurationMs: schedule.maxDurationMs,
        onState: (id) => this.enqueue(id),
        onGiveUp: (id, error) => options.onGiveUp(id, error),
      },
    );
  }

  /** Starts polling a payment whose last applied status is not settled; a settled one is ignored. */
  track(recordId: string, status: string): void {
    if (!isSettledPaymentStatus(status as PaymentStatus)) this.poller.track(recordId);
  }

  /** After a restart: resumes polling the payments updated in the last `maxDurationMs` that are not settled. */
  async resume(): Promise<void> {
    const { integrity, clock, provider, schedule } = this.options;
    const records = await integrity.listRecords({ provider, recordType: PAYMENT_RECORD_TYPE, updatedFrom: clock.now() - schedule.maxDurationMs });
    for (const record of records) this.track(record.recordId, record.status);
  }

  get tracked(): number {
    return this.poller.tracked;
  }

  stop(): Promise<void> {
    return this.poller.stop();
  }

  private async enqueue(recordId: string): Promise<void> {
    const read = this.lastRead.get(recordId);
    if (!read) return;
    const { payment, at } = read;
    // A read is the provider's state as of the read, newer than any event it already reflects.
    await this.options.queue.accept({
      id: sortableId(at),
      provider: this.options.provider,
      eventId: `poll:${payment.id}:${payment.status}:${payment.updatedAt}`,
      type: POLLED_EVENT_TYPE,
      receivedAt: at,
      occurredAt: at,
      payload: JSON.stringify(payment),
    });
  }
}
