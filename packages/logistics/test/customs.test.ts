import { money, weight } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { crossesCustomsBorder, customsProblems, customsTerritoryOf, EU_MEMBER_STATES, validateCustoms, type Customs } from '../src/index.js';
import { thrown } from './fixtures.js';

const at = (country: string, postalCode?: string) => ({ country, ...(postalCode === undefined ? {} : { postalCode }) });
const declaration = (): Customs => ({
  contentsType: 'merchandise',
  incoterm: 'DAP',
  exporterEori: 'DE123456789012345',
  contents: [{ description: 'Cotton T-shirt', hsCode: '610910', quantity: 2, unitValue: money(1_500, 'EUR'), unitWeight: weight(200, 'g'), originCountry: 'PT' }],
});

describe('customs territories', () => {
  it('holds the 27 member states of the Union as one territory', () => {
    expect(EU_MEMBER_STATES).toHaveLength(27);
    expect(EU_MEMBER_STATES).not.toContain('GB');
    expect(crossesCustomsBorder(at('DE'), at('PL'))).toBe(false);
    expect(crossesCustomsBorder(at('ES', '28001'), at('ES', '08001'))).toBe(false);
    expect(crossesCustomsBorder(at('FR'), at('MC'))).toBe(false);
  });

  it('sees a border to the UK, to Switzerland and Norway, and none between Switzerland and Liechtenstein', () => {
    expect(crossesCustomsBorder(at('DE'), at('GB'))).toBe(true);
    expect(crossesCustomsBorder(at('DE'), at('CH'))).toBe(true);
    expect(crossesCustomsBorder(at('SE'), at('NO'))).toBe(true);
    expect(crossesCustomsBorder(at('CH'), at('LI'))).toBe(false);
  });

  it('puts the enclaves outside the Union where the customs code does', () => {
    expect(customsTerritoryOf(at('DE', '78266'))).toBe('CH');
    expect(customsTerritoryOf(at('DE', '27498'))).toBe('DE-Heligoland');
    expect(customsTerritoryOf(at('ES', '51001'))).toBe('ES-Ceuta');
    expect(crossesCustomsBorder(at('DE', '10115'), at('DE', '78266'))).toBe(true);
    expect(crossesCustomsBorder(at('CH'), at('DE', '78266'))).toBe(false);
  });

  it('sees the fiscal border to the Canary Islands and the French overseas regions', () => {
    expect(crossesCustomsBorder(at('ES', '28001'), at('ES', '35001'))).toBe(true);
    expect(crossesCustomsBorder(at('ES', '35001'), at('ES', '35100'))).toBe(false);
    expect(crossesCustomsBorder(at('FR', '75001'), at('FR', '97400'))).toBe(true);
    expect(crossesCustomsBorder(at('RE'), at('FR', '97400'))).toBe(false);
  });
});

describe('validateCustoms', () => {
  const context = { provider: 'carrier', endpoint: 'create' };

  it('lets a domestic or intra-Union shipment go without a declaration', () => {
    expect(customsProblems({ from: at('DE'), to: at('DE') })).toEqual([]);
    expect(() => validateCustoms({ from: at('DE'), to: at('AT') }, context)).not.toThrow();
  });

  it('refuses a shipment across a border without one, before any call', () => {
    expect(thrown(() => validateCustoms({ from: at('DE'), to: at('US') }, context))).toMatchObject({
      kind: 'invalid_request',
      reason: 'customs_required',
      requestMayHaveReachedProvider: false,
    });
  });

  it('accepts a complete declaration', () => {
    expect(customsProblems({ from: at('DE'), to: at('US'), customs: declaration() })).toEqual([]);
  });

  it('names every problem by path: HS code, origin, EORI and mixed currencies', () => {
    const [item] = declaration().contents;
    const customs: Customs = {
      ...declaration(),
      exporterEori: undefined,
      contents: [{ ...item!, hsCode: '6109.10' }, { ...item!, originCountry: 'XX', unitValue: money(100, 'USD') }],
    };
    expect(customsProblems({ from: at('DE'), to: at('CH'), customs })).toEqual([
      'customs.contents.0.hsCode: not a 6, 8 or 10 digit HS code',
      'customs.contents.1.originCountry: not an ISO 3166-1 alpha-2 code',
    ]);
    const valid = { ...customs, contents: [item!, { ...item!, unitValue: money(100, 'USD') }] };
    expect(customsProblems({ from: at('DE'), to: at('CH'), customs: valid })).toEqual([
      'customs.exporterEori: required leaving EU',
      'customs.contents: one currency per declaration, got EUR, USD',
    ]);
    expect(thrown(() => validateCustoms({ from: at('DE'), to: at('CH'), customs: valid }, context))).toMatchObject({ reason: 'customs_invalid' });
  });

  it('wants an EORI issued where the goods leave from, and none from a country without them', () => {
    expect(customsProblems({ from: at('GB'), to: at('FR'), customs: declaration() })).toEqual(['customs.exporterEori: not issued in GB']);
    expect(customsProblems({ from: at('GB'), to: at('FR'), customs: { ...declaration(), exporterEori: 'GB123456789000' } })).toEqual([]);
    expect(customsProblems({ from: at('US'), to: at('FR'), customs: { ...declaration(), exporterEori: undefined } })).toEqual([]);
  });
});
