import { collectAll, money } from '@interlock/core';
import { paymentSchema, refundSchema, settlementLineSchema } from '@interlock/payments';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from '../support/fixtures.js';
import { replayStage, type ReplayStage } from '../support/replay.js';

const PI = 'pi_3OaB2cLkdIwHu7ix1Kz8pQ2m';
const T0 = Date.UTC(2026, 0, 1);

let stage: ReplayStage | undefined;
const use = (...names: string[]): ReplayStage => {
  stage = replayStage(names);
  return stage;
};
afterEach(() => stage?.replay.dispose());

describe('Stripe PaymentIntents on recorded exchanges', () => {
  it('creates with a form body, the caller’s key and the pinned version, and takes the newer fields it acknowledges without drift', async () => {
    const { connector, replay, sink } = use('create a PaymentIntent');
    const payment = await connector.createPayment({
      amount: money(49_900, 'INR'),
      captureMethod: 'automatic',
      reference: 'order-1042',
      metadata: { channel: 'web' },
      idempotencyKey: 'order-1042-attempt',
    });
    replay.assertDone();
    expect(paymentSchema.parse(payment)).toEqual({
      id: PI,
      provider: 'stripe',
      reference: 'order-1042',
      amount: money(49_900, 'INR'),
      amountCaptured: money(0, 'INR'),
      amountRefunded: money(0, 'INR'),
      status: 'requires_action',
      statusRaw: 'requires_payment_method',
      createdAt: T0,
      updatedAt: T0,
      metadata: { channel: 'web' },
    });
    // The body carries managed_payments, payment_method_configuration_details and customer_account, newer than the pin.
    expect(sink.ofType('contract.drift')).toEqual([]);
  });

  it('reads a partially refunded payment from its expanded latest charge', async () => {
    const { connector, replay } = use('retrieve a partially refunded PaymentIntent with its latest charge expanded');
    const payment = await connector.getPayment(PI);
    replay.assertDone();
    expect(payment).toMatchObject({
      status: 'partially_refunded',
      statusRaw: 'succeeded',
      amountCaptured: money(49_900, 'INR'),
      amountRefunded: money(10_000, 'INR'),
      updatedAt: T0 + 40_000,
    });
  });

  it('reads a declined attempt as failed, with the decline code mapped and kept', async () => {
    const { connector, replay } = use('retrieve a PaymentIntent whose attempt was declined');
    const payment = await connector.getPayment('pi_3OaB9xLkdIwHu7ix0Fq2dE1a');
    replay.assertDone();
    expect(payment).toMatchObject({
      status: 'failed',
      statusRaw: 'requires_payment_method',
      amount: money(250_000, 'JPY'),
      failure: { code: 'insufficient_funds', providerCode: 'insufficient_funds', message: 'Your card has insufficient funds.' },
    });
  });

  it('captures part of a KWD authorisation after checking its currency', async () => {
    const { connector, replay } = use('retrieve an authorised PaymentIntent', 'capture an authorised PaymentIntent in part');
    const payment = await connector.capturePayment('pi_3OaBC1LkdIwHu7ix1Mn0pQrS', { amount: money(12_000, 'KWD') });
    replay.assertDone();
    expect(payment).toMatchObject({ status: 'succeeded', amount: money(15_000, 'KWD'), amountCaptured: money(12_000, 'KWD') });
  });

  it('reads an authorisation as authorized', async () => {
    const { connector } = use('retrieve an authorised PaymentIntent');
    await expect(connector.getPayment('pi_3OaBC1LkdIwHu7ix1Mn0pQrS')).resolves.toMatchObject({ status: 'authorized', amountCaptured: money(0, 'KWD') });
  });

  it('cancels, dating the update by canceled_at', async () => {
    const { connector, replay } = use('cancel a PaymentIntent');
    const payment = await connector.cancelPayment('pi_3OaBD7LkdIwHu7ix0Cc1nXlD');
    replay.assertDone();
    expect(payment).toMatchObject({ status: 'canceled', updatedAt: T0 + 460_000, amount: money(5_000, 'USD') });
  });

  it('lists to the last page: a read that stops at page one leaves an exchange unused', async () => {
    const { connector, replay } = use('list PaymentIntents, first page', 'list PaymentIntents, last page');
    const payments = await collectAll(connector.listPayments({ createdFrom: T0, createdTo: T0 + 86_400_000 }));
    replay.assertDone();
    expect(payments.map((payment) => payment.reference)).toEqual(['order-2000', 'order-2001', 'order-2002', 'order-2003', 'order-2004']);
    expect(payments.map((payment) => payment.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'pending', 'pending']);
  });
});

describe('Stripe refunds, customers, events and balance transactions on recorded exchanges', () => {
  it('refunds part of a payment with one of Stripe’s reasons', async () => {
    const { connector, replay } = use('retrieve a partially refunded PaymentIntent with its latest charge expanded', 'refund part of a PaymentIntent');
    const refund = await connector.refundPayment(PI, { amount: money(10_000, 'INR'), reason: 'requested_by_customer', idempotencyKey: 'refund-2002-partial' });
    replay.assertDone();
    expect(refundSchema.parse(refund)).toEqual({
      id: 're_3OaB2cLkdIwHu7ix1nR7fUnd',
      paymentId: PI,
      amount: money(10_000, 'INR'),
      status: 'pending',
      statusRaw: 'pending',
      reason: 'requested_by_customer',
      createdAt: T0 + 7_200_000,
    });
  });

  it('reads a refund back', async () => {
    const { connector } = use('retrieve a refund');
    await expect(connector.getRefund('re_3OaB2cLkdIwHu7ix1nR7fUnd')).resolves.toMatchObject({ status: 'succeeded', paymentId: PI });
  });

  it('creates and reads a customer, keeping "Müller GmbH" intact', async () => {
    const { connector, replay } = use('create a customer', 'retrieve a customer');
    const created = await connector.createCustomer({ name: 'Müller GmbH', email: 'billing@mueller.example', reference: 'crm-77' });
    const read = await connector.getCustomer('cus_PQg1o8vcGmoR32');
    replay.assertDone();
    const expected = { id: 'cus_PQg1o8vcGmoR32', reference: 'crm-77', name: 'Müller GmbH', email: 'billing@mueller.example', metadata: {} };
    expect(created).toEqual(expected);
    expect(read).toEqual(expected);
  });

  it('reads missed events back as canonical events', async () => {
    const { connector, replay } = use('list events for reconciliation');
    const events = await collectAll(
      connector.listEvents({ createdFrom: T0, types: ['payment_intent.created', 'payment_intent.succeeded', 'charge.succeeded'] }),
    );
    replay.assertDone();
    expect(events.map((event) => [event.type, event.rawType, event.payment?.status, event.occurredAt])).toEqual([
      ['payment.updated', 'payment_intent.succeeded', 'succeeded', T0 + 41_000],
      ['unknown', 'charge.succeeded', undefined, T0 + 40_000],
      ['payment.updated', 'payment_intent.created', 'requires_action', T0],
    ]);
  });

  it('reads balance transactions to the last page as settlement lines of every kind', async () => {
    const { connector, replay } = use('list balance transactions, first page', 'list balance transactions, last page');
    const lines = await collectAll(connector.listSettlements({ from: T0, to: T0 + 86_400_000 }));
    replay.assertDone();
    expect(lines.map((line) => settlementLineSchema.parse(line))).toEqual([
      {
        provider: 'stripe',
        id: 'txn_3OaD02LkdIwHu7ix0ChargeTx',
        paymentId: PI,
        kind: 'charge',
        gross: money(49_900, 'INR'),
        fee: money(1_477, 'INR'),
        net: money(48_423, 'INR'),
        settledAt: T0 + 40_000,
      },
      {
        provider: 'stripe',
        id: 'txn_3OaD01LkdIwHu7ix0RefundTx',
        paymentId: PI,
        refundId: 're_3OaB2cLkdIwHu7ix1nR7fUnd',
        kind: 'refund',
        gross: money(-10_000, 'INR'),
        fee: money(0, 'INR'),
        net: money(-10_000, 'INR'),
        settledAt: T0 + 7_200_000,
      },
      expect.objectContaining({ id: 'txn_1OaE01LkdIwHu7ix0PayoutTx', kind: 'payout', gross: money(-120_000, 'INR') }),
      expect.objectContaining({ id: 'txn_1OaE02LkdIwHu7ix0FeeTxXxx', kind: 'fee', gross: money(-2_000, 'INR') }),
    ]);
  });
});

describe('Stripe errors on recorded exchanges', () => {
  const cases = [
    { name: 'a card declined for insufficient funds', kind: 'business_rejected', code: 'insufficient_funds', status: 402 },
    { name: 'an idempotency key reused with other parameters', kind: 'conflict', code: 'idempotency_error', status: 400 },
    { name: 'a missing parameter', kind: 'invalid_request', code: 'parameter_missing', status: 400 },
  ] as const;
  for (const { name, kind, code, status } of cases) {
    it(`classifies ${name} as ${kind} without retrying`, async () => {
      const { connector, replay } = use(name);
      const call =
        fixture(name).request.path === '/v1/refunds'
          ? connector.refundPayment(PI)
          : connector.createPayment({ amount: money(49_900, 'INR'), captureMethod: 'automatic', reference: 'order-1042' });
      await expect(call).rejects.toMatchObject({ provider: 'stripe', kind, providerCode: code, status, attempts: 1, retryable: false });
      replay.assertDone();
    });
  }

  it('classifies a refused key, a missing object, a rate limit and a Stripe failure on reads', async () => {
    const retried = (name: string) => ({ ...fixture(name), times: 3 });
    const { connector, replay } = replayStageFor([
      fixture('the API key is refused'),
      fixture('a PaymentIntent that does not exist'),
      retried('too many requests'),
      retried("an error on Stripe's side"),
    ]);
    await expect(connector.getPayment(PI)).rejects.toMatchObject({ kind: 'auth', status: 401, attempts: 1 });
    await expect(connector.getPayment('pi_3OaZZZLkdIwHu7ix0Missing0')).rejects.toMatchObject({ kind: 'not_found', providerCode: 'resource_missing' });
    await expect(connector.getPayment(PI)).rejects.toMatchObject({ kind: 'rate_limited', providerCode: 'rate_limit', attempts: 3 });
    await expect(connector.getPayment(PI)).rejects.toMatchObject({ kind: 'unavailable', providerCode: 'api_error', attempts: 3 });
    replay.assertDone();
  });
});

function replayStageFor(fixtures: Parameters<typeof replayStage>[0]): ReplayStage {
  stage = replayStage(fixtures);
  return stage;
}
