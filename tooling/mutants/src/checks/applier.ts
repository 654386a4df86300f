import assert from 'node:assert/strict';
import { money, sortableId, type EventHandler, type EventOutcome, type IntegrityStore, type StoredEvent } from '@interlock/core';
import { createEventApplier } from '@interlock/hub';
import { PAYMENT_RECORD_TYPE, paymentsInterpreter, type Payment, type PaymentEvent } from '@interlock/payments';
import { openSqliteStore } from '@interlock/store-sqlite';
import { FakeClock } from '@interlock/testkit';
// The chaos test's check of a store after a run: one home for what a sound store holds.
import { findProblems, readStore, type Findings } from '../../../chaos/src/check.js';

const PROVIDER = 'acme';
const PAYMENT_ID = 'pay_1';

function payment(status: Payment['status'], at: number, capturedMinor: number): Payment {
  return {
    id: PAYMENT_ID,
    provider: PROVIDER,
    reference: 'order-1',
    amount: money(1250, 'EUR'),
    amountCaptured: money(capturedMinor, 'EUR'),
    amountRefunded: money(0, 'EUR'),
    status,
    statusRaw: status,
    createdAt: 0,
    updatedAt: at,
    metadata: {},
  };
}

/** A stored webhook carrying one canonical payment event, as the hub's queue hands it to a worker. */
function delivery(eventId: string, status: Payment['status'], at: number, capturedMinor: number): StoredEvent {
  const event: PaymentEvent = { id: eventId, provider: PROVIDER, providerEventId: eventId, type: 'payment.updated', rawType: `payment.${status}`, occurredAt: at, payment: payment(status, at, capturedMinor) };
  return { id: sortableId(at), provider: PROVIDER, eventId, type: event.rawType, receivedAt: at, occurredAt: at, payload: JSON.stringify([event]), status: 'processing', attempts: 1, updatedAt: at };
}

/** The hub's real applier with the payments domain's real interpreter, on an integrity store the caller may wrap. */
export interface ApplierStage {
  apply: EventHandler;
  /** The store as the applier sees it (possibly wrapped). */
  integrity: IntegrityStore;
}

/**
 * Runs `body` on the hub's event applier over a fresh SQLite store, interpreting webhooks with the
 * payments domain; the connector only reads the canonical events each body carries.
 */
export async function withApplier(wrap: (store: IntegrityStore) => IntegrityStore, body: (stage: ApplierStage) => Promise<void>): Promise<void> {
  const clock = new FakeClock();
  const store = openSqliteStore({ path: ':memory:', clock });
  const integrity = wrap(store.integrity);
  // Every event here carries its payment, so the interpreter never needs to read one.
  const interpreter = paymentsInterpreter({
    eventsFromVerifiedBody: (rawBody) => JSON.parse(rawBody) as PaymentEvent[],
    getPayment: (id) => Promise.reject(new Error(`the mutants' applier stage reads no payment (asked for ${id})`)),
  });
  try {
    await body({ apply: createEventApplier({ integrity, interpreters: new Map([[PROVIDER, interpreter]]), clock, actor: 'worker:mutants' }), integrity });
  } finally {
    await store.close();
  }
}

function describeOutcome(outcome: EventOutcome): string {
  return outcome.status === 'applied' ? 'applied' : `${outcome.status} (${outcome.reason})`;
}

async function expectDiscarded(apply: EventHandler, event: StoredEvent, reason: string, what: string): Promise<void> {
  const outcome = await apply(event);
  assert.ok(outcome.status === 'discarded' && outcome.reason === reason, `${what} was ${describeOutcome(outcome)}, not discarded as ${reason}`);
}

/**
 * The event path's ordering guarantee: a late webhook carrying an older snapshot is discarded as
 * stale, one the state machine cannot follow (succeeded, then pending in the same second) as a
 * backward transition, and the record keeps the newest state.
 */
export function orderingCheck(wrapStore: (store: IntegrityStore) => IntegrityStore = (store) => store): Promise<void> {
  return withApplier(wrapStore, async ({ apply, integrity }) => {
    const applied = await apply(delivery('evt_succeeded', 'succeeded', 2_000, 1250));
    assert.equal(applied.status, 'applied', `the first event was ${describeOutcome(applied)}`);
    await expectDiscarded(apply, delivery('evt_late', 'succeeded', 1_000, 1250), 'stale', 'a late delivery of an older snapshot');
    await expectDiscarded(apply, delivery('evt_backward', 'pending', 2_000, 0), 'backward_transition', 'pending after succeeded');
    const record = await integrity.getRecord({ provider: PROVIDER, recordType: PAYMENT_RECORD_TYPE, recordId: PAYMENT_ID });
    assert.ok(record?.status === 'succeeded' && record.updatedAt === 2_000, `the record went back to ${record?.status ?? 'nothing'} at ${record?.updatedAt ?? '-'}`);
  });
}

/**
 * The event path's bookkeeping guarantee, judged by the chaos test's own store check: every
 * applied event decided once, and each payment's movements adding up to the money its record
 * shows (here a capture of 12.50 EUR after an authorisation).
 */
export function movementsCheck(wrapStore: (store: IntegrityStore) => IntegrityStore = (store) => store): Promise<void> {
  return withApplier(wrapStore, async ({ apply, integrity }) => {
    for (const event of [delivery('evt_authorized', 'authorized', 1_000, 0), delivery('evt_captured', 'succeeded', 2_000, 1250)]) {
      const outcome = await apply(event);
      assert.equal(outcome.status, 'applied', `${event.eventId} was ${describeOutcome(outcome)}`);
    }
    const findings = findProblems(await readStore(integrity, PROVIDER), ['evt_authorized', 'evt_captured'], new Map([[PAYMENT_ID, { capturedMinor: 1250, refundedMinor: 0 }]]));
    const problems = (Object.keys(findings) as (keyof Findings)[]).map((name) => [name, findings[name]] as const).filter(([, ids]) => ids.length > 0);
    assert.deepEqual(Object.fromEntries(problems), {}, `the store check found ${problems.map(([name, ids]) => `${name}: ${ids.join(', ')}`).join('; ')}`);
  });
}
