import { IntegrationError } from '../errors/integration-error.js';

/** Where a value came from, so a rejection names the provider and the field that sent it. */
export interface CoercionContext {
  readonly provider?: string | undefined;
  /** The provider field being read; reported as the error's endpoint. */
  readonly field?: string | undefined;
}

/**
 * A `contract_violation` for provider data that cannot be taken at face value. Coercion never
 * guesses (a default unit, a silent rounding), so the caller always learns which value was wrong.
 */
export function contractViolation(reason: string, message: string, ctx: CoercionContext | undefined): IntegrationError {
  return new IntegrationError('contract_violation', message, {
    provider: ctx?.provider ?? 'unknown',
    endpoint: ctx?.field ?? 'coercion',
    reason,
  });
}

const MAX_SHOWN = 64;

/**
 * The offending value as it should appear in an error message: quoted when it is text (so
 * `"10.50 "` shows its stray space), bounded so a huge payload cannot flood the logs.
 */
export function describeValue(value: unknown): string {
  const shown =
    typeof value === 'string'
      ? JSON.stringify(value)
      : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
        ? String(value)
        : value === null
          ? 'null'
          : typeof value;
  return shown.length > MAX_SHOWN ? `${shown.slice(0, MAX_SHOWN - 3)}...` : shown;
}
