import { IntegrationError } from '../errors/integration-error.js';

/**
 * The end of a write that gave up after a request that may have reached the provider, when no
 * caller holds a key to send it again safely: the provider may have done it, so the failure is
 * not the answer. Kept: the provider, endpoint, attempts, status and reason of the last failure,
 * and the operation's key, which the connector's lookup finds it by.
 */
export function outcomeUnknown(error: IntegrationError, idempotencyKey: string | undefined): IntegrationError {
  return new IntegrationError(
    'outcome_unknown',
    `${error.provider} ${error.endpoint}: may have happened at the provider (last failure: ${error.reason}); look it up before doing it again`,
    { ...error.context, requestMayHaveReachedProvider: true, retryAfterMs: undefined, idempotencyKey },
    error.causeSummary,
  );
}

/** An error whose operation may have taken effect; its key is what the provider is asked about. */
export function isOutcomeUnknown(error: unknown): error is IntegrationError {
  return error instanceof IntegrationError && error.kind === 'outcome_unknown';
}
