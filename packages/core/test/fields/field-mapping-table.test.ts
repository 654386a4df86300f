import { describe, expect, it } from 'vitest';
import { defineFieldMapping } from '../../src/fields/field-mapping.js';
import { fieldMappingTable } from '../../src/fields/field-mapping-table.js';

const mapping = defineFieldMapping({
  provider: 'dhl',
  inbound: { trackingNumber: 'id', city: 'destination.address.addressLocality' },
  outbound: { city: 'receiver.address.city', amount: 'value.amount' },
});

describe('fieldMappingTable', () => {
  it('renders one sorted row per field and direction', () => {
    expect(fieldMappingTable(mapping)).toBe(
      [
        '| canonical field | provider field | direction |',
        '| --- | --- | --- |',
        '| amount | value.amount | outbound |',
        '| city | destination.address.addressLocality | inbound |',
        '| city | receiver.address.city | outbound |',
        '| trackingNumber | id | inbound |',
      ].join('\n'),
    );
  });

  it('puts an optional title above the table', () => {
    expect(fieldMappingTable(mapping, { title: 'DHL fields' }).split('\n').slice(0, 3)).toEqual([
      '### DHL fields',
      '',
      '| canonical field | provider field | direction |',
    ]);
  });

  it('escapes pipes, backslashes and newlines so a cell stays a cell', () => {
    const odd = { provider: 'x', inbound: { 'a|b': 'c\\d' }, outbound: { 'e\nf': 'g' } };
    expect(fieldMappingTable(odd).split('\n').slice(2)).toEqual(['| a\\|b | c\\\\d | inbound |', '| e f | g | outbound |']);
  });

  it('renders an empty mapping as a header only', () => {
    expect(fieldMappingTable({ provider: 'x', inbound: {}, outbound: {} })).toBe(
      '| canonical field | provider field | direction |\n| --- | --- | --- |',
    );
  });
});
