import { IntegrationError } from '@interlock/core';
import { customsSchema, type Customs } from '../models/customs.js';
import { crossesCustomsBorder, customsTerritoryOf, EU_MEMBER_STATES, type TerritoryAddress } from './territories.js';

/** What a declaration is checked against: the route and, when there is one, the declaration. */
export interface CustomsCheck {
  from: TerritoryAddress;
  to: TerritoryAddress;
  customs?: Customs | undefined;
}

/**
 * The customs territories whose exporters must give an EORI, and the prefixes an EORI issued there
 * starts with: the Union's member states (and XI, Northern Ireland's, accepted in both), Great
 * Britain's GB.
 */
const EORI_ISSUERS: Readonly<Record<string, readonly string[]>> = {
  EU: [...EU_MEMBER_STATES, 'XI'],
  GB: ['GB', 'XI'],
};

/** The problems with a shipment's customs data, as field paths and reasons; empty when it may be sent. */
export function customsProblems(check: CustomsCheck): string[] {
  if (!crossesCustomsBorder(check.from, check.to)) return [];
  if (check.customs === undefined) return [`customs: a declaration is required from ${check.from.country} to ${check.to.country}`];
  const parsed = customsSchema.safeParse(check.customs);
  if (!parsed.success) return parsed.error.issues.map((issue) => `customs.${issue.path.join('.')}: ${issue.message}`);
  const customs = parsed.data;
  const problems: string[] = [];
  const issuers = EORI_ISSUERS[customsTerritoryOf(check.from)];
  if (issuers !== undefined) {
    if (customs.exporterEori === undefined) problems.push(`customs.exporterEori: required leaving ${customsTerritoryOf(check.from)}`);
    else if (!issuers.includes(customs.exporterEori.slice(0, 2))) problems.push(`customs.exporterEori: not issued in ${customsTerritoryOf(check.from)}`);
  }
  const currencies = new Set(customs.contents.map((item) => item.unitValue.currency));
  if (currencies.size > 1) problems.push(`customs.contents: one currency per declaration, got ${[...currencies].join(', ')}`);
  return problems;
}

/**
 * Refuses, before any call to the carrier, a shipment that crosses a customs border (see
 * `crossesCustomsBorder`) without a complete declaration: HS codes, values, origin countries,
 * incoterm, and the exporter's EORI where the origin issues them. An `invalid_request` with reason
 * `customs_required` (no declaration) or `customs_invalid`, naming every problem by field path and
 * never by value. A domestic shipment passes with or without one.
 */
export function validateCustoms(check: CustomsCheck, context: { provider: string; endpoint: string }): void {
  const problems = customsProblems(check);
  if (problems.length === 0) return;
  throw new IntegrationError('invalid_request', `${context.provider}: ${problems.join('; ')}`, {
    ...context,
    reason: check.customs === undefined ? 'customs_required' : 'customs_invalid',
    requestMayHaveReachedProvider: false,
  });
}
