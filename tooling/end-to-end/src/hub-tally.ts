import { POLLED_EVENT_TYPE, type AuditEntry, type EventStatus } from '@interlock/core';
import type { Hub } from '@interlock/hub';
import { PAYMENT_RECORD_TYPE, paymentSchema, type Payment } from '@interlock/payments';
import type { DeliveryKind, DeliveryRecord } from '@interlock/testkit/simulator';

/** What the ordering and stale guards refuse, as the applier writes it at the head of a discarded event's audit detail. */
const GUARD_REFUSALS: ReadonlySet<string> = new Set(['stale', 'backward_transition', 'unknown_state', 'duplicate']);

/** One payment as the hub's records hold it. */
export interface HubPayment {
  status: string;
  /** The canonical payment of the last applied change. */
  payment: Payment | undefined;
}

/** The hub's own account of the run: its counters, its queue and its audit trail. */
export interface HubTally {
  /** Deliveries the provider sent, by kind (original, duplicate, forged). */
  sent: Readonly<Partial<Record<DeliveryKind, number>>>;
  /** Webhook requests the hub's ingress counted, by outcome (accepted, duplicate, forged, expired, ...). */
  webhooks: Readonly<Record<string, number>>;
  queue: Readonly<Record<EventStatus, number>>;
  /** Events the workers' guards refused, by reason, from the audit trail. */
  guardRefusals: Readonly<Record<string, number>>;
  /** Event ids the audit trail shows applied more than once. */
  appliedTwice: readonly string[];
  /** Who moved each record to a settled status first: a webhook or the hub's poller. */
  settledBy: { webhook: number; poller: number };
}

/** Which of the hub's records the run is about, and which of their statuses are settled. */
export interface TrackedRecords {
  recordType: string;
  isSettled(status: string): boolean;
}

const WEBHOOK_OUTCOMES = ['accepted', 'duplicate', 'forged', 'expired', 'malformed'] as const;

/** The status an applied entry moved its record to (`detail` reads `from -> to`). */
function appliedTo(entry: AuditEntry): string | undefined {
  return entry.detail?.split(' -> ')[1];
}

/** Watches the hub's records until each holds the status it must end in. */
export class FinalStates {
  /** Record id -> the status it must reach; an entry goes once reached (a final status does not change). */
  private readonly waiting: Map<string, string>;

  constructor(
    private readonly hub: Hub,
    private readonly provider: string,
    private readonly recordType: string,
    finals: ReadonlyMap<string, string>,
  ) {
    this.waiting = new Map(finals);
  }

  /** True once every record is final and nothing is left in the hub's queue. */
  async reached(): Promise<boolean> {
    const counts = await this.hub.queue.counts();
    if (counts.queued + counts.processing > 0) return false;
    for (const [recordId, status] of this.waiting) {
      if ((await this.hub.integrity.getRecord({ provider: this.provider, recordType: this.recordType, recordId }))?.status !== status) return false;
      this.waiting.delete(recordId);
    }
    return true;
  }
}

/** Reads the tally from the hub after the run. */
export async function readHubTally(hub: Hub, provider: string, deliveries: readonly DeliveryRecord[], records: TrackedRecords): Promise<HubTally> {
  const sent: Partial<Record<DeliveryKind, number>> = {};
  for (const delivery of deliveries) sent[delivery.kind] = (sent[delivery.kind] ?? 0) + 1;
  const webhooks = Object.fromEntries(WEBHOOK_OUTCOMES.map((outcome) => [outcome, hub.metrics.webhooks.get({ provider, outcome })]));

  const guardRefusals: Record<string, number> = {};
  const appliedCount = new Map<string, number>();
  const settledBy = { webhook: 0, poller: 0 };
  const settled = new Set<string>();
  for (const entry of await hub.integrity.listAudit({ provider })) {
    if (entry.outcome === 'discarded') {
      const reason = entry.detail?.split(':')[0] ?? '';
      if (GUARD_REFUSALS.has(reason)) guardRefusals[reason] = (guardRefusals[reason] ?? 0) + 1;
    }
    if (entry.outcome !== 'applied' || entry.eventId === undefined) continue;
    appliedCount.set(entry.eventId, (appliedCount.get(entry.eventId) ?? 0) + 1);
    const status = appliedTo(entry);
    if (entry.recordType !== records.recordType || entry.recordId === undefined || status === undefined || settled.has(entry.recordId)) continue;
    if (!records.isSettled(status)) continue;
    settled.add(entry.recordId);
    settledBy[entry.action === `apply ${POLLED_EVENT_TYPE}` ? 'poller' : 'webhook']++;
  }
  return {
    sent,
    webhooks,
    queue: await hub.queue.counts(),
    guardRefusals,
    appliedTwice: [...appliedCount].filter(([, count]) => count > 1).map(([eventId]) => eventId),
    settledBy,
  };
}

/** The payments the hub's records hold, by id. */
export async function readHubPayments(hub: Hub, provider: string, ids: readonly string[]): Promise<ReadonlyMap<string, HubPayment>> {
  const payments = new Map<string, HubPayment>();
  for (const recordId of ids) {
    const record = await hub.integrity.getRecord({ provider, recordType: PAYMENT_RECORD_TYPE, recordId });
    if (record) payments.set(recordId, { status: record.status, payment: record.snapshot === undefined ? undefined : paymentSchema.parse(JSON.parse(record.snapshot)) });
  }
  return payments;
}
