import { describe, expect, it } from 'vitest';
import { defineFieldMapping, enumText, fieldReader } from '../../src/fields/index.js';
import { isIntegrationError } from '../../src/errors/index.js';

const MAPPING = defineFieldMapping({
  provider: 'acme',
  inbound: { id: 'id', amount: 'amount', note: 'notes.text', captured: 'captured', status: 'status', created: 'charge.created' },
  outbound: {},
});

interface Wire {
  id: string;
  amount: number | null;
  notes: { text: string };
  captured: boolean;
  status: { known: true; value: 'paid' } | { known: false; raw: string };
  charge: string | { created: number } | null;
}

const wire: Wire = { id: 'pay_1', amount: 1250, notes: { text: 'NA' }, captured: true, status: { known: false, raw: 'on_hold' }, charge: { created: 1767225600 } };

describe('fieldReader', () => {
  it('reads each field through the mapping, typed by the wire object', () => {
    const read = fieldReader(MAPPING, wire);
    const created: number | undefined = read.get('created');
    expect(created).toBe(1767225600);
    expect(fieldReader(MAPPING, { ...wire, charge: 'ch_1' }).get('created')).toBeUndefined();
    expect(read.requiredText('id')).toBe('pay_1');
    expect(read.requiredInt('amount')).toBe(1250);
    expect(read.bool('captured')).toBe(true);
    expect(read.raw('note')).toBe('NA');
  });

  it("reads the provider's placeholders for none as absent, and only values of the right type", () => {
    expect(fieldReader(MAPPING, wire).text('note')).toBe('NA');
    expect(fieldReader(MAPPING, wire, { absentText: ['NA'] }).text('note')).toBeUndefined();
    expect(fieldReader(MAPPING, { ...wire, notes: { text: '' } }).text('note')).toBeUndefined();
    const odd = fieldReader(MAPPING, { ...wire, id: 12, amount: 12.5, captured: 'yes', status: 'paid' });
    expect([odd.text('id'), odd.int('amount'), odd.bool('captured'), odd.enumValue('status')]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('reports a missing required field as a contract violation naming the provider field', () => {
    const read = fieldReader(MAPPING, { ...wire, amount: null });
    let error: unknown;
    try {
      read.requiredInt('amount');
    } catch (caught) {
      error = caught;
    }
    expect(isIntegrationError(error) && error.kind === 'contract_violation' && error.message).toBe('acme: required field amount is missing');
    expect(() => fieldReader(MAPPING, { ...wire, id: '' }).requiredText('id')).toThrow('acme: required field id is missing');
  });

  it('keeps an open-enum value and its raw text', () => {
    const status = fieldReader(MAPPING, wire).enumValue('status');
    expect(status).toEqual({ known: false, raw: 'on_hold' });
    expect(enumText(status!)).toBe('on_hold');
    expect(enumText({ known: true, value: 'paid' })).toBe('paid');
  });
});
