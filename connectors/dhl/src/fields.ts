import { defineFieldMapping } from '@interlock/core';
import { DHL_PROVIDER } from './provider.js';

/*
 * DHL's field names (Shipment Tracking - Unified 1.4.1), declared once per object: transforms read
 * through these mappings only. The README shows each mapping as a table, and a test keeps the two equal.
 */

export const SHIPMENT_FIELDS = defineFieldMapping({
  provider: DHL_PROVIDER,
  inbound: {
    carrierShipmentId: 'id',
    service: 'service',
    latestEvent: 'status',
    events: 'events',
    estimatedDeliveryAt: 'estimatedTimeOfDelivery',
    weightValue: 'details.weight.value',
    weightUnit: 'details.weight.unitText',
  },
  outbound: {},
});

export const TRACKING_EVENT_FIELDS = defineFieldMapping({
  provider: DHL_PROVIDER,
  inbound: {
    code: 'statusCode',
    status: 'status',
    description: 'description',
    city: 'location.address.addressLocality',
    postalCode: 'location.address.postalCode',
    country: 'location.address.countryCode',
    occurredAt: 'timestamp',
  },
  outbound: {},
});

export const PAGE_FIELDS = defineFieldMapping({
  provider: DHL_PROVIDER,
  inbound: {
    shipments: 'shipments',
    nextUrl: 'nextUrl',
  },
  outbound: {},
});

export const PROBLEM_FIELDS = defineFieldMapping({
  provider: DHL_PROVIDER,
  inbound: {
    title: 'title',
    detail: 'detail',
  },
  outbound: {},
});

/** Query parameters of `GET /shipments`. */
export const TRACK_PARAMS = {
  trackingNumber: 'trackingNumber',
  offset: 'offset',
  limit: 'limit',
} as const;

/** Every mapping, titled as the README's field tables show them. */
export const DHL_FIELD_MAPPINGS = [
  { title: 'Shipment → Track', mapping: SHIPMENT_FIELDS },
  { title: 'Event → TrackingEvent', mapping: TRACKING_EVENT_FIELDS },
  { title: 'Shipments page', mapping: PAGE_FIELDS },
  { title: 'Problem → IntegrationError', mapping: PROBLEM_FIELDS },
] as const;
