import { z } from 'zod';
import { fieldSchema, peel } from './peel.js';

/**
 * Joins a key onto a schema-shaped path (`data` + `items` -> `data.items`). Array elements are
 * `[]` and record entries `*`, so a path names a place in the schema, not one element of it.
 */
export function joinPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

// Field names are short identifiers with few digits. A key outside that shape (an e-mail address,
// a phone number, an order id, a token) is the provider's data used as a key, so it is not shown.
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
const MAX_DIGITS_IN_FIELD_NAME = 3;

/**
 * An unexpected key as it may appear in a drift path: itself when it looks like a field name,
 * otherwise `*`. A heuristic, erring towards hiding: reports must never carry values.
 */
export function displayKey(key: string): string {
  const digits = key.replace(/\D/g, '').length;
  return FIELD_NAME.test(key) && digits <= MAX_DIGITS_IN_FIELD_NAME ? key : '*';
}

/**
 * Turns a zod issue path into a schema-shaped one. Only keys the schema declares are kept:
 * record keys and anything past where the schema can be followed become `*`, because those are
 * the provider's data (an e-mail address can be a key) rather than field names.
 */
export function schemaPath(schema: z.ZodTypeAny, segments: readonly (string | number)[]): string {
  let current: z.ZodTypeAny | undefined = schema;
  let path = '';
  for (const segment of segments) {
    const shape: z.ZodTypeAny | undefined = current === undefined ? undefined : peel(current);
    if (typeof segment === 'number') {
      path += '[]';
      current = shape instanceof z.ZodArray ? (shape.element as z.ZodTypeAny) : undefined;
      continue;
    }
    const field = shape === undefined ? undefined : fieldSchema(shape, segment);
    path = joinPath(path, field === undefined ? '*' : segment);
    current = field ?? (shape instanceof z.ZodRecord ? (shape.valueSchema as z.ZodTypeAny) : undefined);
  }
  return path;
}

// Issue codes that mean "a value outside a closed set": a new enum member, literal or union
// variant. Those are failures, never a droppable type change.
const CLOSED_SET_CODES: ReadonlySet<string> = new Set([
  z.ZodIssueCode.invalid_enum_value,
  z.ZodIssueCode.invalid_literal,
  z.ZodIssueCode.invalid_union_discriminator,
]);

/** True when the failure comes from a value outside a closed set (every union branch, for a union). */
export function isClosedSetFailure(issues: readonly z.ZodIssue[]): boolean {
  return issues.some((issue) => {
    if (CLOSED_SET_CODES.has(issue.code)) return true;
    return (
      issue.code === z.ZodIssueCode.invalid_union &&
      issue.unionErrors.every((branch) => isClosedSetFailure(branch.issues))
    );
  });
}

/**
 * An issue as code and type names only. zod's own messages can quote the received value
 * (`received 'sk_live_…'`), so they are never used.
 */
export function describeIssue(issue: z.ZodIssue): string {
  if (issue.code === z.ZodIssueCode.invalid_type) return `invalid_type (expected ${issue.expected}, got ${issue.received})`;
  if (CLOSED_SET_CODES.has(issue.code)) return `unknown_enum (${issue.code})`;
  return issue.code;
}

/**
 * Distinct `path: description` lines for a set of issues, paths made safe with
 * {@link schemaPath}. An issue at the schema's root is labelled `rootLabel`, or bare when empty.
 */
export function describeIssues(schema: z.ZodTypeAny, issues: readonly z.ZodIssue[], rootLabel = '(root)'): string[] {
  const lines = new Set<string>();
  for (const issue of issues) {
    const path = schemaPath(schema, issue.path) || rootLabel;
    lines.add(path === '' ? describeIssue(issue) : `${path}: ${describeIssue(issue)}`);
  }
  return [...lines];
}
