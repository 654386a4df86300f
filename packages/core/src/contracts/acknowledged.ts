import { z } from 'zod';

// Matched by identity, as open enums are: a zod schema cannot carry our metadata, and a WeakSet
// lets a discarded schema be collected.
const acknowledged = new WeakSet<z.ZodTypeAny>();

/**
 * Fields a provider sends today that the pinned contract version lacks, and that the connector
 * knows about: additive, carried as `unknown` and never read. Spread them into an object schema
 * (`z.object({ id: z.string(), ...acknowledgedFields(['source']) })`); the drift walker then reports
 * neither their presence nor their absence, while every other new field is still drift.
 */
export function acknowledgedFields<const N extends string>(names: readonly N[]): { [K in N]: z.ZodOptional<z.ZodUnknown> } {
  const fields: Record<string, z.ZodOptional<z.ZodUnknown>> = {};
  for (const name of names) {
    if (Object.hasOwn(fields, name)) throw new TypeError(`acknowledgedFields: '${name}' is listed twice`);
    const field = z.unknown().optional();
    acknowledged.add(field);
    fields[name] = field;
  }
  return fields as { [K in N]: z.ZodOptional<z.ZodUnknown> };
}

/** True for a field made by {@link acknowledgedFields}: the drift walker stays silent about it. */
export function isAcknowledgedField(schema: z.ZodTypeAny): boolean {
  return acknowledged.has(schema);
}
