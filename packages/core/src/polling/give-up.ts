import { IntegrationError, type ErrorCauseSummary } from '../errors/integration-error.js';

/** Endpoint named in a poller's errors: the poller reads through whatever endpoint its target uses. */
export const POLL_ENDPOINT = 'poll';

function summarize(error: unknown): ErrorCauseSummary | undefined {
  if (error === undefined) return undefined;
  if (error instanceof IntegrationError) return { name: error.name, message: error.message, code: error.reason };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: `a thrown ${typeof error}` };
}

/**
 * What `whenSettled` rejects with when a record is given up: a retryable `timeout`, since the
 * record may still settle later and a reconciliation run can pick it up. Only the last error's
 * name and message are kept, never a request or a response.
 */
export function pollGaveUpError(provider: string, recordId: string, maxDurationMs: number, reads: number, lastError: unknown): IntegrationError {
  const why = lastError === undefined ? 'it never settled' : 'its reads kept failing';
  return new IntegrationError(
    'timeout',
    `Polling ${recordId} gave up after ${maxDurationMs}ms and ${reads} read${reads === 1 ? '' : 's'}: ${why}`,
    { provider, endpoint: POLL_ENDPOINT, reason: 'poll_gave_up', attempts: reads },
    summarize(lastError),
  );
}
