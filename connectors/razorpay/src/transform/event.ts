import type { PaymentEvent } from '@interlock/payments';
import { EVENT_FIELDS, readFields } from '../fields.js';
import { RAZORPAY_PROVIDER } from '../provider.js';
import type { WireOrder, WirePayment, WireRefund, WireWebhook } from '../wire/index.js';
import { instantFromWire } from './instants.js';
import { toPayment } from './payment.js';
import { toRefund } from './refund.js';

/** Razorpay events the connector acts on, by the canonical event they become. */
export const PAYMENT_EVENTS: ReadonlySet<string> = new Set(['payment.authorized', 'payment.captured', 'payment.failed', 'order.paid']);
export const REFUND_EVENTS: ReadonlySet<string> = new Set(['refund.created', 'refund.processed', 'refund.failed']);

/** The entities a payload carries under `payload.<name>.entity`, as the webhook contract typed them. */
function entitiesOf(envelope: WireWebhook): { payment?: WirePayment | undefined; order?: WireOrder | undefined; refund?: WireRefund | undefined } {
  const { payload } = envelope;
  return { payment: payload.payment?.entity, order: payload.order?.entity, refund: payload.refund?.entity };
}

/**
 * A verified envelope as canonical events (one per delivery). Payment events carry the canonical
 * Payment of the ORDER, built from the payload's payment entity and its order entity when the
 * event includes one (`order.paid`); refund events carry the refund and, from the payment entity
 * beside it, the payment's new state. `occurredAt` is the envelope's `created_at`: Razorpay signs
 * no timestamp, and the body (with `created_at`) is what the signature covers. Payloads are
 * snapshots: a `payment.authorized` may arrive after `payment.captured`, which the ordering guard
 * sorts out from the statuses. `occurredAt` is whole seconds, as Razorpay stamps it; it is never
 * rounded up, since an instant later than the event would fall outside a reconciliation window
 * that ends before the second does.
 */
export function toPaymentEvents(envelope: WireWebhook, eventId: string): PaymentEvent[] {
  const read = readFields(EVENT_FIELDS, envelope);
  const rawType = read.requiredText('type');
  const occurredAt = instantFromWire(read.requiredInt('createdAt'));
  const base = { id: `${RAZORPAY_PROVIDER}:${eventId}`, provider: RAZORPAY_PROVIDER, providerEventId: eventId, rawType, occurredAt };
  const { payment, order, refund } = entitiesOf(envelope);
  const canonicalPayment = payment === undefined ? undefined : toPayment({ order, payments: [payment], observedAt: occurredAt });

  if (PAYMENT_EVENTS.has(rawType) && canonicalPayment !== undefined) {
    return [{ ...base, type: 'payment.updated', payment: canonicalPayment }];
  }
  if (REFUND_EVENTS.has(rawType) && refund !== undefined) {
    const event: PaymentEvent = { ...base, type: 'refund.updated', refund: toRefund(refund, canonicalPayment?.id) };
    if (canonicalPayment !== undefined) event.payment = canonicalPayment;
    return [event];
  }
  return [{ ...base, type: 'unknown' }];
}
