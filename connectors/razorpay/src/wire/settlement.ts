import { z } from 'zod';
import { collectionSchema, notesSchema, optionalInt, optionalText, razorpayContract } from './common.js';
import { RECON_TYPE, SETTLEMENT_STATUS } from './enums.js';

/** One line of `GET /v1/settlements/recon/combined`, from the spec's `SettlementRecon` schema. */
export const reconItemSchema = z.object({
  entity_id: z.string(),
  type: RECON_TYPE.schema,
  debit: z.number().int(),
  credit: z.number().int(),
  amount: z.number().int(),
  currency: z.string(),
  fee: optionalInt,
  tax: optionalInt,
  on_hold: z.boolean().optional(),
  settled: z.boolean().optional(),
  created_at: z.number().int(),
  settled_at: z.number().int().nullable().optional(),
  settlement_id: optionalText,
  posted_at: z.number().int().nullable().optional(),
  credit_type: optionalText,
  description: optionalText,
  notes: notesSchema.nullable().optional(),
  payment_id: optionalText,
  settlement_utr: optionalText,
  order_id: optionalText,
  order_receipt: optionalText,
  method: optionalText,
  card_network: optionalText,
  card_issuer: optionalText,
  card_type: optionalText,
  dispute_id: optionalText,
});

export type WireReconItem = z.output<typeof reconItemSchema>;

export const reconCollectionContract = razorpayContract('settlement_recon_collection', collectionSchema(reconItemSchema));

/** The settlement entity (`setl_…`), from the spec's `Settlement` schema and sdk-mocks/fake_settlement.json. */
export const settlementSchema = z.object({
  id: z.string(),
  entity: z.literal('settlement'),
  amount: z.number().int(),
  status: SETTLEMENT_STATUS.schema,
  fees: z.number().int(),
  tax: z.number().int(),
  utr: optionalText,
  created_at: z.number().int(),
});

export type WireSettlement = z.output<typeof settlementSchema>;

export const settlementCollectionContract = razorpayContract('settlement_collection', collectionSchema(settlementSchema));
