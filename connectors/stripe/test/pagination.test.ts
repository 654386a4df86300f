import { collectAll, money } from '@interlock/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payment } from '@interlock/payments';
import { simulatedStripe, type SimulatedStripe } from './support/stage.js';

const COUNT = 230;
let stage: SimulatedStripe;
let payments: Payment[];
let startedAt: number;

beforeAll(async () => {
  stage = await simulatedStripe();
  startedAt = stage.clock.now();
  payments = [];
  for (let index = 0; index < COUNT; index++) {
    const payment = await stage.connector.createPayment({ amount: money(1_000 + index, 'INR'), captureMethod: 'automatic', reference: `page-${index}` });
    stage.simulation.customerCompletes(payment);
    payments.push(payment);
  }
  stage.simulation.settle(stage.clock.now());
});
afterAll(async () => stage.close());

const listRequests = (path: string) => stage.simulation.simulator.requests.filter((request) => request.method === 'GET' && request.path === path);

describe('reading Stripe lists to the last page', () => {
  it('lists every payment across pages of 100, newest first, refunds state included', async () => {
    const before = listRequests('/v1/payment_intents').length;
    const listed = await collectAll(stage.connector.listPayments({ createdFrom: startedAt, createdTo: stage.clock.now() + 1 }));
    expect(listed).toHaveLength(COUNT);
    expect(listed.map((payment) => payment.reference)).toEqual(payments.map((payment) => payment.reference).reverse());
    expect(new Set(listed.map((payment) => payment.status))).toEqual(new Set(['succeeded']));
    const pages = listRequests('/v1/payment_intents').slice(before);
    expect(pages).toHaveLength(3);
    expect(pages.map((page) => new URLSearchParams(page.query).get('starting_after'))).toEqual([null, listed[99]?.id, listed[199]?.id]);
  });

  it('each loop over a list is a fresh read from the first page', async () => {
    const iterable = stage.connector.listPayments();
    expect(await collectAll(iterable)).toHaveLength(COUNT);
    expect(await collectAll(iterable)).toHaveLength(COUNT);
  });

  it('filters by creation time in whole Stripe seconds', async () => {
    const middle = payments[115] as Payment;
    const from = await collectAll(stage.connector.listPayments({ createdFrom: middle.createdAt }));
    expect(from.every((payment) => payment.createdAt >= middle.createdAt)).toBe(true);
    const before = await collectAll(stage.connector.listPayments({ createdTo: middle.createdAt }));
    expect(before.every((payment) => payment.createdAt < middle.createdAt)).toBe(true);
    expect(from.length + before.length).toBe(COUNT);
  });

  it('lists every settlement line, each naming its payment', async () => {
    const lines = await collectAll(stage.connector.listSettlements({ from: startedAt, to: stage.clock.now() + 1 }));
    expect(lines).toHaveLength(COUNT);
    expect(new Set(lines.map((line) => line.paymentId))).toEqual(new Set(payments.map((payment) => payment.id)));
    expect(listRequests('/v1/balance_transactions').length).toBe(3);
    const first = lines.find((line) => line.paymentId === payments[0]?.id);
    // 2.9 % of 1,000 paise is 29, plus 30.
    expect(first).toMatchObject({ kind: 'charge', gross: money(1_000, 'INR'), fee: money(59, 'INR'), net: money(941, 'INR') });
  });

  it('reads events back to the last page, filtered by type', async () => {
    const all = await collectAll(stage.connector.listEvents({ createdFrom: startedAt }));
    expect(all).toHaveLength(COUNT * 3);
    const succeeded = await collectAll(stage.connector.listEvents({ types: ['payment_intent.succeeded'] }));
    expect(succeeded).toHaveLength(COUNT);
    expect(succeeded.every((event) => event.type === 'payment.updated' && event.payment?.status === 'succeeded')).toBe(true);
  });
});
