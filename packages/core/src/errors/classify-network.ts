import type { ErrorKind } from './kinds.js';

export interface NetworkClassification {
  kind: ErrorKind;
  /** The system or undici code that decided it, e.g. `ECONNRESET`. */
  code: string;
  /** False when the failure happened before any byte of the request could reach the provider. */
  requestMayHaveReachedProvider: boolean;
}

interface CodeRule {
  kind: ErrorKind;
  reached: boolean;
}

// Codes raised before the connection existed cannot have delivered the request.
const NETWORK_CODES: Readonly<Record<string, CodeRule>> = {
  ECONNREFUSED: { kind: 'network', reached: false },
  ENOTFOUND: { kind: 'network', reached: false },
  EAI_AGAIN: { kind: 'network', reached: false },
  EHOSTUNREACH: { kind: 'network', reached: false },
  ENETUNREACH: { kind: 'network', reached: false },
  EADDRNOTAVAIL: { kind: 'network', reached: false },
  UND_ERR_CONNECT_TIMEOUT: { kind: 'timeout', reached: false },
  ECONNRESET: { kind: 'network', reached: true },
  EPIPE: { kind: 'network', reached: true },
  ECONNABORTED: { kind: 'network', reached: true },
  ETIMEDOUT: { kind: 'timeout', reached: true },
  ESOCKETTIMEDOUT: { kind: 'timeout', reached: true },
  UND_ERR_HEADERS_TIMEOUT: { kind: 'timeout', reached: true },
  UND_ERR_BODY_TIMEOUT: { kind: 'timeout', reached: true },
  UND_ERR_SOCKET: { kind: 'network', reached: true },
  UND_ERR_CLOSED: { kind: 'network', reached: true },
  UND_ERR_REQ_CONTENT_LENGTH_MISMATCH: { kind: 'network', reached: true },
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: { kind: 'network', reached: true },
};

function codeOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const code = (value as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** fetch wraps the socket error as `TypeError('fetch failed', { cause })`, sometimes twice, sometimes in an AggregateError. */
function* causeChain(error: unknown): Generator<unknown> {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const current = pending.shift();
    if (current === undefined || current === null || seen.has(current)) continue;
    seen.add(current);
    yield current;
    if (typeof current === 'object') {
      pending.push((current as { cause?: unknown }).cause);
      const nested = (current as { errors?: unknown }).errors;
      if (Array.isArray(nested)) pending.push(...(nested as unknown[]));
    }
  }
}

/** Classifies a Node or undici network error, or returns undefined if it is not one. */
export function classifyNetworkError(error: unknown): NetworkClassification | undefined {
  for (const candidate of causeChain(error)) {
    const code = codeOf(candidate);
    const rule = code === undefined ? undefined : NETWORK_CODES[code];
    if (code !== undefined && rule) {
      return { kind: rule.kind, code, requestMayHaveReachedProvider: rule.reached };
    }
  }
  return undefined;
}
