import { fieldReader, type Contract } from '@interlock/core';
import type { PaymentEvent } from '@interlock/payments';
import type { z } from 'zod';
import { CHARGE_FIELDS, EVENT_FIELDS } from '../fields.js';
import { STRIPE_PROVIDER } from '../provider.js';
import { chargeContract } from '../wire/charge.js';
import type { WireEvent } from '../wire/event.js';
import { paymentIntentContract } from '../wire/payment-intent.js';
import { refundContract, type WireRefund } from '../wire/refund.js';
import { instantFromStripe, type TransformContext } from './context.js';
import { toPayment } from './payment.js';
import { toRefund } from './refund.js';

/** Parses an event's `data.object` with a wire contract, reporting drift the way the client does. */
export type ObjectParser = <S extends z.ZodTypeAny>(contract: Contract<S>, body: unknown) => z.output<S>;

type Route = 'payment' | 'refund' | 'charge_refunds';

/** Which events carry what; anything else is verified but not acted on (`unknown`, raw type kept). */
const ROUTES: readonly { readonly matches: (type: string) => boolean; readonly route: Route }[] = [
  { matches: (type) => type.startsWith('payment_intent.'), route: 'payment' },
  { matches: (type) => type.startsWith('refund.') || type === 'charge.refund.updated', route: 'refund' },
  { matches: (type) => type === 'charge.refunded', route: 'charge_refunds' },
];

/** The refund a `charge.refunded` event announces: the newest of the charge's refunds. */
function newestRefund(refunds: readonly WireRefund[] | undefined): WireRefund | undefined {
  let newest: WireRefund | undefined;
  for (const refund of refunds ?? []) if (newest === undefined || refund.created > newest.created) newest = refund;
  return newest;
}

/**
 * One Stripe event as canonical events. `payment_intent.*` becomes `payment.updated` with the
 * intent as it was when the event happened; `refund.*` and `charge.refund.updated` become
 * `refund.updated`; `charge.refunded` becomes `refund.updated` for the newest refund the charge
 * carries (one canonical event per Stripe event, so dedupe by event id stays exact), or `unknown`
 * when the charge carries none. `occurredAt` is the event's `created`.
 */
export function toPaymentEvents(event: WireEvent, parse: ObjectParser, ctx: TransformContext = {}): PaymentEvent[] {
  const read = fieldReader(EVENT_FIELDS, event);
  const type = read.get('type');
  const occurredAt = instantFromStripe(read.get('createdAt'), 'event.created');
  const base = { id: read.get('id'), provider: STRIPE_PROVIDER, providerEventId: read.get('id'), rawType: type, occurredAt };
  const unknown: PaymentEvent = { ...base, type: 'unknown' };
  const objectCtx: TransformContext = { ...ctx, observedAt: occurredAt };
  const object = read.get('object');
  switch (ROUTES.find((candidate) => candidate.matches(type))?.route) {
    case 'payment':
      return [{ ...base, type: 'payment.updated', payment: toPayment(parse(paymentIntentContract, object), objectCtx) }];
    case 'refund':
      return [{ ...base, type: 'refund.updated', refund: toRefund(parse(refundContract, object), objectCtx) }];
    case 'charge_refunds': {
      const charge = parse(chargeContract, object);
      const refund = newestRefund(fieldReader(CHARGE_FIELDS, charge).get('refunds'));
      return [refund ? { ...base, type: 'refund.updated', refund: toRefund(refund, objectCtx) } : unknown];
    }
    case undefined:
      return [unknown];
  }
}
