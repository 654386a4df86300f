import type { OpenEnumValue } from '../enums/open-enum.js';
import { IntegrationError } from '../errors/integration-error.js';
import type { FieldMapping } from './field-mapping.js';

// One step of a dotted path as the mapping walks it: own keys of plain objects only, so a string,
// an array or null in the way reads as undefined.
type Step<T, K extends string> = T extends readonly unknown[] ? undefined : T extends object ? (K extends keyof T ? T[K] : undefined) : undefined;

/**
 * The type found at dotted path `P` in `T`, the way `FieldMapping.read` walks it: an expandable
 * field (`string | Charge | null`) read at `latest_charge.created` gives `number | undefined`.
 */
export type FieldValue<T, P extends string> = unknown extends T
  ? unknown
  : P extends `${infer Head}.${infer Rest}`
    ? FieldValue<Step<T, Head>, Rest>
    : Step<T, P>;

/**
 * The small, named readers every transform uses over a contract-parsed wire object (Active
 * Merchant's `success_from` / `message_from` idea), so every connector reads the same. `get`
 * keeps the wire type the contract gave; the others check the type at run time, so a mapping bug
 * shows up here as `undefined` (or a `contract_violation` for a required field), never as a
 * wrong type further on.
 */
export interface FieldReader<In extends Record<string, string>, W> {
  /** The value at the field's path, typed from the wire object's type. */
  get<K extends keyof In & string>(field: K): FieldValue<W, In[K]>;
  /** Text; the provider's placeholders for "none" (see `absentText`) read as absent. */
  text(field: keyof In & string): string | undefined;
  int(field: keyof In & string): number | undefined;
  bool(field: keyof In & string): boolean | undefined;
  /** Text a wire contract requires; its absence means the mapping and the contract disagree. */
  requiredText(field: keyof In & string): string;
  requiredInt(field: keyof In & string): number;
  /** An open-enum value as the wire contract parsed it. */
  enumValue(field: keyof In & string): OpenEnumValue<string> | undefined;
  /** Whatever sits there, for nested entities. */
  raw(field: keyof In & string): unknown;
}

export interface FieldReaderOptions {
  /** Texts the provider sends to mean "none" (Razorpay's `NA`); `''` is always absent. */
  absentText?: readonly string[];
}

function isOpenEnumValue(value: unknown): value is OpenEnumValue<string> {
  if (typeof value !== 'object' || value === null || !('known' in value)) return false;
  return (value.known === true && 'value' in value) || (value.known === false && 'raw' in value);
}

/** Readers over `wire` through `mapping`'s inbound paths. */
export function fieldReader<In extends Record<string, string>, W>(
  mapping: FieldMapping<In, Record<string, string>>,
  wire: W,
  options: FieldReaderOptions = {},
): FieldReader<In, W> {
  const absent: ReadonlySet<string> = new Set(['', ...(options.absentText ?? [])]);
  const raw = (field: keyof In & string): unknown => mapping.read(wire, field);
  const text = (field: keyof In & string): string | undefined => {
    const value = raw(field);
    return typeof value === 'string' && !absent.has(value) ? value : undefined;
  };
  const int = (field: keyof In & string): number | undefined => {
    const value = raw(field);
    return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
  };
  const missing = (field: string): IntegrationError =>
    new IntegrationError('contract_violation', `${mapping.provider}: required field ${mapping.inbound[field] ?? field} is missing`, {
      provider: mapping.provider,
      endpoint: 'transform',
      reason: 'missing_field',
    });
  return {
    // The mapping reads exactly the path FieldValue computes; the cast only restores that type.
    get: <K extends keyof In & string>(field: K) => raw(field) as FieldValue<W, In[K]>,
    raw,
    text,
    int,
    bool(field) {
      const value = raw(field);
      return typeof value === 'boolean' ? value : undefined;
    },
    requiredText(field) {
      const value = text(field);
      if (value === undefined) throw missing(field);
      return value;
    },
    requiredInt(field) {
      const value = int(field);
      if (value === undefined) throw missing(field);
      return value;
    },
    enumValue(field) {
      const value = raw(field);
      return isOpenEnumValue(value) ? value : undefined;
    },
  };
}

/** The provider's raw text of an open-enum value. */
export function enumText(value: OpenEnumValue<string>): string {
  return value.known ? value.value : value.raw;
}
