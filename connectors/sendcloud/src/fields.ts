import { defineFieldMapping } from '@interlock/core';
import { SENDCLOUD_PROVIDER } from './provider.js';

/*
 * Sendcloud's field names, declared once per object: transforms read and write through these
 * mappings only. Shipments are v3's (v3-shipments.openapi.yml, components.schemas
 * shipment-request / shipment-response), tracking is v2's (v2-tracking.openapi.yml,
 * DetailedTrackingBlob), webhooks are the parcel status payload (v2-webhooks.openapi.yml and
 * v3-webhooks.openapi.yml, ParcelStatusChangedWebhook). The README shows each mapping as a table,
 * and a test keeps the two equal.
 */

export const SHIPMENT_FIELDS = defineFieldMapping({
  provider: SENDCLOUD_PROVIDER,
  inbound: {
    id: 'id',
    reference: 'external_reference_id',
    orderNumber: 'order_number',
    carrier: 'carrier.code',
    service: 'ship_with.properties.shipping_option_code',
    from: 'from_address',
    to: 'to_address',
    parcels: 'parcels',
    labelFormat: 'label_details.mime_type',
  },
  outbound: {
    // Unique per user at Sendcloud: a second create under it is refused with 409 (shipment-common-with-optional-fields).
    reference: 'external_reference_id',
    orderNumber: 'order_number',
    shipWith: 'ship_with.type',
    service: 'ship_with.properties.shipping_option_code',
    from: 'from_address',
    to: 'to_address',
    parcels: 'parcels',
    customs: 'customs_information',
    labelFormat: 'label_details.mime_type',
  },
});

/** One parcel of a v3 shipment (parcels-array-response, and sync-parcels-array-response's `label_file`). */
export const SHIPMENT_PARCEL_FIELDS = defineFieldMapping({
  provider: SENDCLOUD_PROVIDER,
  inbound: {
    status: 'status.code',
    trackingNumber: 'tracking_number',
    documents: 'documents',
    labelFile: 'label_file',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
  },
  outbound: {},
});

/** A document of a parcel (components.schemas.documents): `type` is deprecated for `document_type`. */
export const DOCUMENT_FIELDS = defineFieldMapping({
  provider: SENDCLOUD_PROVIDER,
  inbound: {
    documentType: 'document_type',
    deprecatedType: 'type',
    link: 'link',
  },
  outbound: {},
});

export const ADDRESS_FIELDS = defineFieldMapping({
  provider: SENDCLOUD_PROVIDER,
  inbound: {
    name: 'name',
    company: 'company_name',
    line1: 'address_line_1',
    line2: 'address_line_2',
    houseNumber: 'house_number',
    postalCode: 'postal_code',
    city: 'city',
    stateCode: 'state_province_code',
    country: 'country_code',
    phone: 'phone_number',
    email: 'email',
  },
  outbound: {
    name: 'name',
    company: 'company_name',
    line1: 'address_line_1',
    line2: 'address_line_2',
    houseNumber: 'house_number',
    postalCode: 'postal_code',
    city: 'city',
    stateCode: 'state_province_code',
    country: 'country_code',
    phone: 'phone_number',
    email: 'email',
  },
});

export const PARCEL_FIELDS = defineFieldMapping({
  provider: SENDCLOUD_PROVIDER,
  inbound: {
    weight: 'weight.value',
    weightUnit: 'weight.unit',
  },
  outbound: {
    weight: 'weight.value',
    weightUnit: 'weight.unit',
    length: 'dimensions.length',
    width: 'dimensions.width',
    height: 'dimensions.height',
    dimensionUnit: 'dimensions.unit',
    items: 'parcel_items',
  },
});

/** The declaration (customs-information): the incoterm travels in the shipping option code, not here. */
export const CUSTOMS_FIELDS = defineFieldMapping({
  provider: SENDCLOUD_PROVIDER,
  inbound: {},
  outbound: {
    invoiceNumber: 'invoice_number',
    contentsType: 'export_reason',
    senderTaxNumbers: 'tax_numbers.sender',
    receiverTaxNumbers: 'tax_numbers.receiver',
    importerTaxNumbers: 'tax_numbers.importer_of_record',
  },
});

/** One declared item, written on the parcel (parcel-item). */
export const CUSTOMS_ITEM_FIELDS = defineFieldMapping({
  provider: SENDCLOUD_PROVIDER,
  inbound: {},
  outbound: {
    description: 'description',
    hsCode: 'hs_code',
    quantity: 'quantity',
    value: 'price.value',
    currency: 'price.currency',
    weight: 'weight.value',
    weightUnit: 'weight.unit',
    originCountry: 'origin_country',
  },
});

export const TRACKING_FIELDS = defineFieldMapping({
  provider: SENDCLOUD_PROVIDER,
  inbound: {
    statuses: 'statuses',
  },
  outbound: {},
});

export const TRACKING_EVENT_FIELDS = defineFieldMapping({
  provider: SENDCLOUD_PROVIDER,
  inbound: {
    code: 'parent_status',
    description: 'carrier_message',
    occurredAt: 'carrier_update_timestamp',
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
    type: 'action',
    createdAt: 'timestamp',
    statusChangedAt: 'carrier_status_change_timestamp',
    parcel: 'parcel',
  },
  outbound: {},
});

/** The parcel a `parcel_status_changed` webhook carries (v2 parcel fields). */
export const EVENT_PARCEL_FIELDS = defineFieldMapping({
  provider: SENDCLOUD_PROVIDER,
  inbound: {
    trackingNumber: 'tracking_number',
    statusId: 'status.id',
    statusMessage: 'status.message',
    shipmentId: 'shipment_uuid',
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

/** Query parameters of GET /shipments (v3-shipments.openapi.yml). */
export const LIST_PARAMS = {
  pageSize: 'page_size',
  updatedAfter: 'updated_after',
  externalReference: 'external_reference_id',
} as const;

/** Every mapping, titled as the README's field tables show them. */
export const SENDCLOUD_FIELD_MAPPINGS = [
  { title: 'Shipment → Shipment', mapping: SHIPMENT_FIELDS },
  { title: 'Shipment parcel → Shipment', mapping: SHIPMENT_PARCEL_FIELDS },
  { title: 'Parcel document → Label', mapping: DOCUMENT_FIELDS },
  { title: 'Address → Address', mapping: ADDRESS_FIELDS },
  { title: 'Parcel → Parcel', mapping: PARCEL_FIELDS },
  { title: 'Customs information → customs declaration', mapping: CUSTOMS_FIELDS },
  { title: 'Parcel item → declaration line', mapping: CUSTOMS_ITEM_FIELDS },
  { title: 'Tracking → TrackingResult', mapping: TRACKING_FIELDS },
  { title: 'Tracking status → TrackingEvent', mapping: TRACKING_EVENT_FIELDS },
  { title: 'List page', mapping: LIST_FIELDS },
  { title: 'Webhook event', mapping: EVENT_FIELDS },
  { title: 'Webhook parcel → TrackingEvent', mapping: EVENT_PARCEL_FIELDS },
  { title: 'Error body → IntegrationError', mapping: ERROR_FIELDS },
] as const;
