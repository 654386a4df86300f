import { money, subtractMoney, type Money } from '@interlock/core';
import type { Payment } from '../models/payment.js';

/**
 * Money that moved at the provider for one payment, as our records saw it happen: a capture
 * (positive) or a refund (negative), signed from the merchant's side like settlement lines.
 */
export interface PaymentMovement {
  paymentId: string;
  kind: 'charge' | 'refund';
  amount: Money;
  /** When we learnt of it (the event's or the read's time), epoch ms. */
  at: number;
}

/**
 * What moved between two states of a payment: more captured is a charge, more refunded a
 * refund. Nothing moved, nothing returned; a state that shows less than before (an older
 * snapshot) moves nothing either, since the ordering guard has already refused it.
 */
export function movementsBetween(previous: Payment | undefined, next: Payment, at: number): PaymentMovement[] {
  const zero = money(0, next.amountCaptured.currency);
  const captured = subtractMoney(next.amountCaptured, previous?.amountCaptured ?? zero);
  const refunded = subtractMoney(next.amountRefunded, previous?.amountRefunded ?? zero);
  const movements: PaymentMovement[] = [];
  if (captured.amountMinor > 0) movements.push({ paymentId: next.id, kind: 'charge', amount: captured, at });
  if (refunded.amountMinor > 0) movements.push({ paymentId: next.id, kind: 'refund', amount: money(-refunded.amountMinor, refunded.currency), at });
  return movements;
}
