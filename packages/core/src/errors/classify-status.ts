import type { ErrorKind } from './kinds.js';

// Explicit entries for the statuses whose meaning differs from their class default.
const STATUS_KINDS: Readonly<Record<number, ErrorKind>> = {
  400: 'invalid_request',
  401: 'auth',
  402: 'business_rejected',
  403: 'forbidden',
  404: 'not_found',
  408: 'timeout',
  409: 'conflict',
  410: 'not_found',
  412: 'conflict',
  422: 'invalid_request',
  423: 'conflict',
  429: 'rate_limited',
  // 501 and 505 say the request itself can never work: repeating it only adds load.
  501: 'invalid_request',
  505: 'invalid_request',
};

/** The kind an HTTP status means on its own, or undefined for a success or redirect. */
export function classifyStatus(status: number): ErrorKind | undefined {
  if (status < 400) return undefined;
  const explicit = STATUS_KINDS[status];
  if (explicit) return explicit;
  return status >= 500 ? 'unavailable' : 'invalid_request';
}
