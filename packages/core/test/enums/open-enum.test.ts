import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isOpenEnumSchema, openEnum } from '../../src/enums/open-enum.js';
import { UnknownValueTracker } from '../../src/enums/unknown-value-tracker.js';
import { MemoryTelemetrySink } from '../../src/telemetry/telemetry.js';

const status = openEnum('dhl.shipment_status', ['pre-transit', 'transit', 'delivered']);

describe('openEnum', () => {
  it('parses a listed value as known, keeping its literal type', () => {
    const parsed = status.parse('delivered');
    expect(parsed).toEqual({ known: true, value: 'delivered' });
    if (parsed.known) {
      const literal: 'pre-transit' | 'transit' | 'delivered' = parsed.value;
      expect(literal).toBe('delivered');
    }
  });

  it('keeps an unlisted value raw instead of failing', () => {
    expect(status.parse('RETURNED_TO_SENDER')).toEqual({ known: false, raw: 'RETURNED_TO_SENDER' });
  });

  it('compares exactly: a change of case is a new value', () => {
    expect(status.parse('DELIVERED')).toEqual({ known: false, raw: 'DELIVERED' });
  });

  it('has a schema that accepts any string and rejects non-strings', () => {
    expect(status.schema.parse('transit')).toEqual({ known: true, value: 'transit' });
    expect(status.schema.parse('lost')).toEqual({ known: false, raw: 'lost' });
    expect(status.schema.safeParse(3).success).toBe(false);
  });

  it('records an unknown value with a tracker, and a known one not at all', () => {
    const sink = new MemoryTelemetrySink();
    const tracker = new UnknownValueTracker({ provider: 'dhl', emit: (event) => sink.emit(event), clock: { now: () => 1 } });
    status.parse('transit', tracker);
    status.parse('lost', tracker);
    expect(tracker.counts()).toEqual(new Map([['dhl.shipment_status:lost', 1]]));
    expect(sink.events).toHaveLength(1);
  });

  it('is recognised by its schema, and only by it', () => {
    expect(isOpenEnumSchema(status.schema)).toBe(status);
    expect(isOpenEnumSchema(z.string().transform((value) => value))).toBeUndefined();
    expect(isOpenEnumSchema(status.schema.optional())).toBeUndefined();
  });

  it('freezes its values', () => {
    expect(status.values).toEqual(['pre-transit', 'transit', 'delivered']);
    expect(Object.isFrozen(status.values)).toBe(true);
  });

  it('refuses an empty name and a value listed twice', () => {
    expect(() => openEnum('', ['a'])).toThrow(TypeError);
    expect(() => openEnum('x.y', ['a', 'b', 'a'])).toThrow("openEnum x.y: 'a' is listed twice");
  });
});
