import { describe, expect, it } from 'vitest';
import { money, type IntegrityStore, type RecordFilter, type RecordState, type StoredEvent } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import { PAYMENT_MOVEMENT_RECORD_TYPE, PAYMENT_RECORD_TYPE, paymentSchema, paymentsDomain, settlementLineSchema, type Payment, type PaymentsConnector, type SettlementLine } from '../src/index.js';

function payment(status: Payment['status'], captured: number, refunded = 0): Payment {
  return paymentSchema.parse({
    id: 'pay_1',
    provider: 'toy',
    reference: 'order-1',
    amount: money(1_000, 'INR'),
    amountCaptured: money(captured, 'INR'),
    amountRefunded: money(refunded, 'INR'),
    status,
    statusRaw: status,
    createdAt: 1_000,
    updatedAt: 2_000,
    metadata: {},
  });
}

function stored(eventId: string, body: unknown): StoredEvent {
  return { id: eventId, provider: 'toy', eventId, type: 'payment.updated', receivedAt: 5_000, occurredAt: 5_000, payload: JSON.stringify(body), status: 'processing', attempts: 1, updatedAt: 5_000 };
}

/** A connector whose verified bodies are `{ payment }` and whose reads return `current`. */
function connector(current: Payment, lines: SettlementLine[] = []): PaymentsConnector {
  const refuse = (): never => {
    throw new TypeError('not used here');
  };
  return {
    provider: 'toy',
    eventsFromVerifiedBody: (rawBody, eventId) => {
      const body = JSON.parse(rawBody) as { payment?: Payment };
      return [{ id: eventId, provider: 'toy', providerEventId: eventId, type: 'payment.updated', rawType: 'x', occurredAt: 4_000, ...(body.payment ? { payment: body.payment } : {}) }];
    },
    getPayment: () => Promise.resolve(current),
    listSettlements: async function* () {
      yield* lines;
    },
    createPayment: refuse,
    capturePayment: refuse,
    cancelPayment: refuse,
    listPayments: refuse,
    refundPayment: refuse,
    parseWebhook: refuse,
  };
}

describe('the payments domain plug-in', () => {
  it('turns a verified body into the payment record change, with the payment as its snapshot', () => {
    const interpreter = paymentsDomain.interpreter(connector(payment('succeeded', 1_000)));
    const change = interpreter.interpret?.(stored('evt_1', { payment: payment('succeeded', 1_000) }));
    expect(change).toMatchObject({ recordType: PAYMENT_RECORD_TYPE, recordId: 'pay_1', status: 'succeeded', occurredAt: 4_000 });
    expect(paymentSchema.parse(JSON.parse(change!.snapshot!))).toEqual(payment('succeeded', 1_000));
    expect(interpreter.interpret?.(stored('evt_2', {}))).toBeUndefined();
  });

  it('reads the payment for a refund event that carries only the refund, stamped with the event time', async () => {
    const refunded = payment('partially_refunded', 1_000, 300);
    const refund = { id: 're_1', paymentId: 'pay_1', amount: money(300, 'INR'), status: 'succeeded' as const, statusRaw: 'succeeded', createdAt: 4_000 };
    const reads: string[] = [];
    const refunds: PaymentsConnector = {
      ...connector(refunded),
      eventsFromVerifiedBody: (_rawBody, eventId) => [{ id: eventId, provider: 'toy', providerEventId: eventId, type: 'refund.updated', rawType: 'refund.created', occurredAt: 4_500, refund }],
      getPayment: (id) => (reads.push(id), Promise.resolve(refunded)),
    };
    const change = await paymentsDomain.interpreter(refunds).read?.(stored('evt_r', {}));
    expect(reads).toEqual(['pay_1']);
    expect(change).toMatchObject({ recordType: PAYMENT_RECORD_TYPE, recordId: 'pay_1', status: 'partially_refunded', occurredAt: 4_500 });
    expect(paymentSchema.parse(JSON.parse(change!.snapshot!))).toEqual(refunded);
  });

  it('reads nothing for an event that carries the payment, or names none', async () => {
    const reads: string[] = [];
    const counting: PaymentsConnector = { ...connector(payment('succeeded', 1_000)), getPayment: (id) => (reads.push(id), Promise.resolve(payment('succeeded', 1_000))) };
    const interpreter = paymentsDomain.interpreter(counting);
    await expect(interpreter.read?.(stored('evt_p', { payment: payment('succeeded', 1_000) }))).resolves.toMatchObject({ status: 'succeeded', occurredAt: 4_000 });
    await expect(interpreter.read?.(stored('evt_n', {}))).resolves.toBeUndefined();
    expect(reads).toEqual([]);
  });

  it('records the money each change moved, once per event, keyed by the event', () => {
    const interpreter = paymentsDomain.interpreter(connector(payment('succeeded', 1_000)));
    const before: RecordState = { provider: 'toy', recordType: PAYMENT_RECORD_TYPE, recordId: 'pay_1', status: 'succeeded', updatedAt: 2_000, version: 1, snapshot: JSON.stringify(payment('succeeded', 1_000)) };
    const refunded = { recordType: PAYMENT_RECORD_TYPE, recordId: 'pay_1', status: 'partially_refunded', occurredAt: 6_000, snapshot: JSON.stringify(payment('partially_refunded', 1_000, 300)) };
    expect(interpreter.effects?.(before, refunded, stored('evt_9', {}))).toEqual([
      {
        provider: 'toy',
        recordType: PAYMENT_MOVEMENT_RECORD_TYPE,
        recordId: 'pay_1:refund:evt_9',
        status: 'refund',
        updatedAt: 6_000,
        snapshot: JSON.stringify({ paymentId: 'pay_1', kind: 'refund', amount: money(-300, 'INR'), at: 6_000 }),
      },
    ]);
    expect(interpreter.effects?.(before, { ...refunded, snapshot: before.snapshot! }, stored('evt_10', {}))).toEqual([]);
    expect(interpreter.effects?.(undefined, { recordType: PAYMENT_RECORD_TYPE, recordId: 'pay_1', status: 'pending', occurredAt: 6_000 }, stored('evt_11', {}))).toEqual([]);
  });

  it('polls a payment through the connector until it settles', async () => {
    const polling = paymentsDomain.polling!;
    await expect(polling.read(connector(payment('pending', 0)), 'pay_1')).resolves.toEqual({ status: 'pending', updatedAt: 2_000, snapshot: JSON.stringify(payment('pending', 0)) });
    expect(polling.recordType).toBe(PAYMENT_RECORD_TYPE);
    expect([polling.isSettled('pending'), polling.isSettled('succeeded'), polling.isSettled('refunded')]).toEqual([false, true, true]);
  });

  it("reads with the poller's signal, so a read in flight ends when the hub closes", async () => {
    const signals: (AbortSignal | undefined)[] = [];
    const reading: PaymentsConnector = { ...connector(payment('pending', 0)), getPayment: (_id, options) => (signals.push(options?.signal), Promise.reject(options?.signal?.reason as Error)) };
    const closing = new AbortController();
    closing.abort(new Error('hub closing'));
    await expect(paymentsDomain.polling?.read(reading, 'pay_1', closing.signal)).rejects.toThrow('hub closing');
    expect(signals).toEqual([closing.signal]);
  });

  it("reconciles the recorded movements with the provider's settlement lines, shifted by its reporting lag", async () => {
    const clock = new FakeClock();
    const filters: RecordFilter[] = [];
    const movement = { paymentId: 'pay_1', kind: 'charge', amount: money(1_000, 'INR'), at: 1_000 };
    const integrity = {
      listRecords: (filter: RecordFilter) => {
        filters.push(filter);
        return Promise.resolve([{ provider: 'toy', recordType: PAYMENT_MOVEMENT_RECORD_TYPE, recordId: 'pay_1:charge:e', status: 'charge', updatedAt: 1_000, version: 1, snapshot: JSON.stringify(movement) }]);
      },
    } as Pick<IntegrityStore, 'listRecords'> as IntegrityStore;
    const line = settlementLineSchema.parse({ provider: 'toy', id: 'line_1', paymentId: 'pay_1', kind: 'charge', gross: money(1_000, 'INR'), fee: money(0, 'INR'), net: money(1_000, 'INR'), settledAt: 90_000 });
    const job = paymentsDomain.reconciliation!({ provider: 'toy', connector: connector(payment('succeeded', 1_000), [line]), integrity, clock, reportingLagMs: 50_000 });
    const report = await job.run({ from: 60_000, to: 120_000 });
    expect(report.differences).toBe(0);
    expect(filters).toEqual([{ provider: 'toy', recordType: PAYMENT_MOVEMENT_RECORD_TYPE, updatedFrom: 10_000, updatedTo: 70_000 }]);
    const missing = await paymentsDomain.reconciliation!({ provider: 'toy', connector: connector(payment('succeeded', 1_000)), integrity, clock, reportingLagMs: 0 }).run({ from: 0, to: 1 });
    expect(missing.missing.map((entry) => entry.key)).toEqual(['payment:pay_1']);
  });
});
