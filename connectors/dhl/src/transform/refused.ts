import { IntegrationError } from '@interlock/core';
import { DHL_PROVIDER } from '../provider.js';

/** A request DHL Express could not take, refused before any call: `invalid_request`, never retried. */
export function refused(endpoint: string, reason: string, message: string): IntegrationError {
  return new IntegrationError('invalid_request', `${DHL_PROVIDER}: ${message}`, { provider: DHL_PROVIDER, endpoint, reason, requestMayHaveReachedProvider: false });
}
