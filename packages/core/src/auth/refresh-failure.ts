import { classifyNetworkError } from '../errors/classify-network.js';
import { IntegrationError, type ErrorCauseSummary } from '../errors/integration-error.js';
import type { ErrorKind } from '../errors/kinds.js';
import { TOKEN_ENDPOINT } from './token-endpoint.js';

/** What a failed token fetch means for the refresh loop. */
export type RefreshFailureClass =
  /** Worth another attempt: a retryable IntegrationError or a network error. */
  | { type: 'transient'; kind: ErrorKind }
  /** The endpoint refused the credentials: only a person can fix that. */
  | { type: 'refused'; kind: ErrorKind }
  /** Anything else (a broken response, a bug in a custom fetcher): not retried. */
  | { type: 'other'; kind: ErrorKind };

const REFUSAL_KINDS: ReadonlySet<ErrorKind> = new Set(['auth', 'forbidden', 'invalid_request']);

/** Sorts a token fetch failure into retry, refusal or neither. */
export function classifyRefreshFailure(error: unknown): RefreshFailureClass {
  if (error instanceof IntegrationError) {
    if (error.retryable) return { type: 'transient', kind: error.kind };
    return { type: REFUSAL_KINDS.has(error.kind) ? 'refused' : 'other', kind: error.kind };
  }
  const network = classifyNetworkError(error);
  if (network) return { type: 'transient', kind: network.kind };
  return { type: 'other', kind: 'auth' };
}

function causeSummary(error: unknown): ErrorCauseSummary {
  if (error instanceof IntegrationError) return { name: error.name, message: error.message, code: error.providerCode ?? error.reason };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/**
 * The error a failed refresh surfaces: always kind `auth`, since the call cannot be
 * authorized; the reason says whether a person must re-authenticate.
 */
export function refreshFailedError(provider: string, failure: RefreshFailureClass, attempts: number, error: unknown): IntegrationError {
  const refused = failure.type === 'refused';
  const message = refused
    ? `${provider}: the token endpoint refused the credentials; re-authentication is required`
    : `${provider}: token refresh failed after ${attempts} attempt${attempts === 1 ? '' : 's'}`;
  const cause = error instanceof IntegrationError ? error : undefined;
  return new IntegrationError(
    'auth',
    message,
    {
      provider,
      endpoint: TOKEN_ENDPOINT,
      reason: refused ? 'reauthentication_required' : 'token_refresh_failed',
      status: cause?.status,
      providerCode: cause?.providerCode,
      attempts,
    },
    causeSummary(error),
  );
}
