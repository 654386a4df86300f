import type { Clock } from '@interlock/core';
import type { DhlApi } from '../client.js';
import type { TrackingLedger } from './tracking-ledger.js';

/** What every operation is given: the api (each endpoint parsed by its contract), the clock and the tracking ledger. */
export interface DhlContext {
  readonly api: DhlApi;
  readonly clock: Clock;
  readonly ledger: TrackingLedger;
}
