import { collectAll, money, signWebhook } from '@interlock/core';
import { FakeClock, MemoryTelemetrySink } from '@interlock/core/testing';
import { paymentEventSchema, paymentSchema, refundSchema, settlementLineSchema } from '@interlock/payments';
import { loadFixtures, replayFixtures, type FixtureReplay } from '@interlock/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { createRazorpayConnector, RAZORPAY_BASE_URL, RAZORPAY_CONTRACTS, razorpayWebhookScheme, type RazorpayConnector } from '../../src/index.js';
import { KEY_ID, KEY_SECRET, WEBHOOK_SECRET } from '../support.js';
import { FIXTURE_DIR, loadFixture, loadWebhook } from './load.js';

let replay: FixtureReplay | undefined;
afterEach(() => replay?.dispose());

function connectorFor(files: readonly string[], sink = new MemoryTelemetrySink()): RazorpayConnector {
  replay = replayFixtures(RAZORPAY_BASE_URL, files.map(loadFixture));
  const clock = new FakeClock({ autoAdvance: true, start: Date.UTC(2026, 0, 1) });
  return createRazorpayConnector({
    credentials: { keyId: KEY_ID, keySecret: KEY_SECRET },
    webhookSecrets: [WEBHOOK_SECRET],
    clock,
    fetch: clock.trackFetch(),
    telemetry: [sink],
  });
}

describe('razorpay fixtures', () => {
  it('every fixture satisfies the wire contract it names', () => {
    const fixtures = loadFixtures(FIXTURE_DIR, { contracts: RAZORPAY_CONTRACTS });
    expect(fixtures.length).toBeGreaterThanOrEqual(18);
    for (const fixture of fixtures) expect(fixture.source.length).toBeGreaterThan(10);
  });
});

describe('razorpay against recorded exchanges', () => {
  it('reads a paid order and its attempts: the decline before the capture does not make it fail', async () => {
    const razorpay = connectorFor(['order-fetch-paid.json', 'order-payments-declined-then-captured.json']);
    const payment = await razorpay.getPayment('order_MT47xgV5ApouIB');
    expect(paymentSchema.parse(payment)).toEqual({
      id: 'order_MT47xgV5ApouIB',
      provider: 'razorpay',
      reference: 'order-1042',
      amount: money(2100, 'INR'),
      amountCaptured: money(2100, 'INR'),
      amountRefunded: money(0, 'INR'),
      status: 'succeeded',
      statusRaw: 'captured',
      createdAt: 1692696700_000,
      updatedAt: 1692696719_000,
      metadata: { cart: 'C-1042' },
    });
    replay?.assertDone();
  });

  it('creates an order after looking up its receipt, since the caller passed its own key', async () => {
    const razorpay = connectorFor(['orders-by-receipt-none.json', 'order-create.json']);
    const payment = await razorpay.createPayment({
      amount: money(50000, 'INR'),
      captureMethod: 'automatic',
      reference: 'order-2001',
      idempotencyKey: 'checkout-2001-key',
      metadata: { cart: 'C-2001' },
    });
    expect(payment).toMatchObject({ id: 'order_NB2X1h7QbJ4cPr', status: 'requires_action', statusRaw: 'created', reference: 'order-2001', metadata: { cart: 'C-2001' } });
    replay?.assertDone();
  });

  it('after a create that failed on the server, finds the order it made instead of creating another', async () => {
    const sink = new MemoryTelemetrySink();
    const razorpay = connectorFor(
      ['orders-by-receipt-none.json', 'order-create-server-error.json', 'orders-by-receipt-found.json', 'order-fetch-created.json', 'order-payments-none.json'],
      sink,
    );
    const payment = await razorpay.createPayment({ amount: money(50000, 'INR'), captureMethod: 'automatic', reference: 'order-2001', idempotencyKey: 'checkout-2001-key' });
    expect(payment.id).toBe('order_NB2X1h7QbJ4cPr');
    expect(sink.ofType('idempotency.found_existing')).toHaveLength(1);
    replay?.assertDone();
  });

  it('refuses an order Razorpay rejects, with the older three-field error body', async () => {
    const razorpay = connectorFor(['order-create-bad-request.json']);
    await expect(razorpay.createPayment({ amount: money(100, 'INR'), captureMethod: 'automatic', reference: 'order-9' })).rejects.toMatchObject({
      kind: 'invalid_request',
      providerCode: 'BAD_REQUEST_ERROR',
      status: 400,
      attempts: 1,
    });
    replay?.assertDone();
  });

  it('lists orders with their payments expanded, to the last (short) page', async () => {
    const razorpay = connectorFor(['orders-list-expanded.json']);
    const payments = await collectAll(razorpay.listPayments({ createdFrom: 1589000000_000, createdTo: 1767225600_000 }));
    expect(payments.map((p) => [p.id, p.status, p.amountCaptured.amountMinor])).toEqual([
      ['order_MT47xgV5ApouIB', 'succeeded', 2100],
      ['order_EpMTIJM0rhOj3H', 'authorized', 0],
    ]);
    replay?.assertDone();
  });

  it('captures the authorised payment of an order, restating its amount and currency', async () => {
    const razorpay = connectorFor(['order-fetch-attempted.json', 'order-payments-authorized.json', 'payment-capture.json']);
    const payment = await razorpay.capturePayment('order_EpMTIJM0rhOj3H');
    expect(payment).toMatchObject({ id: 'order_EpMTIJM0rhOj3H', status: 'succeeded', amountCaptured: money(10000, 'INR') });
    replay?.assertDone();
  });

  it('refunds part of a payment with X-Refund-Idempotency and the reason in the notes', async () => {
    const razorpay = connectorFor(['refund-create.json']);
    const refund = await razorpay.refundPayment('pay_FIKOnlyii5QGNx', { amount: money(300100, 'INR'), reason: 'damaged item', idempotencyKey: 'refund-2001-partial' });
    expect(refundSchema.parse(refund)).toEqual({
      id: 'rfnd_FP8DDKxqJif6ca',
      paymentId: 'pay_FIKOnlyii5QGNx',
      amount: money(300100, 'INR'),
      status: 'succeeded',
      statusRaw: 'processed',
      reason: 'damaged item',
      createdAt: 1597078124_000,
    });
    replay?.assertDone();
  });

  it('classifies a reused refund key as a conflict, sent once', async () => {
    const razorpay = connectorFor(['refund-idempotency-conflict.json']);
    await expect(razorpay.refundPayment('pay_FIKOnlyii5QGNx', { amount: money(100, 'INR'), idempotencyKey: 'refund-2001-partial' })).rejects.toMatchObject({
      kind: 'conflict',
      providerCode: 'idempotency_key_reused',
      attempts: 1,
    });
    replay?.assertDone();
  });

  it('classifies an id Razorpay does not know (a 400) as not_found', async () => {
    const razorpay = connectorFor(['payment-fetch-unknown-id.json']);
    await expect(razorpay.getPayment('pay_DoesNotExist01')).rejects.toMatchObject({ kind: 'not_found', providerCode: 'id_not_found', status: 400 });
    replay?.assertDone();
  });

  it('reads a thin SDK-mock payment and reports its legacy field as drift', async () => {
    const sink = new MemoryTelemetrySink();
    const razorpay = connectorFor(['payment-fetch-captured.json'], sink);
    const payment = await razorpay.getPayment('pay_29QQoUBi66xm2f');
    expect(payment).toMatchObject({ id: 'pay_29QQoUBi66xm2f', status: 'succeeded', amountCaptured: money(500, 'INR') });
    expect(payment.reference).toBeUndefined();
    expect(sink.ofType('contract.drift')[0]?.drift).toContain('unknown_field udf');
    replay?.assertDone();
  });

  it('reads one Indian day of the recon report into settlement lines pointing at orders and refunds', async () => {
    const razorpay = connectorFor(['settlement-recon-day.json']);
    const lines = await collectAll(razorpay.listSettlements({ from: Date.UTC(2026, 0, 1, 18, 30), to: Date.UTC(2026, 0, 2, 18, 30) }));
    expect(lines.map((line) => settlementLineSchema.parse(line))).toEqual([
      {
        provider: 'razorpay',
        id: 'setl_DGlQ1Rj8os78Ec:pay_DEXrnipqTmWVGE',
        paymentId: 'order_DEXrnRiR3SNDHA',
        kind: 'charge',
        gross: money(100000, 'INR'),
        fee: money(2900, 'INR'),
        net: money(97100, 'INR'),
        settledAt: 1767312000_000,
      },
      {
        provider: 'razorpay',
        id: 'setl_DGlQ1Rj8os78Ec:rfnd_DGRcGzGtdgZxqv',
        paymentId: 'pay_DGRQtE2ZaKRRqX',
        refundId: 'rfnd_DGRcGzGtdgZxqv',
        kind: 'refund',
        gross: money(-242500, 'INR'),
        fee: money(0, 'INR'),
        net: money(-242500, 'INR'),
        settledAt: 1767312000_000,
      },
      {
        provider: 'razorpay',
        id: 'setl_DGlQ1Rj8os78Ec:trf_E6ip3hv8uC7SVj',
        paymentId: 'pay_DGRQtE2ZaKRRqX',
        kind: 'adjustment',
        gross: money(-100000, 'INR'),
        fee: money(296, 'INR'),
        net: money(-100296, 'INR'),
        settledAt: 1767312000_000,
      },
    ]);
    // Razorpay's fee already holds its GST (`tax`), so no line may count the GST twice.
    for (const line of lines) expect(line.gross.amountMinor - line.fee.amountMinor).toBe(line.net.amountMinor);
    replay?.assertDone();
  });
});

describe('razorpay webhook samples', () => {
  const razorpay = createRazorpayConnector({
    credentials: { keyId: KEY_ID, keySecret: KEY_SECRET },
    webhookSecrets: [WEBHOOK_SECRET],
    // The samples are years old; this run accepts any age to read their shapes.
    webhookToleranceMs: Number.POSITIVE_INFINITY,
  });
  const deliver = (file: string, eventId: string) => {
    const { rawBody } = loadWebhook(file);
    const headers = signWebhook(razorpayWebhookScheme, { rawBody, secret: WEBHOOK_SECRET, id: eventId });
    return razorpay.parseWebhook({ rawBody, headers, now: Date.UTC(2026, 0, 1) });
  };

  it('order.paid: the canonical Payment of the order, from its payment and order entities', () => {
    const [event] = deliver('order-paid.json', 'evt_OrderPaid000001');
    // Razorpay signs no id: the event is named by the digest of its signed body.
    expect(paymentEventSchema.parse(event)).toMatchObject({
      id: expect.stringMatching(/^razorpay:sha256:[0-9a-f]{64}$/) as string,
      providerEventId: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) as string,
      type: 'payment.updated',
      rawType: 'order.paid',
      occurredAt: 1692696720_000,
      payment: { id: 'order_MT47xgV5ApouIB', status: 'succeeded', reference: 'order-1042', amountCaptured: money(2100, 'INR') },
    });
  });

  it('payment.authorized from the SDK mock: a captured snapshot, keyed on the order', () => {
    const [event] = deliver('payment-authorized-sdk-mock.json', 'evt_Authorized00001');
    expect(event).toMatchObject({ type: 'payment.updated', payment: { id: 'order_100000000order', status: 'succeeded', amount: money(1000000, 'INR') } });
  });

  it('payment.failed: failed, with the canonical code and Razorpay reason kept', () => {
    const [event] = deliver('payment-failed.json', 'evt_Failed000000001');
    expect(event?.payment).toMatchObject({
      id: 'order_MT47xgV5ApouIB',
      status: 'failed',
      failure: { code: 'card_declined', providerCode: 'card_declined', message: expect.stringContaining('declined by your bank') as string },
    });
  });

  it('refund.processed: the refund of the order, and the payment partially refunded', () => {
    const [event] = deliver('refund-processed.json', 'evt_Refund00000001');
    expect(event).toMatchObject({
      type: 'refund.updated',
      refund: { id: 'rfnd_FP8DDKxqJif6ca', paymentId: 'order_MT47xgV5ApouIB', status: 'succeeded', amount: money(1000, 'INR'), reason: 'damaged item' },
      payment: { id: 'order_MT47xgV5ApouIB', status: 'partially_refunded', amountRefunded: money(1000, 'INR') },
    });
  });
});
