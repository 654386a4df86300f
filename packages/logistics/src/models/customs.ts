import { z } from 'zod';
import { isCountryCode } from '../countries.js';
import { moneySchema } from '../money-schema.js';
import { weightSchema } from '../units.js';

/** Incoterms 2020: who pays what, up to where. */
export const INCOTERMS = ['EXW', 'FCA', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP', 'FAS', 'FOB', 'CFR', 'CIF'] as const;

/** What the shipment carries, as customs forms ask it. */
export const CONTENTS_TYPES = ['merchandise', 'documents', 'gift', 'sample', 'returned_goods', 'other'] as const;

const country = z.string().refine(isCountryCode, 'not an ISO 3166-1 alpha-2 code');

/**
 * An EORI number: the issuing country's ISO code and up to 15 letters or digits (EU and UK
 * customs; Regulation (EU) 2015/2446, Article 6).
 */
export const eoriSchema = z.string().regex(/^[A-Z]{2}[A-Z0-9]{1,15}$/, 'not an EORI number');

/**
 * A Harmonized System code: the six digits every customs administration shares, optionally with
 * the national extension up to ten, written without dots or spaces.
 */
export const hsCodeSchema = z.string().regex(/^\d{6}(?:\d{2}){0,2}$/, 'not a 6, 8 or 10 digit HS code');

/** One line of the declaration. Values and weights are per unit; the declaration multiplies. */
export const customsItemSchema = z.object({
  description: z.string().regex(/\S/, 'blank'),
  hsCode: hsCodeSchema,
  quantity: z.number().int().positive(),
  unitValue: moneySchema,
  unitWeight: weightSchema,
  originCountry: country,
});

/** A canonical customs line. */
export type CustomsItem = z.infer<typeof customsItemSchema>;

/** The customs declaration of an international shipment. */
export const customsSchema = z.object({
  contentsType: z.enum(CONTENTS_TYPES),
  contents: z.array(customsItemSchema).min(1),
  incoterm: z.enum(INCOTERMS),
  /** The exporter's EORI; required leaving a territory that issues them (see `validateCustoms`). */
  exporterEori: eoriSchema.optional(),
  /** The importer's EORI, when the receiver is a business with one. */
  importerEori: eoriSchema.optional(),
  invoiceNumber: z.string().min(1).optional(),
});

/** A canonical customs declaration. */
export type Customs = z.infer<typeof customsSchema>;
