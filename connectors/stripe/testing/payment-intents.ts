import { normaliseCurrency } from '@interlock/core';
import type { Payment } from '@interlock/payments';
import type { FaultReply, ResourceAction, ResourceSpec, SimObject, SimulatorHandler } from '@interlock/testkit/simulator';
import type { Expander } from './lists.js';
import { chargeObject, paymentIntentObject, refundObject, unixSeconds } from './objects.js';
import { formInteger, formRecord, formText, invalidInteger, missingParam, noSuch, ok, stripeError } from './replies.js';
import type { SimulationState } from './state.js';

const CAPTURE_METHODS: ReadonlySet<string> = new Set(['automatic', 'automatic_async', 'manual']);
const CANCELABLE: ReadonlySet<string> = new Set(['requires_payment_method', 'requires_capture', 'requires_confirmation', 'requires_action', 'processing']);
const CONFIRMABLE: ReadonlySet<string> = new Set(['requires_payment_method', 'requires_confirmation']);

/** A card decline as Stripe.js reports it on the intent. */
export interface Decline {
  code: string;
  declineCode: string;
  message: string;
}

function unexpectedState(id: string, status: string, action: string, allowed: string): FaultReply {
  return stripeError(400, {
    type: 'invalid_request_error',
    code: 'payment_intent_unexpected_state',
    message: `This PaymentIntent (${id}) could not be ${action} because it has a status of ${status}. Only a PaymentIntent with one of the following statuses may be ${action}: ${allowed}.`,
  });
}

/** `expand[]=latest_charge`: the charge object in place of its id. */
export function withLatestCharge(state: SimulationState): Expander {
  return (intent, paths) => {
    const chargeId = intent['latest_charge'];
    if (!paths.includes('latest_charge') || typeof chargeId !== 'string') return intent;
    return { ...intent, latest_charge: state.collection('charges').read(chargeId) ?? chargeId };
  };
}

function capture(state: SimulationState): ResourceAction {
  return (intent, body, now) => {
    const id = intent['id'] as string;
    if (intent['status'] !== 'requires_capture') return { error: unexpectedState(id, String(intent['status']), 'captured', 'requires_capture') };
    const capturable = intent['amount_capturable'] as number;
    const asked = body['amount_to_capture'];
    const amount = asked === undefined ? capturable : formInteger(asked);
    if (amount === undefined) return { error: invalidInteger('amount_to_capture', asked) };
    if (amount > capturable || amount <= 0) {
      const message = `The amount to capture (${amount}) must be positive and at most the capturable amount (${capturable}).`;
      return { error: stripeError(400, { type: 'invalid_request_error', code: 'amount_too_large', param: 'amount_to_capture', message }) };
    }
    const charge = state.collection('charges').read(intent['latest_charge'] as string) as SimObject;
    const released = (charge['amount'] as number) - amount;
    const captured = { ...charge, captured: true, amount_captured: amount, amount_refunded: released };
    state.collection('charges').put(captured);
    // Under 2023-08-16 the uncaptured rest of a partial capture is released as a refund.
    if (released > 0) state.collection('refunds').put(refundObject({ id: state.nextId('re_'), charge: captured, amount: released, reason: null, metadata: {}, now }));
    const succeeded = { ...intent, status: 'succeeded', amount_capturable: 0, amount_received: amount };
    state.emit('charge.captured', captured, now);
    state.emit('payment_intent.succeeded', succeeded, now);
    return succeeded;
  };
}

function cancel(state: SimulationState): ResourceAction {
  return (intent, body, now) => {
    const status = String(intent['status']);
    if (!CANCELABLE.has(status)) return { error: unexpectedState(intent['id'] as string, status, 'canceled', [...CANCELABLE].join(', ')) };
    const chargeId = intent['latest_charge'];
    const charge = typeof chargeId === 'string' ? state.collection('charges').read(chargeId) : undefined;
    if (charge && status === 'requires_capture') {
      // Releasing an authorisation refunds it in full (no money moved, so nothing settles).
      const released = { ...charge, refunded: true, amount_refunded: charge['amount'] };
      state.collection('charges').put(released);
      state.collection('refunds').put(refundObject({ id: state.nextId('re_'), charge: released, amount: charge['amount'] as number, reason: null, metadata: {}, now }));
      state.emit('charge.refunded', released, now);
    }
    const reason = formText(body['cancellation_reason']) ?? null;
    const canceled = { ...intent, status: 'canceled', canceled_at: unixSeconds(now), cancellation_reason: reason, amount_capturable: 0 };
    state.emit('payment_intent.canceled', canceled, now);
    return canceled;
  };
}

/** The stored collection: the simulator routes `POST /v1/payment_intents/:id/{capture,cancel}` to its actions. */
export function paymentIntentResource(state: SimulationState): ResourceSpec {
  return {
    name: 'payment_intents',
    path: '/v1/payment_intents',
    idPrefix: 'pi_',
    newId: () => state.nextId('pi_'),
    create: ({ id, body, now }) =>
      paymentIntentObject({
        id,
        amount: formInteger(body['amount']) ?? 0,
        currency: formText(body['currency'])?.toLowerCase() ?? '',
        captureMethod: formText(body['capture_method']) ?? 'automatic',
        customer: formText(body['customer']) ?? null,
        description: formText(body['description']) ?? null,
        metadata: formRecord(body['metadata']),
        clientSecret: `${id}_secret_${state.randomText(25)}`,
        now,
      }),
    actions: { capture: capture(state), cancel: cancel(state) },
  };
}

/** The parameters Stripe refuses before creating anything, or undefined when the create may go ahead. */
function refusedCreate(state: SimulationState, body: Readonly<Record<string, unknown>>): FaultReply | undefined {
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
  if (customer !== undefined && state.collection('customers').read(customer) === undefined) return noSuch('customer', customer, 'customer');
  return undefined;
}

/** POST /v1/payment_intents, counting real creates per key. */
export function createPaymentIntent(state: SimulationState): SimulatorHandler {
  return (request) => {
    const body = request.parsedBody;
    const refused = refusedCreate(state, body);
    if (refused) return refused;
    const now = state.clock.now();
    const intent = state.collection('payment_intents').create(body, now);
    const key = request.headers['idempotency-key'];
    // Requests without a key cannot be told apart, so each counts on its own.
    const countKey = key ?? `no-key:${String(intent['id'])}`;
    state.chargeKeys.set(countKey, (state.chargeKeys.get(countKey) ?? 0) + 1);
    state.emit('payment_intent.created', intent, now, key);
    return ok(intent);
  };
}

/** The customer's side: Stripe.js confirming the card, which succeeds, authorises (manual capture) or is declined. */
export function confirmPaymentIntent(state: SimulationState, payment: Payment, decline?: Decline): void {
  const intents = state.collection('payment_intents');
  const intent = intents.read(payment.id);
  if (!intent) throw new TypeError(`The Stripe simulation has no PaymentIntent ${payment.id}`);
  const status = String(intent['status']);
  if (!CONFIRMABLE.has(status)) throw new TypeError(`PaymentIntent ${payment.id} cannot be confirmed in status ${status}`);
  const now = state.clock.now();
  const manual = intent['capture_method'] === 'manual';
  const charge = chargeObject({ id: state.nextId('ch_'), intent, captured: !manual, failure: decline, now });
  state.collection('charges').put(charge);
  if (decline) {
    const { code, declineCode, message } = decline;
    const docUrl = `https://stripe.com/docs/error-codes/${code.replace(/_/g, '-')}`;
    const lastError = { type: 'card_error', charge: charge['id'], code, decline_code: declineCode, doc_url: docUrl, message };
    const failed = { ...intent, latest_charge: charge['id'], last_payment_error: lastError };
    intents.put(failed);
    state.emit('charge.failed', charge, now);
    state.emit('payment_intent.payment_failed', failed, now);
    return;
  }
  const amount = intent['amount'] as number;
  const confirmed = {
    ...intent,
    status: manual ? 'requires_capture' : 'succeeded',
    amount_capturable: manual ? amount : 0,
    amount_received: manual ? 0 : amount,
    latest_charge: charge['id'],
    last_payment_error: null,
    payment_method: charge['payment_method'],
  };
  intents.put(confirmed);
  state.emit('charge.succeeded', charge, now);
  state.emit(manual ? 'payment_intent.amount_capturable_updated' : 'payment_intent.succeeded', confirmed, now);
}
