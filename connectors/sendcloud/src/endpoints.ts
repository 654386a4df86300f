import type { Contract, ContractEndpoint } from '@interlock/core';
import type { z } from 'zod';
import { SENDCLOUD_RATE_LIMITS } from './limits.js';
import { cancellationContract, shipmentContract, shipmentListContract } from './wire/shipment.js';
import { trackingContract } from './wire/tracking.js';

const read = <S extends z.ZodTypeAny>(path: string, response: Contract<S>): ContractEndpoint<S> => ({
  method: 'GET',
  path,
  rateLimits: SENDCLOUD_RATE_LIMITS.read,
  response,
});

// Sendcloud takes no idempotency key: a create is made safe by its unique external_reference_id
// and a lookup (operations/shipments.ts), so no write is retried by the client on its own.
const write = <S extends z.ZodTypeAny>(path: string, response: Contract<S>): ContractEndpoint<S> => ({
  method: 'POST',
  path,
  rateLimits: SENDCLOUD_RATE_LIMITS.write,
  idempotencyHeader: false,
  response,
});

/**
 * Every endpoint the connector calls, by the name errors and telemetry carry, each path under the
 * API version it belongs to: v3-shipments.openapi.yml, and v2-tracking.openapi.yml for tracking.
 * v3's parcel tracking (v3-parcel-tracking.openapi.yml) shows one event `status_code`
 * ("accepted") and no list of them, and the `parent_status` sendcloud.dev says it answers is not
 * in its schema; every entry of v2 tracking carries the consolidated `parent_status`.
 */
export const sendcloudEndpoints = {
  // The synchronous announcement answers with the label and the tracking numbers; the
  // asynchronous POST /shipments answers before either exists (tracking_number '').
  createShipment: write('/v3/shipments/announce', shipmentContract),
  getShipment: read('/v3/shipments/{id}', shipmentContract),
  listShipments: read('/v3/shipments', shipmentListContract),
  cancelShipment: write('/v3/shipments/{id}/cancel', cancellationContract),
  track: read('/v2/tracking/{trackingNumber}', trackingContract),
} as const;

export type SendcloudEndpoints = typeof sendcloudEndpoints;

export type SendcloudEndpoint = keyof SendcloudEndpoints;
