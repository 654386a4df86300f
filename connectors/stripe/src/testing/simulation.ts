import { normaliseCurrency, signWebhook, stripeScheme, type Clock } from '@interlock/core';
import type { Payment } from '@interlock/payments';
import type { PaymentsSimulation } from '@interlock/payments/testing';
import {
  ProviderSimulator,
  seededRandom,
  type FaultReply,
  type ResourceAction,
  type ResourceSpec,
  type SimObject,
  type SimulatorRequest,
  type WebhookEvent,
} from '@interlock/testkit/simulator';
import { STRIPE_PROVIDER } from '../version.js';
import { expansions, listReply } from './lists.js';
import {
  balanceTransactionObject,
  chargeObject,
  customerObject,
  eventObject,
  paymentIntentObject,
  refundObject,
  unixSeconds,
} from './objects.js';
import { formInteger, formRecord, formText, IDEMPOTENCY_CONFLICT, invalidInteger, missingParam, noSuch, ok, stripeError, unrecognizedUrl } from './replies.js';

export interface StripeSimulationOptions {
  /** Shared with the connector under test, so outages and waits run in virtual time. */
  clock: Clock;
  /** The endpoint secret deliveries are signed with (`whsec_…`); the connector verifies against it. */
  webhookSecret: string;
  /** Seeds fault injection and generated secrets, so a run repeats exactly. */
  seed?: number;
}

/** The Stripe simulation, with what only Stripe's front end can make happen besides a success. */
export interface StripeSimulation extends PaymentsSimulation {
  /** The customer's card is declined on confirmation: the intent returns to requires_payment_method with the error. */
  customerDeclines(payment: Payment, declineCode?: string): void;
}

/** Stripe's standard card pricing as a stand-in fee: 2.9 % + 30 minor units, rounded. */
const FEE_RATE_PER_MILLE = 29;
const FEE_FIXED_MINOR = 30;

const CAPTURE_METHODS: ReadonlySet<string> = new Set(['automatic', 'automatic_async', 'manual']);
const CANCELABLE: ReadonlySet<string> = new Set(['requires_payment_method', 'requires_capture', 'requires_confirmation', 'requires_action', 'processing']);
const CONFIRMABLE: ReadonlySet<string> = new Set(['requires_payment_method', 'requires_confirmation']);
const REFUND_REASONS: ReadonlySet<string> = new Set(['duplicate', 'fraudulent', 'requested_by_customer']);
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** What the captured part of a charge still holds: Stripe counts a released authorisation as refunded too. */
function refundableOf(charge: SimObject): number {
  const amount = charge['amount'] as number;
  const captured = charge['amount_captured'] as number;
  const refunded = charge['amount_refunded'] as number;
  return captured - (refunded - (amount - captured));
}

function unexpectedState(id: string, status: string, action: string, allowed: string): FaultReply {
  return stripeError(400, {
    type: 'invalid_request_error',
    code: 'payment_intent_unexpected_state',
    message: `This PaymentIntent (${id}) could not be ${action} because it has a status of ${status}. Only a PaymentIntent with one of the following statuses may be ${action}: ${allowed}.`,
  });
}

/**
 * Stripe on 127.0.0.1, built on the testkit's ProviderSimulator: PaymentIntents (create, retrieve,
 * list, capture, cancel), Refunds, Customers, Events and Balance Transactions, with Stripe's ids,
 * bodies, list pages and error bodies, its idempotency (a key replays its first answer; reused with
 * other parameters it is a 400 `idempotency_error`) and `Stripe-Signature`d events in the
 * 2023-08-16 envelope. The customer's side (Stripe.js confirming a card) acts on the state directly.
 */
export async function createStripeSimulation(options: StripeSimulationOptions): Promise<StripeSimulation> {
  const { clock, webhookSecret } = options;
  const random = seededRandom(options.seed ?? 1);
  const randomText = (length: number): string =>
    Array.from({ length }, () => ID_ALPHABET.charAt(Math.floor(random() * ID_ALPHABET.length))).join('');
  let sequence = 0;
  const nextId = (prefix: string): string => `${prefix}${String(++sequence).padStart(14, '0')}`;
  const chargeKeys = new Map<string, number>();
  const pendingWebhooks: WebhookEvent[] = [];
  const settled = new Set<string>();
  const lostLines = new Set<string>();

  // The resources' handlers reach the simulator they belong to; none runs before it has started.
  const store = (name: string) => simulator.resource(name);
  const intents = () => store('payment_intents');
  const charges = () => store('charges');
  const refunds = () => store('refunds');
  const customers = () => store('customers');
  const events = () => store('events');
  const ledger = () => store('balance_transactions');

  const emit = (type: string, object: SimObject, now: number, idempotencyKey?: string): void => {
    const event = eventObject({
      id: nextId('evt_'),
      type,
      object,
      request: idempotencyKey === undefined ? { id: null, idempotency_key: null } : { id: `req_${randomText(14)}`, idempotency_key: idempotencyKey },
      now,
    });
    events().put(event);
    pendingWebhooks.push({ id: event['id'] as string, type, payload: event, occurredAt: (event['created'] as number) * 1000 });
  };

  const withLatestCharge = (intent: SimObject, paths: readonly string[]): SimObject => {
    const chargeId = intent['latest_charge'];
    if (!paths.includes('latest_charge') || typeof chargeId !== 'string') return intent;
    return { ...intent, latest_charge: charges().read(chargeId) ?? chargeId };
  };

  const withSource = (line: SimObject, paths: readonly string[]): SimObject => {
    const source = line['source'];
    if (!paths.includes('source') || typeof source !== 'string') return line;
    return { ...line, source: charges().read(source) ?? refunds().read(source) ?? source };
  };

  const capture: ResourceAction = (intent, body, now) => {
    const id = intent['id'] as string;
    if (intent['status'] !== 'requires_capture') return { error: unexpectedState(id, String(intent['status']), 'captured', 'requires_capture') };
    const capturable = intent['amount_capturable'] as number;
    const asked = body['amount_to_capture'];
    const amount = asked === undefined ? capturable : formInteger(asked);
    if (amount === undefined) return { error: invalidInteger('amount_to_capture', asked) };
    if (amount > capturable || amount <= 0) {
      return {
        error: stripeError(400, {
          type: 'invalid_request_error',
          code: 'amount_too_large',
          param: 'amount_to_capture',
          message: `The amount to capture (${amount}) must be positive and at most the capturable amount (${capturable}).`,
        }),
      };
    }
    const charge = charges().read(intent['latest_charge'] as string) as SimObject;
    const released = (charge['amount'] as number) - amount;
    const captured = { ...charge, captured: true, amount_captured: amount, amount_refunded: released };
    charges().put(captured);
    // Under 2023-08-16 the uncaptured rest of a partial capture is released as a refund.
    if (released > 0) refunds().put(refundObject({ id: nextId('re_'), charge: captured, amount: released, reason: null, metadata: {}, now }));
    const succeeded = { ...intent, status: 'succeeded', amount_capturable: 0, amount_received: amount };
    emit('charge.captured', captured, now);
    emit('payment_intent.succeeded', succeeded, now);
    return succeeded;
  };

  const cancel: ResourceAction = (intent, body, now) => {
    const id = intent['id'] as string;
    const status = String(intent['status']);
    if (!CANCELABLE.has(status)) return { error: unexpectedState(id, status, 'canceled', [...CANCELABLE].join(', ')) };
    const chargeId = intent['latest_charge'];
    const charge = typeof chargeId === 'string' ? charges().read(chargeId) : undefined;
    if (charge && status === 'requires_capture') {
      // Releasing an authorisation refunds it in full (no money moved, so nothing settles).
      const released = { ...charge, refunded: true, amount_refunded: charge['amount'] };
      charges().put(released);
      refunds().put(refundObject({ id: nextId('re_'), charge: released, amount: charge['amount'] as number, reason: null, metadata: {}, now }));
      emit('charge.refunded', released, now);
    }
    const canceled = {
      ...intent,
      status: 'canceled',
      canceled_at: unixSeconds(now),
      cancellation_reason: formText(body['cancellation_reason']) ?? null,
      amount_capturable: 0,
    };
    emit('payment_intent.canceled', canceled, now);
    return canceled;
  };

  const paymentIntents: ResourceSpec = {
    name: 'payment_intents',
    path: '/v1/payment_intents',
    idPrefix: 'pi_',
    create: ({ id, body, now }) =>
      paymentIntentObject({
        id,
        amount: formInteger(body['amount']) ?? 0,
        currency: formText(body['currency'])?.toLowerCase() ?? '',
        captureMethod: formText(body['capture_method']) ?? 'automatic',
        customer: formText(body['customer']) ?? null,
        description: formText(body['description']) ?? null,
        metadata: formRecord(body['metadata']),
        clientSecret: `${id}_secret_${randomText(25)}`,
        now,
      }),
    actions: { capture, cancel },
  };

  const customerSpec: ResourceSpec = {
    name: 'customers',
    path: '/v1/customers',
    idPrefix: 'cus_',
    create: ({ id, body, now }) => {
      const customer = customerObject(id, body, now);
      emit('customer.created', customer, now);
      return customer;
    },
  };

  const stored = (name: string, path: string, idPrefix: string): ResourceSpec => ({ name, path, idPrefix });

  const simulator = await ProviderSimulator.start({
    clock,
    seed: options.seed ?? 1,
    idempotencyHeader: 'idempotency-key',
    idempotencyConflict: IDEMPOTENCY_CONFLICT,
    resources: [
      paymentIntents,
      customerSpec,
      stored('charges', '/v1/charges', 'ch_'),
      stored('refunds', '/v1/refunds', 're_'),
      stored('events', '/v1/events', 'evt_'),
      stored('balance_transactions', '/v1/balance_transactions', 'txn_'),
    ],
  });

  const createIntent = (request: SimulatorRequest): FaultReply => {
    const body = request.parsedBody;
    if (body['amount'] === undefined) return missingParam('amount');
    const amount = formInteger(body['amount']);
    if (amount === undefined) return invalidInteger('amount', body['amount']);
    if (amount <= 0) return stripeError(400, { type: 'invalid_request_error', code: 'amount_too_small', param: 'amount', message: 'Amount must be at least 1.' });
    const currency = formText(body['currency']);
    if (currency === undefined) return missingParam('currency');
    try {
      normaliseCurrency(currency);
    } catch {
      return stripeError(400, { type: 'invalid_request_error', param: 'currency', message: `Invalid currency: ${currency}.` });
    }
    const captureMethod = formText(body['capture_method']);
    if (captureMethod !== undefined && !CAPTURE_METHODS.has(captureMethod)) {
      return stripeError(400, { type: 'invalid_request_error', param: 'capture_method', message: `Invalid capture_method: ${captureMethod}.` });
    }
    const customer = formText(body['customer']);
    if (customer !== undefined && customers().read(customer) === undefined) return noSuch('customer', customer, 'customer');
    const now = clock.now();
    const intent = intents().create(body, now);
    const key = request.headers['idempotency-key'];
    // Requests without a key cannot be told apart, so each counts on its own.
    const countKey = key ?? `no-key:${String(intent['id'])}`;
    chargeKeys.set(countKey, (chargeKeys.get(countKey) ?? 0) + 1);
    emit('payment_intent.created', intent, now, key);
    return ok(intent);
  };

  const createRefund = (request: SimulatorRequest): FaultReply => {
    const body = request.parsedBody;
    const intentId = formText(body['payment_intent']);
    const chargeParam = formText(body['charge']);
    let charge: SimObject | undefined;
    if (intentId !== undefined) {
      const intent = intents().read(intentId);
      if (!intent) return noSuch('payment_intent', intentId, 'payment_intent');
      charge = typeof intent['latest_charge'] === 'string' ? charges().read(intent['latest_charge']) : undefined;
    } else if (chargeParam !== undefined) {
      charge = charges().read(chargeParam);
      if (!charge) return noSuch('charge', chargeParam, 'charge');
    } else {
      return stripeError(400, { type: 'invalid_request_error', code: 'parameter_missing', message: 'One of the following params should be provided for this request: payment_intent or charge.' });
    }
    if (!charge || charge['captured'] !== true) {
      return stripeError(400, { type: 'invalid_request_error', message: 'This PaymentIntent does not have a successful charge to refund.' });
    }
    const remaining = refundableOf(charge);
    if (remaining <= 0) {
      return stripeError(400, { type: 'invalid_request_error', code: 'charge_already_refunded', message: `Charge ${String(charge['id'])} has already been refunded.` });
    }
    const asked = body['amount'];
    const amount = asked === undefined ? remaining : formInteger(asked);
    if (amount === undefined) return invalidInteger('amount', asked);
    if (amount > remaining || amount <= 0) {
      return stripeError(400, {
        type: 'invalid_request_error',
        code: 'amount_too_large',
        param: 'amount',
        message: `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`,
      });
    }
    const reason = formText(body['reason']);
    if (reason !== undefined && !REFUND_REASONS.has(reason)) {
      return stripeError(400, { type: 'invalid_request_error', param: 'reason', message: `Invalid reason: must be one of ${[...REFUND_REASONS].join(', ')}` });
    }
    const now = clock.now();
    const refund = refundObject({ id: nextId('re_'), charge, amount, reason: reason ?? null, metadata: formRecord(body['metadata']), now });
    refunds().put(refund);
    const refundedTotal = (charge['amount_refunded'] as number) + amount;
    const updated = { ...charge, amount_refunded: refundedTotal, refunded: refundedTotal >= (charge['amount'] as number) };
    charges().put(updated);
    // 2023-08-16 sends charge.refunded for a charge's refund; its charge no longer embeds the refunds.
    emit('charge.refunded', updated, now);
    return ok(refund);
  };

  const retrieve = (name: string, objectName: string, param: string, expand?: (object: SimObject, paths: readonly string[]) => SimObject) =>
    (request: SimulatorRequest): FaultReply => {
      const id = request.params['id'] as string;
      const object = store(name).read(id);
      if (!object) return noSuch(objectName, id, param);
      return ok(expand ? expand(object, expansions(request.searchParams)) : object);
    };

  const byQuery = (request: SimulatorRequest, field: string) => {
    const wanted = request.searchParams.get(field);
    return (object: SimObject): boolean => wanted === null || object[field] === wanted;
  };

  simulator
    .route('POST', '/v1/payment_intents', createIntent)
    .route('GET', '/v1/payment_intents/:id', retrieve('payment_intents', 'payment_intent', 'intent', withLatestCharge))
    .route('GET', '/v1/payment_intents', (request) =>
      listReply(intents().list(), request.searchParams, {
        objectName: 'payment_intent',
        url: '/v1/payment_intents',
        filter: byQuery(request, 'customer'),
        expand: withLatestCharge,
      }),
    )
    .route('POST', '/v1/refunds', createRefund)
    .route('GET', '/v1/refunds/:id', retrieve('refunds', 'refund', 'refund'))
    .route('GET', '/v1/refunds', (request) =>
      listReply(refunds().list(), request.searchParams, { objectName: 'refund', url: '/v1/refunds', filter: byQuery(request, 'payment_intent') }),
    )
    .route('GET', '/v1/charges/:id', retrieve('charges', 'charge', 'charge'))
    .route('GET', '/v1/charges', (request) =>
      listReply(charges().list(), request.searchParams, { objectName: 'charge', url: '/v1/charges', filter: byQuery(request, 'payment_intent') }),
    )
    .route('GET', '/v1/customers/:id', retrieve('customers', 'customer', 'customer'))
    .route('GET', '/v1/customers', (request) => listReply(customers().list(), request.searchParams, { objectName: 'customer', url: '/v1/customers' }))
    .route('GET', '/v1/events/:id', retrieve('events', 'event', 'id'))
    .route('GET', '/v1/events', (request) => {
      const types = request.searchParams.getAll('types[]');
      return listReply(events().list(), request.searchParams, {
        objectName: 'event',
        url: '/v1/events',
        filter: (event) => (types.length === 0 || types.includes(event['type'] as string)) && byQuery(request, 'type')(event),
      });
    })
    .route('GET', '/v1/balance_transactions/:id', retrieve('balance_transactions', 'balance_transaction', 'id', withSource))
    .route('GET', '/v1/balance_transactions', (request) =>
      listReply(ledger().list(), request.searchParams, {
        objectName: 'balance_transaction',
        url: '/v1/balance_transactions',
        filter: byQuery(request, 'type'),
        expand: withSource,
      }),
    );
  // These collections are read-only at Stripe: the simulator's generic create must not answer for them.
  for (const path of ['/v1/charges', '/v1/events', '/v1/balance_transactions']) simulator.route('POST', path, () => unrecognizedUrl('POST', path));

  const confirm = (payment: Payment, failure?: { code: string; declineCode: string; message: string }): void => {
    const intent = intents().read(payment.id);
    if (!intent) throw new TypeError(`The Stripe simulation has no PaymentIntent ${payment.id}`);
    const status = String(intent['status']);
    if (!CONFIRMABLE.has(status)) throw new TypeError(`PaymentIntent ${payment.id} cannot be confirmed in status ${status}`);
    const now = clock.now();
    const manual = intent['capture_method'] === 'manual';
    const charge = chargeObject({ id: nextId('ch_'), intent, captured: !manual, failure, now });
    charges().put(charge);
    const amount = intent['amount'] as number;
    if (failure) {
      const failed = {
        ...intent,
        latest_charge: charge['id'],
        last_payment_error: {
          type: 'card_error',
          charge: charge['id'],
          code: failure.code,
          decline_code: failure.declineCode,
          doc_url: `https://stripe.com/docs/error-codes/${failure.code.replace(/_/g, '-')}`,
          message: failure.message,
        },
      };
      intents().put(failed);
      emit('charge.failed', charge, now);
      emit('payment_intent.payment_failed', failed, now);
      return;
    }
    const confirmed = {
      ...intent,
      status: manual ? 'requires_capture' : 'succeeded',
      amount_capturable: manual ? amount : 0,
      amount_received: manual ? 0 : amount,
      latest_charge: charge['id'],
      last_payment_error: null,
      payment_method: charge['payment_method'],
    };
    intents().put(confirmed);
    emit('charge.succeeded', charge, now);
    emit(manual ? 'payment_intent.amount_capturable_updated' : 'payment_intent.succeeded', confirmed, now);
  };

  const settleCharge = (charge: SimObject, at: number): void => {
    const amount = charge['amount'] as number;
    const line = balanceTransactionObject({
      id: nextId('txn_'),
      type: 'charge',
      source: charge['id'] as string,
      amount,
      fee: Math.round((amount * FEE_RATE_PER_MILLE) / 1000) + FEE_FIXED_MINOR,
      currency: charge['currency'] as string,
      at,
    });
    ledger().put(line);
    charges().put({ ...charge, balance_transaction: line['id'] });
  };

  const settleRefund = (refund: SimObject, at: number): void => {
    const line = balanceTransactionObject({
      id: nextId('txn_'),
      type: 'refund',
      source: refund['id'] as string,
      amount: -(refund['amount'] as number),
      fee: 0,
      currency: refund['currency'] as string,
      at,
    });
    ledger().put(line);
    refunds().put({ ...refund, balance_transaction: line['id'] });
  };

  return {
    provider: STRIPE_PROVIDER,
    simulator,
    customerCompletes: (payment) => confirm(payment),
    customerDeclines: (payment, declineCode = 'generic_decline') =>
      confirm(payment, { code: 'card_declined', declineCode, message: 'Your card was declined.' }),
    takeWebhookEvents: () => pendingWebhooks.splice(0, pendingWebhooks.length),
    signWebhook: (rawBody, _event, sentAt) => signWebhook(stripeScheme, { rawBody, secret: webhookSecret, timestamp: sentAt }),
    chargesByKey: () => new Map(chargeKeys),
    settle(at) {
      for (const charge of charges().list()) {
        const id = charge['id'] as string;
        if (charge['captured'] !== true || settled.has(id) || lostLines.has(charge['payment_intent'] as string)) continue;
        settled.add(id);
        settleCharge(charge, at);
      }
      for (const refund of refunds().list()) {
        const id = refund['id'] as string;
        const charge = charges().read(refund['charge'] as string);
        // An authorisation released before capture moved no money, so nothing settles for it.
        if (refund['status'] !== 'succeeded' || settled.has(id) || charge?.['captured'] !== true) continue;
        settled.add(id);
        settleRefund(refund, at);
      }
    },
    dropSettlementLineFor(paymentId) {
      lostLines.add(paymentId);
      for (const line of ledger().list()) {
        const source = charges().read(line['source'] as string);
        if (line['type'] === 'charge' && source?.['payment_intent'] === paymentId) ledger().delete(line['id'] as string);
      }
    },
  };
}
