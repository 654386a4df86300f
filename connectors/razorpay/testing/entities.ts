/**
 * The simulator's entities, typed with Razorpay's wire field names so that what it stores is
 * exactly what it sends (shapes from the spec's Order, Payment, Refund, SettlementRecon and
 * Settlement schemas, and the sdk-mocks).
 */
export type Notes = Record<string, string> | [];

export interface SimOrder {
  id: string;
  entity: 'order';
  amount: number;
  amount_paid: number;
  amount_due: number;
  currency: string;
  receipt: string | null;
  offer_id: null;
  status: string;
  attempts: number;
  notes: Notes;
  created_at: number;
}

export interface SimPayment {
  id: string;
  entity: 'payment';
  amount: number;
  currency: string;
  status: string;
  order_id: string;
  invoice_id: null;
  international: boolean;
  method: string;
  amount_refunded: number;
  refund_status: 'partial' | 'full' | null;
  captured: boolean;
  description: string | null;
  card_id: string;
  bank: null;
  wallet: null;
  vpa: null;
  email: string;
  contact: string;
  notes: Notes;
  fee: number | null;
  tax: number | null;
  error_code: string | null;
  error_description: string | null;
  error_source: string | null;
  error_step: string | null;
  error_reason: string | null;
  acquirer_data: Record<string, string | null>;
  created_at: number;
}

export interface SimRefund {
  id: string;
  entity: 'refund';
  amount: number;
  currency: string;
  payment_id: string;
  notes: Notes;
  receipt: string | null;
  acquirer_data: { arn: string | null };
  created_at: number;
  batch_id: null;
  status: string;
  speed_processed: string;
  speed_requested: string;
}

export interface SimReconLine {
  entity_id: string;
  type: 'payment' | 'refund';
  debit: number;
  credit: number;
  amount: number;
  currency: string;
  fee: number;
  tax: number;
  on_hold: boolean;
  settled: boolean;
  created_at: number;
  settled_at: number;
  settlement_id: string;
  posted_at: null;
  credit_type: string;
  description: null;
  notes: Notes;
  payment_id: string | null;
  settlement_utr: string;
  order_id: string | null;
  order_receipt: string | null;
  method: string | null;
  card_network: string;
  card_issuer: string;
  card_type: string;
  dispute_id: null;
}

export interface SimSettlement {
  id: string;
  entity: 'settlement';
  amount: number;
  status: string;
  fees: number;
  tax: number;
  utr: string;
  created_at: number;
}

/** Notes as Razorpay serialises them: `[]` when empty, string values only. */
export function wireNotes(notes: unknown): Notes {
  if (typeof notes !== 'object' || notes === null || Array.isArray(notes)) return [];
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(notes)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') kept[key] = String(value);
  }
  return Object.keys(kept).length === 0 ? [] : kept;
}

export function seconds(ms: number): number {
  return Math.floor(ms / 1000);
}
