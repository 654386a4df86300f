/**
 * The stand-in provider's objects the generated fixtures, webhook bodies and tests are made of,
 * typed so that a fixture and the test reading it cannot disagree. 2026-01-01T00:00:00Z, in the
 * provider's seconds.
 */
export const CREATED_AT = Date.UTC(2026, 0, 1) / 1000;
export const HOUR = 3_600;
export const DAY = 24 * HOUR;

interface SamplePayment {
  id: string;
  object: 'payment';
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  currency: string;
  status: string;
  capture_method: 'automatic' | 'manual';
  reference: string | null;
  customer: string | null;
  description: string | null;
  failure: { code: string; message: string } | null;
  metadata: Record<string, string>;
  created_at: number;
  updated_at: number;
}

/** Ids shaped like the simulator's: a prefix and a zero-padded sequence number. */
const sampleId = (prefix: string, n: number): string => `${prefix}_${String(n).padStart(14, '0')}`;

/** What `createPayment` is called with in the generated tests, and the payment it creates. */
export const CREATE_INPUT = { amountMinor: 125_000, currency: 'INR', reference: 'order-1042', description: 'Order 1042', metadata: { channel: 'web' } };

export const CREATED: SamplePayment = {
  id: sampleId('pay', 1),
  object: 'payment',
  amount: CREATE_INPUT.amountMinor,
  amount_captured: 0,
  amount_refunded: 0,
  currency: CREATE_INPUT.currency,
  status: 'requires_action',
  capture_method: 'automatic',
  reference: CREATE_INPUT.reference,
  customer: null,
  description: CREATE_INPUT.description,
  failure: null,
  metadata: CREATE_INPUT.metadata,
  created_at: CREATED_AT,
  updated_at: CREATED_AT,
};

export const SUCCEEDED: SamplePayment = { ...CREATED, status: 'succeeded', amount_captured: CREATED.amount, updated_at: CREATED_AT + 60 };

export const DECLINED: SamplePayment = {
  ...CREATED,
  id: sampleId('pay', 2),
  reference: 'order-1043',
  status: 'failed',
  failure: { code: 'card_declined', message: 'The card was declined.' },
  updated_at: CREATED_AT + 30,
};

/** A manual-capture payment, captured in part. */
export const PARTIAL_CAPTURE = 100_000;
export const CAPTURED: SamplePayment = {
  ...CREATED,
  id: sampleId('pay', 3),
  reference: 'order-1044',
  capture_method: 'manual',
  status: 'succeeded',
  amount_captured: PARTIAL_CAPTURE,
  updated_at: CREATED_AT + HOUR,
};

export const CANCELED: SamplePayment = { ...CREATED, id: sampleId('pay', 4), reference: 'order-1045', status: 'canceled', updated_at: CREATED_AT + HOUR };

export const REFUND_AMOUNT = 25_000;
export const REFUND = {
  id: sampleId('re', 1),
  object: 'refund',
  payment: SUCCEEDED.id,
  amount: REFUND_AMOUNT,
  currency: 'INR',
  status: 'succeeded',
  reason: 'requested_by_customer',
  created_at: CREATED_AT + HOUR,
};

const FEE = 2_500;
const line = (n: number, fields: { type: string; payment: string | null; refund: string | null; gross: number; fee: number }) => ({
  id: sampleId('stl', n),
  object: 'settlement_line',
  ...fields,
  net: fields.gross - fields.fee,
  currency: 'INR',
  settled_at: CREATED_AT + DAY,
});

/** A settlement run: the charge with the provider's fee, the refund, and the payout of the rest. */
export const SETTLEMENT_LINES = [
  line(1, { type: 'charge', payment: SUCCEEDED.id, refund: null, gross: SUCCEEDED.amount, fee: FEE }),
  line(2, { type: 'refund', payment: SUCCEEDED.id, refund: REFUND.id, gross: -REFUND_AMOUNT, fee: 0 }),
  line(3, { type: 'payout', payment: null, refund: null, gross: -(SUCCEEDED.amount - FEE - REFUND_AMOUNT), fee: 0 }),
];

/** A webhook event as the stand-in provider sends it. */
export function sampleEvent(n: number, type: string, object: unknown, createdAt: number) {
  return { id: sampleId('evt', n), object: 'event', type, created_at: createdAt, data: { object } };
}
