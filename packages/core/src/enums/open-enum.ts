import { z } from 'zod';
import type { UnknownValueTracker } from './unknown-value-tracker.js';

/**
 * A provider enum value after parsing: either one of the values we know, or the raw text the
 * provider sent. The raw text is kept so a new status can be reported, mapped later and replayed.
 */
export type OpenEnumValue<K extends string> = { known: true; value: K } | { known: false; raw: string };

/**
 * A provider enum that is never assumed closed: any string parses, and an unlisted one comes back
 * as `{ known: false, raw }` instead of failing the whole response.
 */
export interface OpenEnum<K extends string> {
  /** Dotted name used in telemetry, e.g. `dhl.shipment_status`. */
  readonly name: string;
  readonly values: readonly K[];
  /**
   * Accepts any string and produces an `OpenEnumValue`. Registered so the contract drift walker
   * can recognise it and report unknown values as drift.
   */
  readonly schema: z.ZodType<OpenEnumValue<K>, z.ZodTypeDef, string>;
  /**
   * Classifies raw provider text. With a tracker, an unknown value is recorded: whoever turns raw
   * text into an `OpenEnumValue` reports it, so each occurrence is counted exactly once.
   */
  parse(raw: string, tracker?: UnknownValueTracker): OpenEnumValue<K>;
}

// Schemas are matched by identity: a zod schema cannot carry our metadata, and a WeakMap lets a
// discarded enum be collected.
const registry = new WeakMap<z.ZodTypeAny, OpenEnum<string>>();

/**
 * Declares an open enum. Values are compared exactly (no case folding or trimming): a provider
 * that changes `DELIVERED` to `delivered` has changed its API, and that is worth an alert.
 */
export function openEnum<const K extends string>(name: string, values: readonly K[]): OpenEnum<K> {
  if (name.length === 0) throw new TypeError('openEnum: the name must not be empty');
  const known = new Set<string>();
  for (const value of values) {
    if (known.has(value)) throw new TypeError(`openEnum ${name}: '${value}' is listed twice`);
    known.add(value);
  }
  const isKnown = (raw: string): raw is K => known.has(raw);
  const classify = (raw: string): OpenEnumValue<K> => (isKnown(raw) ? { known: true, value: raw } : { known: false, raw });
  const schema = z.string().transform(classify);
  const definition: OpenEnum<K> = {
    name,
    values: Object.freeze([...values]),
    schema,
    parse(raw, tracker) {
      const parsed = classify(raw);
      if (!parsed.known) tracker?.record(name, raw);
      return parsed;
    },
  };
  registry.set(schema, definition);
  return definition;
}

/** The open enum a schema was made by, if any; lets the drift walker tell it from a plain transform. */
export function isOpenEnumSchema(schema: z.ZodTypeAny): OpenEnum<string> | undefined {
  return registry.get(schema);
}
