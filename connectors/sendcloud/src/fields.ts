import { defineFieldMapping } from '@interlock/core';
import { SENDCLOUD_PROVIDER } from './provider.js';

/*
 * The provider's field names, declared once per object: transforms read and write through these
 * mappings only. Template value: every path, from the provider's spec (../shared/providers/) or
 * docs. The README shows each mapping as a table, and a test keeps the two equal.
 */

export const SHIPMENT_FIELDS = defineFieldMapping({
  provider: SENDCLOUD_PROVIDER,
  inbound: {
    id: 'id',
    reference: 'reference',
    carrier: 'carrier',
    service: 'service',
    status: 'status',
    trackingNumbers: 'tracking_numbers',
    from: 'from_address',
    to: 'to_address',
    parcels: 'parcels',
    labelFormat: 'label.format',
    labelUrl: 'label.url',
    priceAmount: 'price.amount',
    priceCurrency: 'price.currency',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
  },
  outbound: {
    reference: 'reference',
    service: 'service',
    from: 'from_address',
    to: 'to_address',
    parcels: 'parcels',
    customs: 'customs',
    labelFormat: 'label_format',
  },
});

export const ADDRESS_FIELDS = defineFieldMapping({
  provider: SENDCLOUD_PROVIDER,
  inbound: {
    name: 'name',
    company: 'company',
    line1: 'address_line_1',
    line2: 'address_line_2',
    houseNumber: 'house_number',
    postalCode: 'postal_code',
    city: 'city',
    stateCode: 'state_code',
    country: 'country_code',
    phone: 'phone',
    email: 'email',
  },
  outbound: {
    name: 'name',
    company: 'company',
    line1: 'address_line_1',
    line2: 'address_line_2',
    houseNumber: 'house_number',
    postalCode: 'postal_code',
    city: 'city',
    stateCode: 'state_code',
    country: 'country_code',
    phone: 'phone',
    email: 'email',
  },
});

export const PARCEL_FIELDS = defineFieldMapping({
  provider: SENDCLOUD_PROVIDER,
  inbound: {
    weight: 'weight',
    weightUnit: 'weight_unit',
  },
  outbound: {
    weight: 'weight',
    weightUnit: 'weight_unit',
    length: 'length',
    width: 'width',
    height: 'height',
    dimensionUnit: 'dimension_unit',
  },
});

export const CUSTOMS_FIELDS = defineFieldMapping({
  provider: SENDCLOUD_PROVIDER,
  inbound: {},
  outbound: {
    contentsType: 'contents_type',
    incoterm: 'incoterm',
    exporterEori: 'exporter_eori',
    importerEori: 'importer_eori',
    invoiceNumber: 'invoice_number',
    items: 'items',
  },
});

export const CUSTOMS_ITEM_FIELDS = defineFieldMapping({
  provider: SENDCLOUD_PROVIDER,
  inbound: {},
  outbound: {
    description: 'description',
    hsCode: 'hs_code',
    quantity: 'quantity',
    value: 'value',
    currency: 'currency',
    weight: 'weight',
    originCountry: 'origin_country',
  },
});

export const RATE_FIELDS = defineFieldMapping({
  provider: SENDCLOUD_PROVIDER,
  inbound: {
    carrier: 'carrier',
    service: 'service',
    serviceName: 'service_name',
    amount: 'amount',
    currency: 'currency',
    transitDays: 'transit_days',
    validUntil: 'valid_until',
  },
  outbound: {
    from: 'from_address',
    to: 'to_address',
    parcels: 'parcels',
    services: 'services',
    customs: 'customs',
  },
});

export const TRACKING_FIELDS = defineFieldMapping({
  provider: SENDCLOUD_PROVIDER,
  inbound: {
    trackingNumber: 'tracking_number',
    found: 'found',
    events: 'events',
  },
  outbound: {},
});

export const TRACKING_EVENT_FIELDS = defineFieldMapping({
  provider: SENDCLOUD_PROVIDER,
  inbound: {
    code: 'code',
    description: 'description',
    city: 'location.city',
    postalCode: 'location.postal_code',
    country: 'location.country_code',
    occurredAt: 'occurred_at',
  },
  outbound: {},
});

export const LIST_FIELDS = defineFieldMapping({
  provider: SENDCLOUD_PROVIDER,
  inbound: {
    items: 'data',
  },
  outbound: {},
});

export const EVENT_FIELDS = defineFieldMapping({
  provider: SENDCLOUD_PROVIDER,
  inbound: {
    id: 'id',
    type: 'type',
    createdAt: 'created_at',
    object: 'data.object',
  },
  outbound: {},
});

export const ERROR_FIELDS = defineFieldMapping({
  provider: SENDCLOUD_PROVIDER,
  inbound: {
    code: 'code',
    message: 'detail',
  },
  outbound: {},
});

/** Query parameters of the list endpoints. */
export const LIST_PARAMS = {
  pageSize: 'page_size',
  createdFrom: 'created_from',
  createdTo: 'created_to',
  reference: 'reference',
  trackingNumbers: 'tracking_numbers',
} as const;

/** Every mapping, titled as the README's field tables show them. */
export const SENDCLOUD_FIELD_MAPPINGS = [
  { title: 'Shipment → Shipment', mapping: SHIPMENT_FIELDS },
  { title: 'Address → Address', mapping: ADDRESS_FIELDS },
  { title: 'Parcel → Parcel', mapping: PARCEL_FIELDS },
  { title: 'Customs → customs declaration', mapping: CUSTOMS_FIELDS },
  { title: 'CustomsItem → declaration line', mapping: CUSTOMS_ITEM_FIELDS },
  { title: 'Rate → Rate', mapping: RATE_FIELDS },
  { title: 'Tracking → TrackingResult', mapping: TRACKING_FIELDS },
  { title: 'Scan → TrackingEvent', mapping: TRACKING_EVENT_FIELDS },
  { title: 'List page', mapping: LIST_FIELDS },
  { title: 'Webhook event', mapping: EVENT_FIELDS },
  { title: 'Error body → IntegrationError', mapping: ERROR_FIELDS },
] as const;
