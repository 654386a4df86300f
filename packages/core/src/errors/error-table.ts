import { classifyStatus } from './classify-status.js';
import type { ErrorKind } from './kinds.js';

/** A provider's own error code and message, read from a response body. */
export interface ProviderErrorDetail {
  code?: string | undefined;
  message?: string | undefined;
}

/**
 * A connector's error knowledge as data: how to read its error body, and which of its codes
 * mean which kind. Codes win over the HTTP status (a Stripe 402 `card_declined` is a business
 * rejection, a 400 `idempotency_error` is a conflict).
 */
export interface ProviderErrorTable {
  extract(body: unknown, status: number): ProviderErrorDetail | undefined;
  codes: Readonly<Record<string, ErrorKind>>;
  /**
   * Some providers answer 200 with an error in the body (Google's `OVER_QUERY_LIMIT`). Codes
   * listed here make a 2xx a failure; other 2xx bodies are never inspected.
   */
  codesFailingSuccess?: readonly string[] | undefined;
}

export interface ResponseClassification {
  kind: ErrorKind;
  reason: string;
  providerCode?: string | undefined;
  providerMessage?: string | undefined;
}

/** Decides whether a response is a failure, and of what kind, from its status and the provider's table. */
export function classifyResponse(status: number, body: unknown, table?: ProviderErrorTable): ResponseClassification | undefined {
  const detail = table?.extract(body, status);
  const code = detail?.code;
  if (status < 400) {
    if (code === undefined || !table?.codesFailingSuccess?.includes(code)) return undefined;
  }
  const statusKind = classifyStatus(status);
  const tableKind = code === undefined ? undefined : table?.codes[code];
  const kind = tableKind ?? statusKind ?? 'unavailable';
  return {
    kind,
    reason: tableKind ? `provider_code_${code}` : `http_${status}`,
    providerCode: code,
    providerMessage: detail?.message,
  };
}
