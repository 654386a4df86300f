import { quote, tsLiteral } from '../render.js';
import { recordedFiles } from '../common/tests.js';
import type { GeneratedFile, TemplateContext } from '../template.js';
import { CANCELED, CAPTURED, CREATE_INPUT, DECLINED, PARTIAL_CAPTURE, REFUND, REFUND_AMOUNT, SETTLEMENT_LINES, SUCCEEDED } from './samples.js';

/** `money(125000, 'INR')` for a sample amount, as the generated tests write expected values. */
const money = (amountMinor: number): string => `money(${amountMinor}, ${quote(CREATE_INPUT.currency)})`;

/** test/contract/: the shared contract suite on the recorded fixtures, and the fixtures replayed one by one. */
export function contractTestFiles(context: TemplateContext): GeneratedFile[] {
  const { camel, constant, id, pascal } = context.names;
  return [
    ...recordedFiles(context, {
      imports: `import { money } from '@interlock/core';
import type { CreatePaymentInput } from '@interlock/payments';`,
      inputs: `/** The payment the recorded \`payment-create\` exchange creates. */
export const CREATE_INPUT: CreatePaymentInput = {
  amount: ${money(CREATE_INPUT.amountMinor)},
  captureMethod: 'automatic',
  reference: ${quote(CREATE_INPUT.reference)},
  description: ${quote(CREATE_INPUT.description)},
  metadata: ${tsLiteral(CREATE_INPUT.metadata)},
};`,
    }),
    {
      path: 'test/contract/spec.ts',
      content: `import type { PaymentsConnector } from '@interlock/payments';
import type { ConnectorContractSpec } from '@interlock/testkit';
import { create${pascal}Connector, ${constant}_RATE_LIMITS } from '../../src/index.js';
import { API_KEY, CREATE_INPUT, replyOf, WEBHOOK_SECRET } from './recorded.js';

const read = replyOf('payment-get-succeeded');
// Its contract is a payment, an object: spread, it makes the broken, drifted and new-status variants.
const payment = read.body as Record<string, unknown>;

/** Everything the shared connector contract suite needs to know about ${id}. */
export const ${camel}Spec: ConnectorContractSpec<PaymentsConnector> = {
  provider: '${id}',
  credentials: [API_KEY, WEBHOOK_SECRET],
  create: ({ baseUrl, clock, fetch, telemetry }) => create${pascal}Connector({ baseUrl, apiKeys: [API_KEY], webhookSecrets: [WEBHOOK_SECRET], clock, fetch, telemetry }),
  read: { method: 'GET', path: '/v1/payments/:id', reply: read, call: (connector) => connector.getPayment(${quote(SUCCEEDED.id)}) },
  write: {
    method: 'POST',
    path: '/v1/payments',
    idempotencyHeader: 'Idempotency-Key',
    reply: replyOf('payment-create'),
    call: (connector) => connector.createPayment(CREATE_INPUT),
  },
  errors: [
    { name: 'card declined', kind: 'business_rejected', operation: 'write', reply: replyOf('error-card-declined') },
    { name: 'invalid request', kind: 'invalid_request', operation: 'write', reply: replyOf('error-invalid-request') },
    { name: 'idempotency key reused', kind: 'conflict', operation: 'write', reply: replyOf('error-idempotency-key-reused') },
    { name: 'invalid API key', kind: 'auth', reply: replyOf('error-invalid-api-key') },
    { name: 'payment not found', kind: 'not_found', reply: replyOf('error-resource-missing') },
    { name: 'rate limited', kind: 'rate_limited', reply: replyOf('error-rate-limited') },
    { name: 'provider down', kind: 'unavailable', reply: replyOf('error-service-unavailable') },
    { name: 'payment body broken', kind: 'contract_violation', reply: { status: 200, body: { id: payment['id'], object: 'payment' } } },
  ],
  limits: { operation: 'read', windows: ${constant}_RATE_LIMITS.read },
  drift: { reply: { status: 200, body: { ...payment, risk_score: 12 } } },
  unknownEnum: { reply: { status: 200, body: { ...payment, status: 'on_hold' } }, raw: 'on_hold' },
};
`,
    },
    {
      path: 'test/contract/fixtures.test.ts',
      content: `import { money } from '@interlock/core';
import type { PaymentsConnector } from '@interlock/payments';
import { replayFixtures, type FixtureReplay } from '@interlock/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { ${constant}_API_BASE_URL, create${pascal}Connector } from '../../src/index.js';
import { API_KEY, CREATE_INPUT, recorded, WEBHOOK_SECRET } from './recorded.js';

let active: FixtureReplay | undefined;
afterEach(() => active?.dispose());

/** A connector whose every request must match one of the named exchanges, each used once. */
function replaying(...exchanges: string[]): { connector: PaymentsConnector; replay: FixtureReplay } {
  active = replayFixtures(${constant}_API_BASE_URL, exchanges.map(recorded));
  return { connector: create${pascal}Connector({ apiKeys: [API_KEY], webhookSecrets: [WEBHOOK_SECRET] }), replay: active };
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const collected: T[] = [];
  for await (const item of items) collected.push(item);
  return collected;
}

describe('${id} against recorded exchanges', () => {
  it('creates a payment under an idempotency key and returns it canonical', async () => {
    const { connector, replay } = replaying('payment-create');
    await expect(connector.createPayment(CREATE_INPUT)).resolves.toMatchObject({
      provider: '${id}',
      status: 'requires_action',
      amount: ${money(CREATE_INPUT.amountMinor)},
      reference: ${quote(CREATE_INPUT.reference)},
      metadata: ${tsLiteral(CREATE_INPUT.metadata)},
      createdAt: Date.UTC(2026, 0, 1),
    });
    replay.assertDone();
  });

  it('reads a succeeded payment and a declined one with its reason', async () => {
    const { connector, replay } = replaying('payment-get-succeeded', 'payment-get-declined');
    await expect(connector.getPayment(${quote(SUCCEEDED.id)})).resolves.toMatchObject({ status: 'succeeded', amountCaptured: ${money(SUCCEEDED.amount_captured)} });
    await expect(connector.getPayment(${quote(DECLINED.id)})).resolves.toMatchObject({
      status: 'failed',
      failure: { code: 'card_declined', providerCode: 'card_declined', message: ${quote(DECLINED.failure?.message ?? '')} },
    });
    replay.assertDone();
  });

  it('captures part of an authorisation and cancels another', async () => {
    const { connector, replay } = replaying('payment-capture', 'payment-cancel');
    await expect(connector.capturePayment(${quote(CAPTURED.id)}, { amount: ${money(PARTIAL_CAPTURE)} })).resolves.toMatchObject({
      status: 'succeeded',
      amountCaptured: ${money(PARTIAL_CAPTURE)},
    });
    await expect(connector.cancelPayment(${quote(CANCELED.id)})).resolves.toMatchObject({ status: 'canceled' });
    replay.assertDone();
  });

  it('lists payments to the last page', async () => {
    const { connector, replay } = replaying('payments-list-page-1', 'payments-list-page-2');
    const payments = await all(connector.listPayments({ createdFrom: Date.UTC(2026, 0, 1), createdTo: Date.UTC(2026, 0, 2) }));
    expect(payments.map((payment) => payment.id)).toEqual([${quote(SUCCEEDED.id)}, ${quote(DECLINED.id)}]);
    replay.assertDone();
  });

  it('refunds part of a payment', async () => {
    const { connector, replay } = replaying('refund-create');
    await expect(connector.refundPayment(${quote(SUCCEEDED.id)}, { amount: ${money(REFUND_AMOUNT)}, reason: ${quote(REFUND.reason)} })).resolves.toMatchObject({
      id: ${quote(REFUND.id)},
      paymentId: ${quote(SUCCEEDED.id)},
      amount: ${money(REFUND_AMOUNT)},
      status: 'succeeded',
    });
    replay.assertDone();
  });

  it('reads settlement lines signed from the merchant side', async () => {
    const { connector, replay } = replaying('settlements-list');
    const lines = await all(connector.listSettlements({ from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 0, 3) }));
    expect(lines.map((line) => [line.kind, line.paymentId, line.gross.amountMinor, line.net.amountMinor])).toEqual(
      ${tsLiteral(SETTLEMENT_LINES.map((line) => [line.type, line.payment ?? undefined, line.gross, line.net]))},
    );
    replay.assertDone();
  });

  it('classifies a recorded decline without retrying it', async () => {
    const { connector, replay } = replaying('error-card-declined');
    await expect(connector.createPayment(CREATE_INPUT)).rejects.toMatchObject({ kind: 'business_rejected', providerCode: 'card_declined', attempts: 1 });
    replay.assertDone();
  });
});
`,
    },
  ];
}

/** test/webhooks.test.ts and test/simulation.test.ts: the webhook path, and the end-to-end run on the simulation. */
export function behaviourTestFiles({ names }: TemplateContext): GeneratedFile[] {
  const { id, pascal, snake } = names;
  return [
    {
      path: 'test/webhooks.test.ts',
      content: `import { readFileSync } from 'node:fs';
import { money, signWebhook } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { create${pascal}Connector, webhookScheme } from '../src/index.js';

const SECRET = 'whsec_${snake}_webhooks';
const NOW = Date.UTC(2026, 0, 1, 1);
const connector = create${pascal}Connector({ apiKeys: ['sk_test_${snake}_webhooks'], webhookSecrets: [SECRET] });
const body = (name: string): string => readFileSync(new URL(\`./webhooks/\${name}.json\`, import.meta.url), 'utf8');

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('${id} webhooks', () => {
  it('turns a signed refund event into a canonical refund event', () => {
    const rawBody = body('refund-updated');
    const events = connector.parseWebhook({ rawBody, headers: signWebhook(webhookScheme, { rawBody, secret: SECRET, timestamp: NOW }), now: NOW });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'refund.updated',
      provider: '${id}',
      occurredAt: NOW,
      refund: { id: ${quote(REFUND.id)}, amount: ${money(REFUND_AMOUNT)}, status: 'succeeded' },
    });
  });

  it('refuses a body changed after signing, as ingress refuses it', () => {
    const rawBody = body('refund-updated');
    const headers = signWebhook(webhookScheme, { rawBody, secret: SECRET, timestamp: NOW });
    expect(thrown(() => connector.parseWebhook({ rawBody: rawBody.replace('${REFUND_AMOUNT}', '${REFUND_AMOUNT * 10}'), headers, now: NOW }))).toMatchObject({
      kind: 'auth',
      reason: 'webhook_signature_invalid',
    });
  });

  it('takes a signed body that is not JSON for the provider breaking its contract', () => {
    const rawBody = 'not json';
    const headers = signWebhook(webhookScheme, { rawBody, secret: SECRET, timestamp: NOW });
    expect(thrown(() => connector.parseWebhook({ rawBody, headers, now: NOW }))).toMatchObject({ kind: 'contract_violation', reason: 'malformed_json' });
  });

  it('reads a payment event the hub verified earlier, under the id it deduped on', () => {
    const [event] = connector.eventsFromVerifiedBody(body('payment-succeeded'), 'evt_from_ingress');
    expect(event).toMatchObject({ type: 'payment.updated', providerEventId: 'evt_from_ingress', rawType: 'payment.succeeded', payment: { status: 'succeeded' } });
  });

  it('keeps an event type it does not act on as unknown', () => {
    const rawBody = JSON.stringify({ id: 'evt_other', object: 'event', type: 'customer.created', created_at: NOW / 1000, data: { object: {} } });
    expect(connector.eventsFromVerifiedBody(rawBody, 'evt_other')).toMatchObject([{ type: 'unknown', rawType: 'customer.created' }]);
  });
});
`,
    },
    {
      path: 'test/simulation.test.ts',
      content: `import { money } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import { runPaymentsEndToEnd, type PaymentsEndToEndResult, type PaymentsSimulation } from '@interlock/payments/testing';
import { describe, expect, it } from 'vitest';
import { create${pascal}Connector } from '../src/index.js';
import { create${pascal}Simulation } from '../testing/index.js';

const SECRET = 'whsec_${snake}_simulation';
const PAYMENTS = 40;

async function onSimulation<T>(run: (clock: FakeClock, simulation: PaymentsSimulation) => Promise<T>): Promise<T> {
  const clock = new FakeClock({ autoAdvance: true });
  const simulation = await create${pascal}Simulation({ clock, webhookSecret: SECRET });
  try {
    return await run(clock, simulation);
  } finally {
    await simulation.simulator.close();
  }
}

const connectorFor = (clock: FakeClock, simulation: PaymentsSimulation) =>
  create${pascal}Connector({ baseUrl: simulation.simulator.url, apiKeys: ['sk_test_${snake}_simulation'], webhookSecrets: [SECRET], clock, fetch: clock.trackFetch() });

function endToEnd(dropOneSettlementLine: boolean): Promise<PaymentsEndToEndResult> {
  return onSimulation((clock, simulation) =>
    runPaymentsEndToEnd({ clock, simulation, connector: connectorFor(clock, simulation), payments: PAYMENTS, amount: (i) => money(1_000 + i, 'INR'), dropOneSettlementLine }),
  );
}

describe('${id} on its simulation', () => {
  // The run is bound by virtual time; the timeout is for CI machines running many suites at once.
  it('settles and reconciles every payment through faults, an outage and messy webhooks', { timeout: 60_000 }, async () => {
    const result = await endToEnd(false);
    expect(result.created).toBe(PAYMENTS);
    expect(result.duplicateCharges).toBe(0);
    expect(result.unsettled).toEqual([]);
    expect(result.notSucceeded).toEqual([]);
    expect(result.webhooks.refused).toBeGreaterThan(0);
    expect(result.webhooks.crashed).toBe(0);
    expect(result.report.differences).toBe(0);
  });

  it('catches exactly the settlement line the provider lost', { timeout: 60_000 }, async () => {
    const result = await endToEnd(true);
    expect(result.report.missing.map((entry) => entry.key)).toEqual([\`payment:\${result.droppedPaymentId}\`]);
  });

  it('captures, refunds and cancels through the simulated API', async () => {
    await onSimulation(async (clock, simulation) => {
      const connector = connectorFor(clock, simulation);
      const held = await connector.createPayment({ amount: money(5_000, 'INR'), captureMethod: 'manual', reference: 'order-held' });
      simulation.customerCompletes(held);
      await expect(connector.getPayment(held.id)).resolves.toMatchObject({ status: 'authorized' });
      await expect(connector.capturePayment(held.id, { amount: money(4_000, 'INR') })).resolves.toMatchObject({ status: 'succeeded' });
      await connector.refundPayment(held.id, { amount: money(1_000, 'INR') });
      await expect(connector.getPayment(held.id)).resolves.toMatchObject({ status: 'partially_refunded', amountRefunded: money(1_000, 'INR') });
      await expect(connector.refundPayment(held.id, { amount: money(9_000, 'INR') })).rejects.toMatchObject({ kind: 'invalid_request' });

      const abandoned = await connector.createPayment({ amount: money(700, 'INR'), captureMethod: 'automatic', reference: 'order-abandoned' });
      await expect(connector.cancelPayment(abandoned.id)).resolves.toMatchObject({ status: 'canceled' });
      await expect(connector.capturePayment(abandoned.id)).rejects.toMatchObject({ kind: 'conflict', providerCode: 'payment_not_capturable' });

      const listed = [];
      for await (const payment of connector.listPayments({ createdFrom: clock.now() - 60_000 })) listed.push(payment.id);
      expect(listed).toEqual([held.id, abandoned.id]);
    });
  });
});
`,
    },
  ];
}
