import type { Contract, ContractEndpoint } from '@interlock/core';
import type { z } from 'zod';
import { SENDCLOUD_RATE_LIMITS } from './limits.js';
import { rateListContract } from './wire/rate.js';
import { shipmentContract, shipmentListContract } from './wire/shipment.js';
import { trackingListContract } from './wire/tracking.js';

const read = <S extends z.ZodTypeAny>(path: string, response: Contract<S>): ContractEndpoint<S> => ({
  method: 'GET',
  path,
  rateLimits: SENDCLOUD_RATE_LIMITS.read,
  response,
});

// POSTs carry core's Idempotency-Key: one per operation, kept across its retries.
const write = <S extends z.ZodTypeAny>(path: string, response: Contract<S>): ContractEndpoint<S> => ({
  method: 'POST',
  path,
  rateLimits: SENDCLOUD_RATE_LIMITS.write,
  response,
});

/** Every endpoint the connector calls, by the name errors and telemetry carry. Template value: the carrier's paths. */
export const sendcloudEndpoints = {
  // A quote changes nothing at the carrier: retried freely, with no key.
  quoteRates: { ...write('/v1/rates', rateListContract), idempotent: true, idempotencyHeader: false },
  createShipment: write('/v1/shipments', shipmentContract),
  getShipment: read('/v1/shipments/{id}', shipmentContract),
  listShipments: read('/v1/shipments', shipmentListContract),
  cancelShipment: write('/v1/shipments/{id}/cancel', shipmentContract),
  track: read('/v1/tracking', trackingListContract),
} as const;

export type SendcloudEndpoints = typeof sendcloudEndpoints;

export type SendcloudEndpoint = keyof SendcloudEndpoints;
