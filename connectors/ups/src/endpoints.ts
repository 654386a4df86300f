import type { ContractEndpoint } from '@interlock/core';
import { UPS_RATE_LIMITS } from './limits.js';
import { UPS_API_VERSION, UPS_TRACK_ALERT_VERSION } from './provider.js';
import { subscriptionContract } from './wire/event.js';
import { trackResponseContract } from './wire/tracking.js';

/** Every endpoint the connector calls, by the name errors and telemetry carry. Paths from Tracking.yaml and UPSTrackAlert.yaml under `/api`. */
export const upsEndpoints = {
  track: {
    method: 'GET',
    path: `/api/track/${UPS_API_VERSION}/details/{inquiryNumber}`,
    rateLimits: UPS_RATE_LIMITS.track,
    response: trackResponseContract,
  } satisfies ContractEndpoint<typeof trackResponseContract.schema>,
  // Subscribing the same numbers twice renews them: no key is needed to retry it safely.
  subscribe: {
    method: 'POST',
    path: `/api/track/${UPS_TRACK_ALERT_VERSION}/subscription/standard/package`,
    rateLimits: UPS_RATE_LIMITS.subscribe,
    response: subscriptionContract,
    idempotent: true,
    idempotencyHeader: false,
  } satisfies ContractEndpoint<typeof subscriptionContract.schema>,
} as const;

export type UpsEndpoints = typeof upsEndpoints;

export type UpsEndpoint = keyof UpsEndpoints;
