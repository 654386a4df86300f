import type { FaultReply, SimObject, SimulatorHandler } from '@interlock/testkit/simulator';
import { refundObject } from './objects.js';
import { formInteger, formRecord, formText, invalidInteger, noSuch, ok, stripeError } from './replies.js';
import type { SimulationState } from './state.js';

const REFUND_REASONS: ReadonlySet<string> = new Set(['duplicate', 'fraudulent', 'requested_by_customer']);

/** What the captured part of a charge still holds: Stripe counts a released authorisation as refunded too. */
function refundableOf(charge: SimObject): number {
  const amount = charge['amount'] as number;
  const captured = charge['amount_captured'] as number;
  const refunded = charge['amount_refunded'] as number;
  return captured - (refunded - (amount - captured));
}

/** The charge a refund request names, by `payment_intent` or by `charge`, or Stripe's refusal. */
function chargeToRefund(state: SimulationState, body: Readonly<Record<string, unknown>>): { charge: SimObject | undefined } | { reply: FaultReply } {
  const intentId = formText(body['payment_intent']);
  const chargeId = formText(body['charge']);
  if (intentId !== undefined) {
    const intent = state.collection('payment_intents').read(intentId);
    if (!intent) return { reply: noSuch('payment_intent', intentId, 'payment_intent') };
    const latest = intent['latest_charge'];
    return { charge: typeof latest === 'string' ? state.collection('charges').read(latest) : undefined };
  }
  if (chargeId !== undefined) {
    const charge = state.collection('charges').read(chargeId);
    return charge ? { charge } : { reply: noSuch('charge', chargeId, 'charge') };
  }
  const message = 'One of the following params should be provided for this request: payment_intent or charge.';
  return { reply: stripeError(400, { type: 'invalid_request_error', code: 'parameter_missing', message }) };
}

/** POST /v1/refunds: the whole rest of the charge unless an amount is given. */
export function createRefund(state: SimulationState): SimulatorHandler {
  return (request) => {
    const body = request.parsedBody;
    const target = chargeToRefund(state, body);
    if ('reply' in target) return target.reply;
    const { charge } = target;
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
      const message = `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`;
      return stripeError(400, { type: 'invalid_request_error', code: 'amount_too_large', param: 'amount', message });
    }
    const reason = formText(body['reason']);
    if (reason !== undefined && !REFUND_REASONS.has(reason)) {
      return stripeError(400, { type: 'invalid_request_error', param: 'reason', message: `Invalid reason: must be one of ${[...REFUND_REASONS].join(', ')}` });
    }
    const now = state.clock.now();
    const refund = refundObject({ id: state.nextId('re_'), charge, amount, reason: reason ?? null, metadata: formRecord(body['metadata']), now });
    state.collection('refunds').put(refund);
    const refundedTotal = (charge['amount_refunded'] as number) + amount;
    const updated = { ...charge, amount_refunded: refundedTotal, refunded: refundedTotal >= (charge['amount'] as number) };
    state.collection('charges').put(updated);
    // Stripe announces the refund itself (`refund.created`) and its charge (`charge.refunded`, whose
    // charge no longer embeds the refunds under 2023-08-16); no PaymentIntent event follows a refund.
    state.emit('refund.created', refund, now);
    state.emit('charge.refunded', updated, now);
    return ok(refund);
  };
}
