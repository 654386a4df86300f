import { money, type Money } from '@interlock/core';
import { crossesCustomsBorder, type Address, type Customs } from '@interlock/logistics';
import { EXPORT_DECLARATION_FIELDS, LINE_ITEM_FIELDS } from '../fields.js';
import { toWireDate } from './instants.js';
import { toWireAmount } from './money.js';
import { toWireLineWeight, type UnitSystem } from './express-units.js';

/**
 * The kinds of contents as MyDHL's `exportReasonType` (an optional field): those with a reason of
 * their own. "Other" has none and goes without one rather than with a guessed one.
 */
const EXPORT_REASONS: Readonly<Partial<Record<Customs['contentsType'], string>>> = {
  merchandise: 'commercial_purpose_or_sale',
  gift: 'gift',
  sample: 'sample',
  returned_goods: 'return',
};

/**
 * Whether DHL must be told the shipment is dutiable (`isCustomsDeclarable`): it crosses a customs
 * border and carries goods. Documents cross as non-dutiable, without an export declaration.
 */
export function isDeclarable(from: Address, to: Address, customs: Customs | undefined): boolean {
  return crossesCustomsBorder(from, to) && customs?.contentsType !== 'documents';
}

/** The declaration's total value: every line's unit value times its quantity (one currency, as `validateCustoms` checks). */
export function declaredValue(customs: Customs): Money {
  const [first] = customs.contents;
  const total = customs.contents.reduce((sum, item) => sum + item.unitValue.amountMinor * item.quantity, 0);
  return money(total, first?.unitValue.currency ?? '');
}

/**
 * The declaration as MyDHL's `exportDeclaration`. A line's `price` is its unit price (the MyDHL
 * reference describes it as the "unit or article price"); its weight is the whole line's, net
 * and gross alike since a canonical line carries one weight. The invoice goes when the caller
 * numbered one, dated the day the shipment is created.
 */
export function toExportDeclaration(customs: Customs, system: UnitSystem, now: number): Record<string, unknown> {
  const lines = customs.contents.map((item, index) => {
    const line: Record<string, unknown> = {};
    const weight = toWireLineWeight(item.unitWeight, item.quantity, system);
    LINE_ITEM_FIELDS.write(line, 'number', index + 1);
    LINE_ITEM_FIELDS.write(line, 'description', item.description);
    LINE_ITEM_FIELDS.write(line, 'unitValue', toWireAmount(item.unitValue));
    LINE_ITEM_FIELDS.write(line, 'quantity', item.quantity);
    LINE_ITEM_FIELDS.write(line, 'quantityUnit', 'PCS');
    LINE_ITEM_FIELDS.write(line, 'hsCode', [{ typeCode: 'outbound', value: item.hsCode }]);
    LINE_ITEM_FIELDS.write(line, 'originCountry', item.originCountry);
    LINE_ITEM_FIELDS.write(line, 'netWeight', weight);
    LINE_ITEM_FIELDS.write(line, 'grossWeight', weight);
    LINE_ITEM_FIELDS.write(line, 'exportReason', EXPORT_REASONS[customs.contentsType]);
    return line;
  });
  const body: Record<string, unknown> = {};
  EXPORT_DECLARATION_FIELDS.write(body, 'contents', lines);
  if (customs.invoiceNumber !== undefined) {
    EXPORT_DECLARATION_FIELDS.write(body, 'invoiceNumber', customs.invoiceNumber);
    EXPORT_DECLARATION_FIELDS.write(body, 'invoiceDate', toWireDate(now));
  }
  return body;
}
