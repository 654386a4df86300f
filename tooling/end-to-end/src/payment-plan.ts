import { money, type Money } from '@interlock/core';
import type { PaymentStatus } from '@interlock/payments';

/** What happens to one payment of the run. */
export type PaymentStory = 'paid' | 'declined' | 'captured_in_part' | 'refunded_in_part' | 'refunded';

/** One payment as the caller asks for it, and the state the hub must end with for it. */
export interface PlannedPayment {
  index: number;
  story: PaymentStory;
  /** What the caller asks to be paid. */
  amount: Money;
  /** Captured in the end: the capture asked for, nothing for a decline. */
  captured: Money;
  /** Refunded in the end. */
  refunded: Money;
  status: PaymentStatus;
}

/** Out of every ten payments: six paid, one declined, one captured in part, one refunded in part, one refunded. */
const STORIES: readonly PaymentStory[] = ['paid', 'declined', 'paid', 'captured_in_part', 'paid', 'refunded_in_part', 'paid', 'refunded', 'paid', 'paid'];

/** `part` tenths of an amount, rounded down to whole tens of minor units (Stripe takes KWD only in tens), never zero. */
export function tenthsOf(amount: Money, part: number): Money {
  return money(Math.max(10, Math.floor((amount.amountMinor * part) / 100) * 10), amount.currency);
}

/**
 * The run's payments. A provider that only captures the whole authorised amount (Razorpay) has
 * its manual captures in full; everywhere else a manual capture takes six tenths and a partial
 * refund three.
 */
export function planPayments(count: number, amount: (index: number) => Money, partialCapture: boolean): PlannedPayment[] {
  return Array.from({ length: count }, (_, index): PlannedPayment => {
    const story = STORIES[index % STORIES.length] as PaymentStory;
    const asked = amount(index);
    const zero = money(0, asked.currency);
    switch (story) {
      case 'paid':
        return { index, story, amount: asked, captured: asked, refunded: zero, status: 'succeeded' };
      case 'declined':
        return { index, story, amount: asked, captured: zero, refunded: zero, status: 'failed' };
      case 'captured_in_part':
        return { index, story, amount: asked, captured: partialCapture ? tenthsOf(asked, 6) : asked, refunded: zero, status: 'succeeded' };
      case 'refunded_in_part': {
        const refunded = tenthsOf(asked, 3);
        return { index, story, amount: asked, captured: asked, refunded, status: 'partially_refunded' };
      }
      case 'refunded':
        return { index, story, amount: asked, captured: asked, refunded: asked, status: 'refunded' };
    }
  });
}
