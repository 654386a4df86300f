import type { ErrorKind, RateWindow, TelemetrySink } from '@interlock/core';
import type { FakeClock, FaultReply } from '@interlock/core/testing';

/** What every connector factory is given under test: the simulator's URL and a shared fake clock. */
export interface ConnectorTestEnv {
  baseUrl: string;
  clock: FakeClock;
  fetch: typeof fetch;
  telemetry: readonly TelemetrySink[];
}

/** One connector operation as the provider sees it. */
export interface SuiteOperation<C> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The simulator route pattern, e.g. `/v1/payments/:id`. */
  path: string;
  /** A success reply shaped like the provider's (take it from a fixture). */
  reply: FaultReply;
  call(connector: C): Promise<unknown>;
}

export interface DocumentedError {
  name: string;
  reply: FaultReply;
  kind: ErrorKind;
  /** Which operation returns it; default `read`. */
  operation?: 'read' | 'write';
}

/** Everything the shared suite needs to know about one connector. */
export interface ConnectorContractSpec<C> {
  provider: string;
  create(env: ConnectorTestEnv): C;
  /** Every credential value create() hands the connector: none may appear in an error or an event. */
  credentials: readonly string[];
  read: SuiteOperation<C>;
  /** An operation with side effects: every retry of it must carry the same idempotency key. */
  write?: SuiteOperation<C> & { idempotencyHeader: string };
  /** Every documented provider error, with the kind it must become. */
  errors: readonly DocumentedError[];
  /** The provider's documented limits for one operation. */
  limits?: { operation: 'read' | 'write'; windows: readonly RateWindow[] };
  /** A read reply whose shape drifted (new field, renamed optional field): reported, not fatal. */
  drift?: { reply: FaultReply };
  /** A read reply with a status the provider added since the connector was written. */
  unknownEnum?: { reply: FaultReply; raw: string };
}
