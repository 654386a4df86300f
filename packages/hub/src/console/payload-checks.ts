import type { EventInterpreter } from '@interlock/core';
import type { PayloadCheck } from '../support/dead-letter-actions.js';

/**
 * A corrected payload passes when the provider's connector reads it as the workers will: the
 * interpreter's own `interpret`. Connectors that only read the record from the provider offer no
 * check beyond the payload staying JSON.
 */
export function interpreterCheck(interpreter: EventInterpreter | undefined): PayloadCheck | undefined {
  const interpret = interpreter?.interpret?.bind(interpreter);
  if (!interpret) return undefined;
  return (event, payload) => {
    try {
      interpret({ ...event, payload });
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  };
}

/** The edited payload as it will be stored: compact JSON when the original is JSON, so an unchanged edit is seen as unchanged. */
export function normalisedPayload(original: string, edited: string): string {
  try {
    JSON.parse(original);
    return JSON.stringify(JSON.parse(edited));
  } catch {
    return edited;
  }
}
