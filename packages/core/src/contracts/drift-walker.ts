import { z } from 'zod';
import { isOpenEnumSchema } from '../enums/open-enum.js';
import { isAcknowledgedField } from './acknowledged.js';
import type { DriftCollector } from './drift-collector.js';
import { jsonTypeOf } from './drift.js';
import { describeIssues, displayKey, isClosedSetFailure, joinPath } from './issue-path.js';
import { peel } from './peel.js';

type PlainRecord = Record<string, unknown>;

function isPlainRecord(value: unknown): value is PlainRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Plain assignment of a key named `__proto__` (JSON.parse makes such own keys) would replace the
// copy's prototype instead of copying the field.
function setOwn(target: PlainRecord, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The `detail` of a type change: `expected number, got string` in the common case. */
function describeChange(schema: z.ZodTypeAny, issues: readonly z.ZodIssue[]): string {
  const [first] = issues;
  if (issues.length === 1 && first?.code === z.ZodIssueCode.invalid_type && first.path.length === 0) {
    return `expected ${first.expected}, got ${first.received}`;
  }
  return describeIssues(schema, issues, '').slice(0, 3).join('; ');
}

/**
 * Walks `input` alongside `schema`, reporting drift to `collector`, and returns a sanitised copy
 * of the input: the same data with every optional field whose type changed left out, so that
 * zod can still parse the rest. Nothing is thrown here; zod decides what is a violation.
 */
export function walkForDrift(schema: z.ZodTypeAny, input: unknown, path: string, collector: DriftCollector): unknown {
  const shape = peel(schema);

  const openEnum = isOpenEnumSchema(shape);
  if (openEnum) {
    if (typeof input === 'string' && !openEnum.parse(input).known) collector.unknownValue(openEnum.name, input, path || '(root)');
    return input;
  }
  if (shape instanceof z.ZodObject) return walkObject(shape as z.ZodObject<z.ZodRawShape>, input, path, collector);
  if (shape instanceof z.ZodArray) {
    if (!Array.isArray(input)) return input;
    const element = shape.element as z.ZodTypeAny;
    return input.map((item: unknown) => walkForDrift(element, item, `${path}[]`, collector));
  }
  if (shape instanceof z.ZodRecord) {
    if (!isPlainRecord(input)) return input;
    const values = shape.valueSchema as z.ZodTypeAny;
    const copy: PlainRecord = {};
    for (const [key, value] of Object.entries(input)) setOwn(copy, key, walkForDrift(values, value, joinPath(path, '*'), collector));
    return copy;
  }
  if (shape instanceof z.ZodDiscriminatedUnion) {
    if (!isPlainRecord(input)) return input;
    const option = shape.optionsMap.get(input[shape.discriminator as string] as z.Primitive) as z.ZodTypeAny | undefined;
    return option ? walkForDrift(option, input, path, collector) : input;
  }
  if (shape instanceof z.ZodUnion) return walkUnion(shape.options as readonly z.ZodTypeAny[], input, path, collector);
  // Closed enums, literals and primitives have nothing inside; zod alone judges them.
  return input;
}

// The first option that parses once sanitised is the one the value belongs to. Each option is
// walked into a fork so that options which do not fit report nothing.
function walkUnion(options: readonly z.ZodTypeAny[], input: unknown, path: string, collector: DriftCollector): unknown {
  for (const option of options) {
    const attempt = collector.fork();
    const sanitised = walkForDrift(option, input, path, attempt);
    if (option.safeParse(sanitised).success) {
      collector.merge(attempt);
      return sanitised;
    }
  }
  return input;
}

function walkObject(schema: z.ZodObject<z.ZodRawShape>, input: unknown, path: string, collector: DriftCollector): unknown {
  if (!isPlainRecord(input)) return input;
  const fields: Record<string, z.ZodTypeAny> = schema.shape;
  const copy: PlainRecord = {};

  for (const [key, field] of Object.entries(fields)) {
    const fieldPath = joinPath(path, key);
    const value = Object.hasOwn(input, key) ? input[key] : undefined;
    const optional = field.isOptional();
    if (value === undefined) {
      // A required field that is absent is zod's to report, as a violation; an acknowledged one
      // is newer than the contract, so older objects lack it by nature.
      if (optional && !isAcknowledgedField(field)) collector.add({ kind: 'missing_optional', path: fieldPath });
      continue;
    }
    const sanitised = walkForDrift(field, value, fieldPath, collector);
    if (optional) {
      const check = field.safeParse(sanitised);
      if (!check.success && !isClosedSetFailure(check.error.issues)) {
        collector.add({ kind: 'type_changed', path: fieldPath, detail: describeChange(field, check.error.issues) });
        continue;
      }
    }
    setOwn(copy, key, sanitised);
  }

  const catchall = schema._def.catchall;
  const acceptsExtra = schema._def.unknownKeys === 'passthrough';
  for (const [key, value] of Object.entries(input)) {
    if (Object.hasOwn(fields, key)) continue;
    if (!(catchall instanceof z.ZodNever)) {
      // A catchall is a record: its keys are data, like a record's.
      setOwn(copy, key, walkForDrift(catchall, value, joinPath(path, '*'), collector));
      continue;
    }
    if (!acceptsExtra) collector.add({ kind: 'unknown_field', path: joinPath(path, displayKey(key)), exampleType: jsonTypeOf(value) });
    setOwn(copy, key, value);
  }
  return copy;
}
