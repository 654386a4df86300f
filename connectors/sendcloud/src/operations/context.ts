import type { Clock } from '@interlock/core';
import type { SendcloudApi } from '../client.js';

/** What every operation is given: the api (each endpoint parsed by its contract), the clock and the webhook secrets. */
export interface SendcloudContext {
  readonly api: SendcloudApi;
  readonly clock: Clock;
  /** The secrets deliveries are verified with; two while one is rotated. */
  readonly webhookSecrets: readonly string[];
}

