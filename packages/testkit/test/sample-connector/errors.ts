import type { ErrorKind, ProviderErrorTable } from '@interlock/core';

/** Acme's error codes as data: `{ "error": { "code", "message" } }`. */
export const ACME_ERROR_CODES: Readonly<Record<string, ErrorKind>> = {
  card_declined: 'business_rejected',
  invalid_amount: 'invalid_request',
  idempotency_mismatch: 'conflict',
  rate_limited: 'rate_limited',
};

export function acmeErrorTable(codes: Readonly<Record<string, ErrorKind>> = ACME_ERROR_CODES): ProviderErrorTable {
  return {
    codes,
    extract: (body) => {
      const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
      if (typeof error !== 'object' || error === null) return undefined;
      return {
        code: typeof error.code === 'string' ? error.code : undefined,
        message: typeof error.message === 'string' ? error.message : undefined,
      };
    },
  };
}
