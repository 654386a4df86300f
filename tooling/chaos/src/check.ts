import type { AuditEntry, EventQueue, IntegrityStore, RecordState } from '@interlock/core';
import { PAYMENT_MOVEMENT_RECORD_TYPE, PAYMENT_RECORD_TYPE, paymentSchema, type PaymentMovement } from '@interlock/payments';
import type { ExpectedPayment } from './provider.js';

/** What the hub's store holds for one provider after the run, read directly. */
export interface StoreContents {
  audit: readonly AuditEntry[];
  payments: readonly RecordState[];
  movements: readonly RecordState[];
}

/** What the checks found, each as the ids concerned (event ids, or payment ids). */
export interface Findings {
  /** Acknowledged events with no decision: neither applied nor discarded with a reason. */
  lost: string[];
  /** Events with more than one `applied` audit entry. */
  appliedTwice: string[];
  /** Payments whose recorded movements add up to less than their record says moved. */
  movementsMissing: string[];
  /** Payments whose recorded movements add up to more than their record says moved. */
  movementsDoubled: string[];
  /** Payments written more often than an `applied` audit entry says (a write without its audit entry). */
  auditMissing: string[];
  /** Payments whose record is absent or shows other money than the provider's. */
  wrongState: string[];
  /**
   * Decided events that were never acknowledged, and payment records the provider never made:
   * with `lost`, the store holds exactly the acknowledged events, not merely at least them.
   */
  unexpected: string[];
}

const DECIDED: ReadonlySet<string> = new Set(['applied', 'discarded']);
// Large enough for any run: a check that read a truncated list would pass for the wrong reason.
const READ_ALL = 100_000_000;

/** Reads the audit trail, payments and movements of `provider` straight from the integrity store. */
export async function readStore(integrity: IntegrityStore, provider: string): Promise<StoreContents> {
  const [audit, payments, movements] = await Promise.all([
    integrity.listAudit({ provider, limit: READ_ALL }),
    integrity.listRecords({ provider, recordType: PAYMENT_RECORD_TYPE, limit: READ_ALL }),
    integrity.listRecords({ provider, recordType: PAYMENT_MOVEMENT_RECORD_TYPE, limit: READ_ALL }),
  ]);
  return { audit, payments, movements };
}

/** The queue's events that are not finished (still queued or in a worker's hands) or dead. */
export async function unfinished(queue: EventQueue): Promise<{ pending: number; dead: number }> {
  const counts = await queue.counts();
  return { pending: counts.queued + counts.processing, dead: counts.dead };
}

function countBy<T>(items: Iterable<T>, key: (item: T) => string | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/**
 * The invariants an all-or-nothing apply keeps, whatever the order of deliveries and wherever the
 * process died: every acknowledged event decided; none applied twice; each payment's movements add
 * up to the money its record shows; each write of a payment with its audit entry; since every
 * event was delivered again at the end, each record showing what the provider says; and nothing
 * decided or recorded that the provider did not send.
 */
export function findProblems(contents: StoreContents, acknowledged: Iterable<string>, expected: ReadonlyMap<string, ExpectedPayment>): Findings {
  const sent = new Set(acknowledged);
  const decided = new Set(contents.audit.filter((entry) => DECIDED.has(entry.outcome)).map((entry) => entry.eventId));
  const applied = contents.audit.filter((entry) => entry.outcome === 'applied');
  const appliedPerEvent = countBy(applied, (entry) => entry.eventId);
  const appliedPerPayment = countBy(
    applied.filter((entry) => entry.recordType === PAYMENT_RECORD_TYPE),
    (entry) => entry.recordId,
  );
  const moved = new Map<string, { charged: number; refunded: number }>();
  for (const record of contents.movements) {
    const movement = JSON.parse(record.snapshot ?? 'null') as PaymentMovement;
    const sums = moved.get(movement.paymentId) ?? { charged: 0, refunded: 0 };
    if (movement.kind === 'charge') sums.charged += movement.amount.amountMinor;
    else sums.refunded -= movement.amount.amountMinor;
    moved.set(movement.paymentId, sums);
  }
  const findings: Findings = { lost: [], appliedTwice: [], movementsMissing: [], movementsDoubled: [], auditMissing: [], wrongState: [], unexpected: [] };
  for (const eventId of sent) if (!decided.has(eventId)) findings.lost.push(eventId);
  for (const eventId of decided) if (eventId !== undefined && !sent.has(eventId)) findings.unexpected.push(eventId);
  for (const [eventId, count] of appliedPerEvent) if (count > 1) findings.appliedTwice.push(eventId);
  const records = new Map(contents.payments.map((record) => [record.recordId, record]));
  for (const record of contents.payments) {
    if (!expected.has(record.recordId)) findings.unexpected.push(record.recordId);
    const payment = paymentSchema.parse(JSON.parse(record.snapshot ?? 'null'));
    const sums = moved.get(record.recordId) ?? { charged: 0, refunded: 0 };
    const captured = payment.amountCaptured.amountMinor;
    const refunded = payment.amountRefunded.amountMinor;
    if (sums.charged < captured || sums.refunded < refunded) findings.movementsMissing.push(record.recordId);
    if (sums.charged > captured || sums.refunded > refunded) findings.movementsDoubled.push(record.recordId);
    if (record.version > (appliedPerPayment.get(record.recordId) ?? 0)) findings.auditMissing.push(record.recordId);
  }
  for (const [paymentId, truth] of expected) {
    const record = records.get(paymentId);
    const payment = record?.snapshot === undefined ? undefined : paymentSchema.parse(JSON.parse(record.snapshot));
    if (payment?.amountCaptured.amountMinor !== truth.capturedMinor || payment.amountRefunded.amountMinor !== truth.refundedMinor) findings.wrongState.push(paymentId);
  }
  return findings;
}
