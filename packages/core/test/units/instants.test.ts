import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInstant, localInstantFormat, parseInstant, type InstantFormat, type LocalInstantFormat } from '../../src/units/index.js';
import { expectViolation } from './expect-violation.js';

const utc = (text: string): number => Date.parse(text);
const iso: InstantFormat = { kind: 'iso8601' };
const local = (zone: string, options: Omit<LocalInstantFormat, 'kind' | 'zone'> = {}): LocalInstantFormat => ({
  kind: 'local',
  zone,
  ...options,
});

describe('parseInstant: ISO 8601', () => {
  it.each([
    ['2026-03-01T04:30:00Z', '2026-03-01T04:30:00.000Z'],
    ['2026-03-01T04:30:00z', '2026-03-01T04:30:00.000Z'],
    ['2026-03-01t04:30:00Z', '2026-03-01T04:30:00.000Z'],
    ['2026-03-01 04:30:00Z', '2026-03-01T04:30:00.000Z'],
    ['2026-03-01T04:30Z', '2026-03-01T04:30:00.000Z'],
    ['2026-03-01T10:00:00+05:30', '2026-03-01T04:30:00.000Z'],
    ['2026-03-01T10:00:00+0530', '2026-03-01T04:30:00.000Z'],
    ['2026-02-28T20:30:00-0800', '2026-03-01T04:30:00.000Z'],
    ['2026-02-28T20:30:00-08:00', '2026-03-01T04:30:00.000Z'],
    ['2026-03-01T04:30:00+00:00', '2026-03-01T04:30:00.000Z'],
    ['2026-03-01T04:30:00-00:00', '2026-03-01T04:30:00.000Z'],
    ['2026-03-01T04:30:00.123Z', '2026-03-01T04:30:00.123Z'],
    ['2026-03-01T04:30:00.1Z', '2026-03-01T04:30:00.100Z'],
    ['2026-03-01T04:30:00,5Z', '2026-03-01T04:30:00.500Z'],
    ['2026-03-01T10:00:00.123456789+05:30', '2026-03-01T04:30:00.123Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['0050-06-01T00:00:00Z', '0050-06-01T00:00:00.000Z'],
    ['1969-12-31T23:59:59.999Z', '1969-12-31T23:59:59.999Z'],
  ])('reads %s', (text, expected) => {
    expect(parseInstant(text, iso)).toBe(utc(expected));
  });

  it.each(['2026-03-01T10:00:00', '2026-03-01 10:00', '2026-03-01T10:00:00.123'])(
    'refuses %s, which has no offset',
    (text) => {
      expectViolation(() => parseInstant(text, iso), 'missing_offset');
    },
  );

  it.each([
    '2026-02-30T00:00:00Z',
    '2025-02-29T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-03-01T24:00:00Z',
    '2026-03-01T23:60:00Z',
    '2026-03-01T23:59:60Z',
    '2026-03-01T10:00:00+24:00',
    '2026-03-01T10:00:00+05:60',
    '2026-03-01T10:00:00+5',
    '2026-03-01T10:00:00+05:3000',
    '2026-03-01',
    '01/03/2026 10:00',
    'yesterday',
    '',
    ' 2026-03-01T04:30:00Z',
  ])('refuses %o', (text) => {
    expectViolation(() => parseInstant(text, iso), 'invalid_instant');
  });

  it('refuses values that are not text', () => {
    expectViolation(() => parseInstant(1700000000, iso), 'invalid_instant');
    expectViolation(() => parseInstant(null, local('UTC')), 'invalid_instant');
  });

  it('names the provider and field', () => {
    const error = expectViolation(() => parseInstant('2026-03-01T10:00:00', iso, { provider: 'shopify', field: 'created_at' }), 'missing_offset');
    expect(error.context).toMatchObject({ provider: 'shopify', endpoint: 'created_at' });
  });
});

describe('parseInstant: Unix time', () => {
  const seconds: InstantFormat = { kind: 'unix_seconds' };
  const millis: InstantFormat = { kind: 'unix_millis' };

  it('reads seconds and milliseconds as the same instant', () => {
    expect(parseInstant(1700000000, seconds)).toBe(1700000000000);
    expect(parseInstant(1700000000000, millis)).toBe(1700000000000);
    expect(parseInstant('1700000000', seconds)).toBe(parseInstant('1700000000000', millis));
  });

  it.each([
    [1700000000.5, 1700000000500],
    ['1700000000.123', 1700000000123],
    ['1700000000.123999', 1700000000123],
    [-1.5, -1500],
    ['-0.0005', -1],
    [1e-7, 0],
    [0, 0],
    [-0, 0],
  ])('reads seconds %o with their fraction, floored to the millisecond', (value, expected) => {
    expect(parseInstant(value, seconds)).toBe(expected);
  });

  it('floors fractional milliseconds', () => {
    expect(parseInstant('1700000000000.9', millis)).toBe(1700000000000);
  });

  it.each(['abc', '1e9', '', ' 1700000000', Number.NaN, Number.POSITIVE_INFINITY, null, true, 1e20, '8640000000000.001'])(
    'refuses %o as seconds',
    (value) => {
      expectViolation(() => parseInstant(value, seconds), 'invalid_instant');
    },
  );

  it('accepts the limits of Date and nothing beyond', () => {
    expect(parseInstant(8.64e15, millis)).toBe(8.64e15);
    expect(parseInstant(-8.64e15, millis)).toBe(-8.64e15);
    expectViolation(() => parseInstant(8.64e15 + 1, millis), 'invalid_instant');
    expectViolation(() => parseInstant(-8.64e15 - 1, millis), 'invalid_instant');
    // Whole seconds take a faster path than fractions: the same limits hold there.
    expect(parseInstant(8.64e12, seconds)).toBe(8.64e15);
    expectViolation(() => parseInstant(8.64e12 + 1, seconds), 'invalid_instant');
    expectViolation(() => parseInstant(-8.64e12 - 1, seconds), 'invalid_instant');
    expectViolation(() => parseInstant(Number.MAX_SAFE_INTEGER, seconds), 'invalid_instant');
  });
});

describe('parseInstant: local time', () => {
  it('reads Asia/Kolkata wall time at +05:30', () => {
    expect(parseInstant('2026-03-01 10:00:00', local('Asia/Kolkata'))).toBe(utc('2026-03-01T04:30:00Z'));
    expect(parseInstant('2026-03-01T10:00:00.250', local('Asia/Kolkata'))).toBe(utc('2026-03-01T04:30:00.250Z'));
  });

  it.each<[LocalInstantFormat['pattern'], string]>([
    ['iso', '2026-03-01T10:00'],
    ['dd-MM-yyyy HH:mm:ss', '01-03-2026 10:00:00'],
    ['dd/MM/yyyy HH:mm', '01/03/2026 10:00'],
    ['yyyy-MM-dd HH:mm:ss', '2026-03-01 10:00:00'],
  ])('reads the %s pattern', (pattern, text) => {
    expect(parseInstant(text, local('Asia/Kolkata', { pattern }))).toBe(utc('2026-03-01T04:30:00Z'));
  });

  it.each<[LocalInstantFormat['pattern'], string]>([
    ['dd/MM/yyyy HH:mm', '2026-03-01 10:00:00'],
    ['yyyy-MM-dd HH:mm:ss', '2026-03-01 10:00'],
    ['iso', '2026-03-01T10:00:00+05:30'],
    ['dd-MM-yyyy HH:mm:ss', '30-02-2026 10:00:00'],
  ])('refuses text that is not a %s time: %s', (pattern, text) => {
    expectViolation(() => parseInstant(text, local('Asia/Kolkata', { pattern })), 'invalid_instant');
  });

  describe('America/New_York', () => {
    const newYork = (options: Omit<LocalInstantFormat, 'kind' | 'zone'> = {}): LocalInstantFormat => local('America/New_York', options);

    it('reads ordinary winter and summer times', () => {
      expect(parseInstant('2026-01-15 12:00:00', newYork())).toBe(utc('2026-01-15T17:00:00Z'));
      expect(parseInstant('2026-07-15 12:00:00', newYork())).toBe(utc('2026-07-15T16:00:00Z'));
    });

    it('refuses 02:30 on 8 March 2026, which the clocks skipped', () => {
      expectViolation(() => parseInstant('2026-03-08 02:30:00', newYork()), 'nonexistent_local_time');
      expectViolation(() => parseInstant('2026-03-08 02:30:00', newYork({ nonexistent: 'reject' })), 'nonexistent_local_time');
    });

    it('shifts it forward to 03:30 EDT when asked', () => {
      const instant = parseInstant('2026-03-08 02:30:00', newYork({ nonexistent: 'shift_forward' }));
      expect(instant).toBe(utc('2026-03-08T07:30:00Z'));
      expect(formatInstant(instant, newYork())).toBe('2026-03-08T03:30:00');
    });

    it('reads the edges of the gap', () => {
      expect(parseInstant('2026-03-08 01:59:59', newYork())).toBe(utc('2026-03-08T06:59:59Z'));
      expect(parseInstant('2026-03-08 03:00:00', newYork())).toBe(utc('2026-03-08T07:00:00Z'));
    });

    it('refuses 01:30 on 1 November 2026, which happened twice, by default', () => {
      expectViolation(() => parseInstant('2026-11-01 01:30:00', newYork()), 'ambiguous_local_time');
      expectViolation(() => parseInstant('2026-11-01 01:30:00', newYork({ ambiguous: 'reject' })), 'ambiguous_local_time');
    });

    it('picks the earlier (EDT) or later (EST) occurrence when asked', () => {
      expect(parseInstant('2026-11-01 01:30:00', newYork({ ambiguous: 'earlier' }))).toBe(utc('2026-11-01T05:30:00Z'));
      expect(parseInstant('2026-11-01 01:30:00', newYork({ ambiguous: 'later' }))).toBe(utc('2026-11-01T06:30:00Z'));
    });
  });

  describe('Europe/Berlin', () => {
    const berlin = (options: Omit<LocalInstantFormat, 'kind' | 'zone'> = {}): LocalInstantFormat => local('Europe/Berlin', options);

    it('handles the spring gap on 29 March 2026 (02:00 CET becomes 03:00 CEST)', () => {
      expect(parseInstant('29-03-2026 01:59:59', berlin({ pattern: 'dd-MM-yyyy HH:mm:ss' }))).toBe(utc('2026-03-29T00:59:59Z'));
      expectViolation(() => parseInstant('2026-03-29 02:00:00', berlin()), 'nonexistent_local_time');
      expectViolation(() => parseInstant('2026-03-29 02:59:59', berlin()), 'nonexistent_local_time');
      expect(parseInstant('2026-03-29 02:30:00', berlin({ nonexistent: 'shift_forward' }))).toBe(utc('2026-03-29T01:30:00Z'));
      expect(parseInstant('2026-03-29 03:00:00', berlin())).toBe(utc('2026-03-29T01:00:00Z'));
    });

    it('handles the autumn overlap on 25 October 2026 (03:00 CEST becomes 02:00 CET)', () => {
      expect(parseInstant('2026-10-25 01:59:59', berlin())).toBe(utc('2026-10-24T23:59:59Z'));
      expectViolation(() => parseInstant('2026-10-25 02:00:00', berlin()), 'ambiguous_local_time');
      expect(parseInstant('2026-10-25 02:30:00', berlin({ ambiguous: 'earlier' }))).toBe(utc('2026-10-25T00:30:00Z'));
      expect(parseInstant('2026-10-25 02:30:00', berlin({ ambiguous: 'later' }))).toBe(utc('2026-10-25T01:30:00Z'));
      expect(parseInstant('2026-10-25 03:00:00', berlin())).toBe(utc('2026-10-25T02:00:00Z'));
    });
  });

  it('treats an unknown zone as a configuration error', () => {
    expect(() => parseInstant('2026-03-01 10:00:00', local('Mars/Olympus_Mons'))).toThrow(RangeError);
  });
});

describe('localInstantFormat', () => {
  it('checks the zone when the format is defined', () => {
    expect(() => localInstantFormat('Asia/Calcutta_Typo')).toThrow(RangeError);
  });

  it('builds the format with its options', () => {
    expect(localInstantFormat('Asia/Kolkata')).toEqual({ kind: 'local', zone: 'Asia/Kolkata' });
    expect(localInstantFormat('America/New_York', { ambiguous: 'later', pattern: 'dd/MM/yyyy HH:mm' })).toEqual({
      kind: 'local',
      zone: 'America/New_York',
      ambiguous: 'later',
      pattern: 'dd/MM/yyyy HH:mm',
    });
  });
});

describe('formatInstant', () => {
  const instant = utc('2026-03-01T04:30:00Z');

  it('renders ISO 8601 in UTC, with milliseconds only when there are some', () => {
    expect(formatInstant(instant, iso)).toBe('2026-03-01T04:30:00Z');
    expect(formatInstant(instant + 7, iso)).toBe('2026-03-01T04:30:00.007Z');
    expect(formatInstant(instant, { kind: 'iso8601', zone: undefined })).toBe('2026-03-01T04:30:00Z');
  });

  it("renders ISO 8601 in a zone's offset", () => {
    expect(formatInstant(instant, { kind: 'iso8601', zone: 'Asia/Kolkata' })).toBe('2026-03-01T10:00:00+05:30');
    expect(formatInstant(instant, { kind: 'iso8601', zone: 'America/New_York' })).toBe('2026-02-28T23:30:00-05:00');
    expect(formatInstant(instant, { kind: 'iso8601', zone: 'UTC' })).toBe('2026-03-01T04:30:00+00:00');
    expect(formatInstant(utc('2026-07-01T00:00:00Z'), { kind: 'iso8601', zone: 'Europe/Berlin' })).toBe('2026-07-01T02:00:00+02:00');
  });

  it('renders a historical offset with seconds, and reads it back', () => {
    const rendered = formatInstant(utc('1800-01-01T00:00:00Z'), { kind: 'iso8601', zone: 'Asia/Kolkata' });
    expect(rendered).toBe('1800-01-01T05:53:28+05:53:28');
    expect(parseInstant(rendered, iso)).toBe(utc('1800-01-01T00:00:00Z'));
  });

  it('renders Unix seconds and milliseconds as numbers', () => {
    expect(formatInstant(1700000000000, { kind: 'unix_seconds' })).toBe(1700000000);
    expect(formatInstant(1700000000123, { kind: 'unix_seconds' })).toBe(1700000000.123);
    expect(formatInstant(-1500, { kind: 'unix_seconds' })).toBe(-1.5);
    expect(formatInstant(1700000000123, { kind: 'unix_millis' })).toBe(1700000000123);
  });

  it.each<[LocalInstantFormat['pattern'], string]>([
    [undefined, '2026-03-01T10:00:00'],
    ['iso', '2026-03-01T10:00:00'],
    ['dd-MM-yyyy HH:mm:ss', '01-03-2026 10:00:00'],
    ['dd/MM/yyyy HH:mm', '01/03/2026 10:00'],
    ['yyyy-MM-dd HH:mm:ss', '2026-03-01 10:00:00'],
  ])('renders local time with the %s pattern', (pattern, expected) => {
    expect(formatInstant(instant, local('Asia/Kolkata', { pattern }))).toBe(expected);
  });

  it('refuses epochs that are not integers within the range of Date', () => {
    expect(() => formatInstant(1.5, iso)).toThrow(RangeError);
    expect(() => formatInstant(Number.NaN, { kind: 'unix_millis' })).toThrow(RangeError);
    expect(() => formatInstant(8.64e15 + 1, { kind: 'unix_seconds' })).toThrow(RangeError);
    expect(() => formatInstant(-8.64e15 - 1, iso)).toThrow(RangeError);
  });

  it('refuses years that four digits cannot hold', () => {
    expect(() => formatInstant(utc('+010000-01-01T00:00:00Z'), iso)).toThrow(RangeError);
    expect(() => formatInstant(utc('-000001-12-31T00:00:00Z'), iso)).toThrow(RangeError);
  });

  it('treats an unknown zone as a configuration error', () => {
    expect(() => formatInstant(instant, { kind: 'iso8601', zone: 'Nowhere/Special' })).toThrow(RangeError);
  });
});

describe('round trips', () => {
  const cases: [string, InstantFormat, number][] = [
    ['iso8601', iso, utc('2026-03-01T04:30:00.123Z')],
    ['unix_seconds', { kind: 'unix_seconds' }, utc('2026-03-01T04:30:00.123Z')],
    ['unix_millis', { kind: 'unix_millis' }, utc('2026-03-01T04:30:00.123Z')],
    ['local iso', local('Asia/Kolkata'), utc('2026-03-01T04:30:00.123Z')],
    ['local dd-MM-yyyy HH:mm:ss', local('Europe/Berlin', { pattern: 'dd-MM-yyyy HH:mm:ss' }), utc('2026-03-01T04:30:15Z')],
    ['local dd/MM/yyyy HH:mm', local('America/New_York', { pattern: 'dd/MM/yyyy HH:mm' }), utc('2026-03-01T04:30:00Z')],
    ['local yyyy-MM-dd HH:mm:ss', local('Asia/Kolkata', { pattern: 'yyyy-MM-dd HH:mm:ss' }), utc('2026-03-01T04:30:15Z')],
  ];

  it.each(cases)('%s', (_name, format, epochMs) => {
    expect(parseInstant(formatInstant(epochMs, format), format)).toBe(epochMs);
  });

  it('an ISO rendering with +05:30 reads back', () => {
    const epochMs = utc('2026-03-01T04:30:00Z');
    expect(parseInstant(formatInstant(epochMs, { kind: 'iso8601', zone: 'Asia/Kolkata' }), iso)).toBe(epochMs);
  });

  it('an ambiguous local time reads back with the matching policy', () => {
    const newYork = local('America/New_York');
    const first = utc('2026-11-01T05:30:00Z');
    const second = utc('2026-11-01T06:30:00Z');
    expect(formatInstant(first, newYork)).toBe(formatInstant(second, newYork));
    expect(parseInstant(formatInstant(first, newYork), { ...newYork, ambiguous: 'earlier' })).toBe(first);
    expect(parseInstant(formatInstant(second, newYork), { ...newYork, ambiguous: 'later' })).toBe(second);
  });

  // Years 0001-9998 keep every zone's rendering within four-digit years.
  const anyEpoch = fc.integer({ min: utc('0001-01-01T00:00:00Z'), max: utc('9998-12-31T00:00:00Z') });
  const anyZone = fc.constantFrom('UTC', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns');

  it('ISO 8601, in UTC or any zone, and Unix time read back exactly (property)', () => {
    fc.assert(
      fc.property(anyEpoch, anyZone, (epochMs, zone) => {
        expect(parseInstant(formatInstant(epochMs, iso), iso)).toBe(epochMs);
        expect(parseInstant(formatInstant(epochMs, { kind: 'iso8601', zone }), iso)).toBe(epochMs);
        expect(parseInstant(formatInstant(epochMs, { kind: 'unix_seconds' }), { kind: 'unix_seconds' })).toBe(epochMs);
      }),
      { numRuns: 500 },
    );
  });

  it('local time reads back as one of its occurrences (property)', () => {
    fc.assert(
      fc.property(anyEpoch, anyZone, (epochMs, zone) => {
        const rendered = formatInstant(epochMs, local(zone));
        const earlier = parseInstant(rendered, local(zone, { ambiguous: 'earlier' }));
        const later = parseInstant(rendered, local(zone, { ambiguous: 'later' }));
        expect([earlier, later]).toContain(epochMs);
      }),
      { numRuns: 500 },
    );
  });
});
