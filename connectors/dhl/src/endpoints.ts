import type { ContractEndpoint } from '@interlock/core';
import { DHL_EXPRESS_RATE_LIMITS, DHL_RATE_LIMITS } from './limits.js';
import { createdShipmentContract } from './wire/express-shipment.js';
import { expressTrackingContract } from './wire/express-tracking.js';
import { ratesContract } from './wire/rates.js';
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

/**
 * The DHL Express (MyDHL API 2.7.0) endpoints, on their own base URL and credentials. MyDHL takes
 * no idempotency key on any of them. A quote is safe to repeat; a create is not, so the client
 * never repeats one on its own: operations/shipments.ts makes it safe by looking it up by reference.
 */
export const dhlExpressEndpoints = {
  rates: { method: 'POST', path: '/rates', idempotent: true, idempotencyHeader: false, rateLimits: DHL_EXPRESS_RATE_LIMITS.rates, response: ratesContract } satisfies ContractEndpoint<typeof ratesContract.schema>,
  createShipment: {
    method: 'POST',
    path: '/shipments',
    idempotencyHeader: false,
    rateLimits: DHL_EXPRESS_RATE_LIMITS.createShipment,
    response: createdShipmentContract,
  } satisfies ContractEndpoint<typeof createdShipmentContract.schema>,
  findByReference: { method: 'GET', path: '/tracking', rateLimits: DHL_EXPRESS_RATE_LIMITS.findByReference, response: expressTrackingContract } satisfies ContractEndpoint<
    typeof expressTrackingContract.schema
  >,
} as const;

export type DhlExpressEndpoints = typeof dhlExpressEndpoints;

export type DhlExpressEndpoint = keyof DhlExpressEndpoints;
