import type { DriftKind, JsonType } from '../contracts/drift.js';
import type { ErrorKind } from '../errors/kinds.js';

/** Fields every request-scoped event carries. */
export interface RequestScope {
  provider: string;
  endpoint: string;
  correlationId: string;
}

export type CircuitState = 'closed' | 'open' | 'half_open';
export type Priority = 'urgent' | 'normal' | 'batch';

/**
 * Everything core reports. Each retry and refusal carries a short machine-readable `reason`
 * (`http_503`, `ECONNRESET`, `retry_after`, `budget_exhausted`) so dashboards need no parsing.
 */
export type TelemetryEvent =
  | (RequestScope & {
      type: 'request.started';
      at: number;
      method: string;
      attempt: number;
      idempotencyKey?: string | undefined;
      /** Scheme, host and port the request goes to, never a path or a query: a span's `server.address`. */
      origin?: string | undefined;
    })
  | (RequestScope & {
      type: 'request.finished';
      at: number;
      method: string;
      attempt: number;
      durationMs: number;
      outcome: 'success' | 'failure';
      status?: number | undefined;
      errorKind?: ErrorKind | undefined;
      reason?: string | undefined;
    })
  | (RequestScope & {
      type: 'request.retried';
      at: number;
      attempt: number;
      delayMs: number;
      reason: string;
      errorKind: ErrorKind;
    })
  | (RequestScope & {
      type: 'request.gave_up';
      at: number;
      attempts: number;
      reason: string;
      errorKind: ErrorKind;
    })
  | (RequestScope & {
      type: 'rate_limit.waited';
      at: number;
      waitMs: number;
      limiter: string;
    })
  | {
      type: 'rate_limit.tightened';
      at: number;
      provider: string;
      limiter: string;
      remaining: number;
      resetMs: number;
      reason: string;
    }
  | {
      type: 'circuit.state_changed';
      at: number;
      provider: string;
      endpoint: string;
      from: CircuitState;
      to: CircuitState;
      reason: string;
    }
  | (RequestScope & {
      type: 'circuit.fallback_used';
      at: number;
    })
  | {
      type: 'queue.rejected';
      at: number;
      provider: string;
      endpoint: string;
      depth: number;
      maxDepth: number;
      priority: Priority;
    }
  | (RequestScope & {
      type: 'queue.dead_lettered';
      at: number;
      attempts: number;
      errorKind: ErrorKind;
      reason: string;
    })
  | {
      type: 'retry_budget.exhausted';
      at: number;
      provider: string;
      endpoint: string;
      correlationId: string;
    }
  | {
      type: 'auth.key_switched';
      at: number;
      provider: string;
      fromKeyId: string;
      toKeyId: string;
      reason: string;
    }
  | {
      type: 'auth.token_refreshed';
      at: number;
      provider: string;
      expiresAt: number;
      attempts: number;
    }
  | {
      type: 'auth.token_refresh_failed';
      at: number;
      provider: string;
      errorKind: ErrorKind;
      reason: string;
    }
  | {
      type: 'contract.drift';
      at: number;
      provider: string;
      contract: string;
      version: string;
      policy: 'warn' | 'strict';
      /**
       * One line per difference this parse showed first (each is reported once per provider
       * client; `ContractDriftCounter` counts the rest), plus the absent optional fields beside
       * them, e.g. `unknown_field data.items[].carrier_code`.
       */
      drift: readonly string[];
      /** The differences shown first, structured; a new field with the JSON type of its value, never the value. */
      firstSeen: readonly { kind: DriftKind; path: string; exampleType?: JsonType }[];
    }
  | {
      type: 'enum.unknown_value';
      at: number;
      provider: string;
      enum: string;
      raw: string;
      /** How many times this raw value has been seen, this one included. */
      count: number;
      /** True the first time: that one is the alert, later ones only count. */
      firstSeen: boolean;
    }
  | (RequestScope & {
      type: 'idempotency.replayed';
      at: number;
      idempotencyKey: string;
    })
  | {
      /** A create that may have reached the provider was found there, so it was not sent again. */
      type: 'idempotency.found_existing';
      at: number;
      provider: string;
      endpoint: string;
      attempt: number;
    }
  | {
      type: 'reconciliation.completed';
      at: number;
      provider: string;
      /** Which comparison ran, e.g. `payments.settlements`. */
      name: string;
      periodFrom: number;
      periodTo: number;
      compared: number;
      missing: number;
      extra: number;
      mismatched: number;
      duplicates: number;
      /** Above zero, this run found something to act on; `reconciliation.difference` is the alert. */
      differences: number;
    }
  | {
      /** The alert: our records and the provider's disagree for the period. */
      type: 'reconciliation.difference';
      at: number;
      provider: string;
      name: string;
      periodFrom: number;
      periodTo: number;
      differences: number;
      /** A few of the keys that differ, so the alert is actionable without opening the report. */
      sampleKeys: readonly string[];
    };

export type TelemetryEventType = TelemetryEvent['type'];
