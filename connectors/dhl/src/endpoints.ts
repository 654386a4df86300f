import type { ContractEndpoint } from '@interlock/core';
import { DHL_RATE_LIMITS } from './limits.js';
import { shipmentsContract } from './wire/tracking.js';

/**
 * Every endpoint the connector calls, by the name errors and telemetry carry: Shipment Tracking -
 * Unified has one, `GET /shipments?trackingNumber=…`, read-only and safe to retry.
 */
export const dhlEndpoints = {
  track: { method: 'GET', path: '/shipments', rateLimits: DHL_RATE_LIMITS.track, response: shipmentsContract } satisfies ContractEndpoint<typeof shipmentsContract.schema>,
} as const;

export type DhlEndpoints = typeof dhlEndpoints;

export type DhlEndpoint = keyof DhlEndpoints;
