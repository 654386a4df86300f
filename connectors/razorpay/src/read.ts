import { IntegrationError, type FieldMapping, type OpenEnumValue } from '@interlock/core';

type Inbound<M> = M extends FieldMapping<infer In, Record<string, string>> ? keyof In & string : never;

/**
 * The small, named readers every transform uses over a parsed wire object (Active Merchant's
 * `success_from`/`message_from` idea): each checks the type at run time instead of casting, so a
 * mapping bug shows up as `undefined` here and never as a wrong type further on.
 */
export interface FieldReader<F extends string> {
  /** Text, with Razorpay's placeholders for "none" (`null`, `""`, `"NA"`) read as absent. */
  text(field: F): string | undefined;
  int(field: F): number | undefined;
  /** Text a wire contract requires; its absence means the mapping and the contract disagree. */
  requiredText(field: F): string;
  requiredInt(field: F): number;
  bool(field: F): boolean | undefined;
  /** An open-enum value as the wire contract parsed it. */
  enumValue(field: F): OpenEnumValue<string> | undefined;
  /** Whatever sits there, for nested entities and notes. */
  raw(field: F): unknown;
}

const NONE_TEXT: ReadonlySet<string> = new Set(['', 'NA']);

function isOpenEnumValue(value: unknown): value is OpenEnumValue<string> {
  if (typeof value !== 'object' || value === null || !('known' in value)) return false;
  return (value.known === true && 'value' in value) || (value.known === false && 'raw' in value);
}

/** Readers over `source` through `mapping`'s inbound paths. */
export function readerOf<M extends FieldMapping<Record<string, string>, Record<string, string>>>(mapping: M, source: unknown): FieldReader<Inbound<M>> {
  const raw = (field: Inbound<M>): unknown => mapping.read(source, field);
  const text = (field: Inbound<M>): string | undefined => {
    const value = raw(field);
    return typeof value === 'string' && !NONE_TEXT.has(value) ? value : undefined;
  };
  const int = (field: Inbound<M>): number | undefined => {
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
    raw,
    text,
    int,
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
    bool(field) {
      const value = raw(field);
      return typeof value === 'boolean' ? value : undefined;
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
