import type { Clock } from '@interlock/core';
import type { UpsApi } from '../client.js';

/** What every operation is given: the api (each endpoint parsed by its contract), the clock, the Track Alert credentials and the scan zone. */
export interface UpsContext {
  readonly api: UpsApi;
  readonly clock: Clock;
  /** The credentials Track Alert pushes are checked against; two while one is rotated. */
  readonly webhookSecrets: readonly string[];
  /** The IANA zone zone-less scan times are read in. */
  readonly localZone: string;
}
