import type { FieldMapping } from '@interlock/core';

// One step of a dotted path as core's readPath takes it: own keys of plain objects only, so a
// string, an array or null in the way reads as undefined.
type Step<T, K extends string> = T extends readonly unknown[] ? undefined : T extends object ? (K extends keyof T ? T[K] : undefined) : undefined;

/**
 * The type found at dotted path `P` in `T`, the way `FieldMapping.read` walks it: an expandable
 * Stripe field (`string | Charge | null`) read at `latest_charge.created` gives `number | undefined`.
 */
export type FieldValue<T, P extends string> = unknown extends T
  ? unknown
  : P extends `${infer Head}.${infer Rest}`
    ? FieldValue<Step<T, Head>, Rest>
    : Step<T, P>;

/**
 * Reads a contract-parsed wire object through a field mapping with the field's own type, so the
 * transforms name canonical fields only and the compiler still checks what they get back.
 */
export function fieldReader<In extends Record<string, string>, W>(
  mapping: FieldMapping<In, Record<string, string>>,
  wire: W,
): <K extends keyof In & string>(field: K) => FieldValue<W, In[K]> {
  // The mapping reads exactly the path FieldValue computes; the cast only restores that type.
  return <K extends keyof In & string>(field: K) => mapping.read(wire, field) as FieldValue<W, In[K]>;
}
