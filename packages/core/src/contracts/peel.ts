import { z } from 'zod';
import { isOpenEnumSchema } from '../enums/open-enum.js';

/**
 * Strips the wrappers that do not change a value's shape (optional, nullable, default, catch,
 * brand, readonly, lazy, pipeline input, refinements and transforms) to reach the schema that
 * says what the provider sends. Stops at an open enum, which is itself a transform, and at a
 * preprocess, because the schema inside it sees a different value than the provider sent.
 */
export function peel(schema: z.ZodTypeAny): z.ZodTypeAny {
  let current = schema;
  for (;;) {
    if (isOpenEnumSchema(current)) return current;
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap() as z.ZodTypeAny;
    else if (current instanceof z.ZodDefault) current = current.removeDefault() as z.ZodTypeAny;
    else if (current instanceof z.ZodCatch) current = current.removeCatch() as z.ZodTypeAny;
    else if (current instanceof z.ZodBranded || current instanceof z.ZodReadonly) current = current.unwrap() as z.ZodTypeAny;
    else if (current instanceof z.ZodLazy) current = current.schema as z.ZodTypeAny;
    else if (current instanceof z.ZodPipeline) current = current._def.in as z.ZodTypeAny;
    else if (current instanceof z.ZodEffects && current._def.effect.type !== 'preprocess') current = current.innerType() as z.ZodTypeAny;
    else return current;
  }
}

/** The schema of `key` in an object, or in the first union option that declares it. */
export function fieldSchema(schema: z.ZodTypeAny, key: string): z.ZodTypeAny | undefined {
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.ZodTypeAny>;
    return Object.hasOwn(shape, key) ? shape[key] : undefined;
  }
  if (schema instanceof z.ZodUnion || schema instanceof z.ZodDiscriminatedUnion) {
    for (const option of schema.options as readonly z.ZodTypeAny[]) {
      const found = fieldSchema(peel(option), key);
      if (found) return found;
    }
  }
  return undefined;
}
