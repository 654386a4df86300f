import type { GeneratedFile, TemplateContext } from '../template.js';

/**
 * testing/: the provider simulated on testkit's ProviderSimulator, for tests and the hub's demo.
 * It imports the connector's sources (the scheme, the query names); src/ never imports it.
 */
export function testingFiles({ names }: TemplateContext): GeneratedFile[] {
  const { constant, pascal, title } = names;
  return [
    {
      path: 'testing/index.ts',
      content: `import { signWebhook, type Clock } from '@interlock/core';
import type { PaymentsSimulation } from '@interlock/payments/testing';
import { ProviderSimulator } from '@interlock/testkit/simulator';
import { ${constant}_PROVIDER } from '../src/provider.js';
import { webhookScheme } from '../src/webhooks.js';
import { completePayment } from './payments.js';
import { RESOURCES, ROUTES } from './routes.js';
import { SettlementBook } from './settlements.js';
import { EventLog, type SimulationState } from './state.js';

export interface ${pascal}SimulationOptions {
  /** Shared with the connector under test, so outages and delays run in virtual time. */
  clock: Clock;
  /** The secret deliveries are signed with; give the connector the same one. */
  webhookSecret: string;
}

/**
 * ${title} on 127.0.0.1: payments wait for the customer, then succeed (or wait for a capture);
 * refunds and settlement runs change them; every change is a webhook event signed the provider's way.
 */
export async function create${pascal}Simulation(options: ${pascal}SimulationOptions): Promise<PaymentsSimulation> {
  const events = new EventLog();
  const simulator = await ProviderSimulator.start({ clock: options.clock, resources: RESOURCES.map((resource) => resource(events)) });
  const state: SimulationState = {
    clock: options.clock,
    events,
    payments: simulator.resource('payment'),
    refunds: simulator.resource('refund'),
    settlements: new SettlementBook(),
  };
  for (const route of ROUTES) simulator.route(route.method, route.path, (request) => route.handle(state, request));
  return {
    provider: ${constant}_PROVIDER,
    simulator,
    customerCompletes: (payment) => completePayment(state, payment.id),
    takeWebhookEvents: () => events.take(),
    signWebhook: (rawBody, _event, sentAt) => signWebhook(webhookScheme, { rawBody, secret: options.webhookSecret, timestamp: sentAt }),
    // Creates are deduped by Idempotency-Key, so two payments under one caller reference are a double charge.
    chargesByKey() {
      const counts = new Map<string, number>();
      for (const payment of state.payments.list()) {
        const reference = String(payment['reference']);
        counts.set(reference, (counts.get(reference) ?? 0) + 1);
      }
      return counts;
    },
    settle: (at) => state.settlements.settle(state, at),
    dropSettlementLineFor: (paymentId) => state.settlements.drop(paymentId),
  };
}
`,
    },
    {
      path: 'testing/state.ts',
      content: `import type { Clock } from '@interlock/core';
import type { ProviderSimulator, SimObject, WebhookEvent } from '@interlock/testkit/simulator';
import { sequenceId, seconds } from './replies.js';
import type { SettlementBook } from './settlements.js';

/** One of the simulator's stateful resources. */
export type Resource = ReturnType<ProviderSimulator['resource']>;

/** What the simulated routes share. */
export interface SimulationState {
  readonly clock: Clock;
  readonly events: EventLog;
  readonly payments: Resource;
  readonly refunds: Resource;
  readonly settlements: SettlementBook;
}

/** The provider's webhook events in the shape it sends them, oldest first. */
export class EventLog {
  private readonly events: WebhookEvent[] = [];
  private taken = 0;

  /** Records that \`object\` changed at \`at\`, as an event of \`type\`. */
  record(type: string, object: SimObject, at: number): void {
    const id = sequenceId('evt', this.events.length + 1);
    const payload = { id, object: 'event', type, created_at: seconds(at), data: { object: structuredClone(object) } };
    this.events.push({ id, type, payload, occurredAt: at });
  }

  /** The events recorded since the last call. */
  take(): WebhookEvent[] {
    const fresh = this.events.slice(this.taken);
    this.taken = this.events.length;
    return fresh;
  }
}
`,
    },
    {
      path: 'testing/replies.ts',
      content: `import type { FaultReply, SimObject } from '@interlock/testkit/simulator';
import { LIST_PARAMS } from '../src/fields.js';

/** The provider's whole seconds. */
export const seconds = (epochMs: number): number => Math.floor(epochMs / 1000);

/** Ids as the simulator makes them: a prefix and a zero-padded sequence number. */
export const sequenceId = (prefix: string, n: number): string => \`\${prefix}_\${String(n).padStart(14, '0')}\`;

/** An error answer in the provider's shape. */
export function providerError(status: number, code: string, message: string): FaultReply {
  return { status, body: { error: { code, message } } };
}

/** One page of a list as the provider answers it: the objects in the query's time window, then cursor paging. */
export function listPage(objects: readonly SimObject[], query: URLSearchParams, window: { field: string; from: string; to: string }): unknown {
  const from = query.get(window.from);
  const to = query.get(window.to);
  const inWindow = objects.filter((object) => {
    const at = Number(object[window.field]);
    return (from === null || at >= Number(from)) && (to === null || at < Number(to));
  });
  const limit = Number(query.get(LIST_PARAMS.limit) ?? 10);
  const after = query.get(LIST_PARAMS.startingAfter);
  const start = after === null ? 0 : inWindow.findIndex((object) => object['id'] === after) + 1;
  return { object: 'list', data: inWindow.slice(start, start + limit), has_more: start + limit < inWindow.length };
}
`,
    },
    {
      path: 'testing/payments.ts',
      content: `import type { ResourceSpec, SimObject } from '@interlock/testkit/simulator';
import { LIST_PARAMS } from '../src/fields.js';
import { listPage, providerError, seconds } from './replies.js';
import type { EventLog, SimulationState } from './state.js';

const CANCELABLE: ReadonlySet<unknown> = new Set(['requires_action', 'processing', 'requires_capture']);

/** Payments: created waiting for the customer, then captured or canceled by their actions. */
export function paymentResource(events: EventLog): ResourceSpec {
  const changed = (object: SimObject, now: number): SimObject => {
    const updated = { ...object, updated_at: seconds(now) };
    events.record('payment.updated', updated, now);
    return updated;
  };
  return {
    name: 'payment',
    path: '/v1/payments',
    idPrefix: 'pay_',
    create: ({ id, body, now }) => ({
      id,
      object: 'payment',
      amount: body['amount'],
      amount_captured: 0,
      amount_refunded: 0,
      currency: body['currency'],
      status: 'requires_action',
      capture_method: body['capture_method'] ?? 'automatic',
      reference: body['reference'] ?? null,
      customer: body['customer'] ?? null,
      description: body['description'] ?? null,
      failure: null,
      metadata: body['metadata'] ?? {},
      created_at: seconds(now),
      updated_at: seconds(now),
    }),
    actions: {
      capture: (object, body, now) =>
        object['status'] === 'requires_capture'
          ? changed({ ...object, status: 'succeeded', amount_captured: body['amount'] ?? object['amount'] }, now)
          : { error: providerError(400, 'payment_not_capturable', 'Only a payment waiting for capture can be captured.') },
      cancel: (object, _body, now) =>
        CANCELABLE.has(object['status'])
          ? changed({ ...object, status: 'canceled' }, now)
          : { error: providerError(400, 'payment_not_cancelable', 'This payment can no longer be canceled.') },
    },
    listPage: (objects, query) => listPage(objects, query, { field: 'created_at', from: LIST_PARAMS.createdFrom, to: LIST_PARAMS.createdTo }),
  };
}

/** What the customer does on the provider's page: pays, so the payment succeeds or, captured manually, waits. */
export function completePayment(state: SimulationState, id: string): void {
  const object = state.payments.read(id);
  if (object === undefined) throw new TypeError(\`The simulation has no payment \${id}\`);
  const manual = object['capture_method'] === 'manual';
  const now = state.clock.now();
  const updated = { ...object, status: manual ? 'requires_capture' : 'succeeded', amount_captured: manual ? 0 : object['amount'], updated_at: seconds(now) };
  state.payments.put(updated);
  state.events.record('payment.updated', updated, now);
}
`,
    },
    {
      path: 'testing/refunds.ts',
      content: `import type { FaultReply, ResourceSpec, SimulatorRequest } from '@interlock/testkit/simulator';
import { providerError, seconds } from './replies.js';
import type { SimulationState } from './state.js';

/** Refunds are kept as a resource (read back by id); creating one goes through \`createRefund\`. */
export function refundResource(): ResourceSpec {
  return {
    name: 'refund',
    path: '/v1/refunds',
    idPrefix: 're_',
    create: ({ id, body, now }) => ({
      id,
      object: 'refund',
      payment: body['payment'],
      amount: body['amount'],
      currency: body['currency'],
      status: 'succeeded',
      reason: body['reason'] ?? null,
      created_at: seconds(now),
    }),
  };
}

/** POST /v1/refunds: refunds the amount asked for, or all that is left, of a captured payment. */
export function createRefund(state: SimulationState, request: SimulatorRequest): FaultReply {
  const paymentId = request.parsedBody['payment'];
  const payment = typeof paymentId === 'string' ? state.payments.read(paymentId) : undefined;
  if (payment === undefined) return providerError(404, 'resource_missing', 'No such payment.');
  const left = Number(payment['amount_captured']) - Number(payment['amount_refunded']);
  const amount = request.parsedBody['amount'] === undefined ? left : Number(request.parsedBody['amount']);
  if (!(amount > 0 && amount <= left)) return providerError(400, 'refund_exceeds_payment', \`\${amount} is more than the \${left} left to refund.\`);
  const now = state.clock.now();
  const refund = state.refunds.create({ ...request.parsedBody, amount, currency: payment['currency'] }, now);
  const updated = { ...payment, amount_refunded: Number(payment['amount_refunded']) + amount, updated_at: seconds(now) };
  state.payments.put(updated);
  state.events.record('refund.updated', refund, now);
  state.events.record('payment.updated', updated, now);
  return { status: 200, body: refund };
}
`,
    },
    {
      path: 'testing/settlements.ts',
      content: `import type { FaultReply, SimObject, SimulatorRequest } from '@interlock/testkit/simulator';
import { LIST_PARAMS } from '../src/fields.js';
import { listPage, seconds } from './replies.js';
import type { SimulationState } from './state.js';

/** The provider's fee on a charge, in basis points. Template value. */
const FEE_BASIS_POINTS = 200;

/** The provider's settlement report: each run adds a line per capture and per refund it has not settled yet. */
export class SettlementBook {
  private readonly lines = new Map<string, SimObject>();

  settle(state: SimulationState, at: number): void {
    const add = (id: string, fields: SimObject): void => {
      if (!this.lines.has(id)) this.lines.set(id, { id, object: 'settlement_line', ...fields, settled_at: seconds(at) });
    };
    for (const payment of state.payments.list()) {
      const gross = Number(payment['amount_captured']);
      if (gross === 0) continue;
      const fee = Math.round((gross * FEE_BASIS_POINTS) / 10_000);
      add(\`stl_\${String(payment['id'])}\`, { type: 'charge', payment: payment['id'], refund: null, gross, fee, net: gross - fee, currency: payment['currency'] });
    }
    for (const refund of state.refunds.list()) {
      const gross = -Number(refund['amount']);
      add(\`stl_\${String(refund['id'])}\`, { type: 'refund', payment: refund['payment'], refund: refund['id'], gross, fee: 0, net: gross, currency: refund['currency'] });
    }
  }

  /** Loses a payment's lines, as a provider's report sometimes does. */
  drop(paymentId: string): void {
    for (const [id, line] of this.lines) if (line['payment'] === paymentId) this.lines.delete(id);
  }

  list(): SimObject[] {
    return [...this.lines.values()];
  }
}

/** GET /v1/settlements: the lines settled in the window, a page at a time. */
export function listSettlementLines(state: SimulationState, request: SimulatorRequest): FaultReply {
  const window = { field: 'settled_at', from: LIST_PARAMS.settledFrom, to: LIST_PARAMS.settledTo };
  return { status: 200, body: listPage(state.settlements.list(), request.searchParams, window) };
}
`,
    },
    {
      path: 'testing/routes.ts',
      content: `import type { FaultReply, ResourceSpec, SimulatorRequest } from '@interlock/testkit/simulator';
import { paymentResource } from './payments.js';
import { createRefund, refundResource } from './refunds.js';
import { listSettlementLines } from './settlements.js';
import type { EventLog, SimulationState } from './state.js';

/** A route beyond the resources' generic ones (create, read, list, \`POST /:id/:action\`). */
export interface SimulatedRoute {
  method: 'GET' | 'POST';
  path: string;
  handle(state: SimulationState, request: SimulatorRequest): FaultReply;
}

/** The resources the simulator keeps state for. Template value: the provider's, shaped like its fixtures. */
export const RESOURCES: readonly ((events: EventLog) => ResourceSpec)[] = [paymentResource, refundResource];

/** Template value: the provider's other routes, each answered by its resource's handler file. */
export const ROUTES: readonly SimulatedRoute[] = [
  { method: 'POST', path: '/v1/refunds', handle: createRefund },
  { method: 'GET', path: '/v1/settlements', handle: listSettlementLines },
];
`,
    },
  ];
}
