import type { Clock, IdempotencyStore } from '@interlock/core';
import type { DhlApi, DhlExpressApi } from '../client.js';
import type { TrackingLedger } from './tracking-ledger.js';

/** What the DHL Express operations are given: their own client, and the account shipments are billed to. */
export interface DhlExpressContext {
  readonly api: DhlExpressApi;
  readonly accountNumber: string;
  /** Where a caller's idempotency keys are remembered across restarts (the hub's store); without it a caller's key always looks first. */
  readonly idempotencyStore?: IdempotencyStore | undefined;
}

/**
 * What every operation is given: the tracking api (each endpoint parsed by its contract), the
 * clock, the tracking ledger, and DHL Express when its credentials were given.
 */
export interface DhlContext {
  readonly api: DhlApi;
  readonly clock: Clock;
  readonly ledger: TrackingLedger;
  readonly express?: DhlExpressContext | undefined;
}
