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

/*
 * DHL Express (MyDHL API 2.7.0): the rate and shipment requests the connector writes, and the
 * answers it reads.
 */

/** POST /rates (`supermodelIoLogisticsExpressRateRequest`). */
export const RATE_REQUEST_FIELDS = defineFieldMapping({
  provider: DHL_PROVIDER,
  inbound: {},
  outbound: {
    from: 'customerDetails.shipperDetails',
    to: 'customerDetails.receiverDetails',
    accounts: 'accounts',
    plannedShippingAt: 'plannedShippingDateAndTime',
    unitSystem: 'unitOfMeasurement',
    customsDeclarable: 'isCustomsDeclarable',
    declaredValue: 'monetaryAmount',
    parcels: 'packages',
  },
});

/** One product of the /rates answer (`products[]`) and its prices (`totalPrice[]`). */
export const RATE_FIELDS = defineFieldMapping({
  provider: DHL_PROVIDER,
  inbound: {
    service: 'productCode',
    serviceName: 'productName',
    prices: 'totalPrice',
    transitDays: 'deliveryCapabilities.totalTransitDays',
  },
  outbound: {},
});

export const PRICE_FIELDS = defineFieldMapping({
  provider: DHL_PROVIDER,
  inbound: {
    currencyType: 'currencyType',
    currency: 'priceCurrency',
    amount: 'price',
  },
  outbound: {},
});

/** A package of either request (`supermodelIoLogisticsExpressPackageRR`, `...Package`), in the message's unit system. */
export const PACKAGE_FIELDS = defineFieldMapping({
  provider: DHL_PROVIDER,
  inbound: {},
  outbound: {
    weight: 'weight',
    length: 'dimensions.length',
    width: 'dimensions.width',
    height: 'dimensions.height',
  },
});

/** An address: the rate request takes it flat; a shipment's party nests it under `postalAddress`. */
export const EXPRESS_ADDRESS_FIELDS = defineFieldMapping({
  provider: DHL_PROVIDER,
  inbound: {},
  outbound: {
    line1: 'addressLine1',
    line2: 'addressLine2',
    line3: 'addressLine3',
    postalCode: 'postalCode',
    city: 'cityName',
    stateCode: 'provinceCode',
    country: 'countryCode',
  },
});

/** A shipper or receiver of POST /shipments (`customerDetails.shipperDetails` / `receiverDetails`). */
export const PARTY_FIELDS = defineFieldMapping({
  provider: DHL_PROVIDER,
  inbound: {},
  outbound: {
    address: 'postalAddress',
    name: 'contactInformation.fullName',
    company: 'contactInformation.companyName',
    phone: 'contactInformation.phone',
    email: 'contactInformation.email',
    eori: 'registrationNumbers',
  },
});

/** POST /shipments (`supermodelIoLogisticsExpressCreateShipmentRequest`). */
export const SHIPMENT_REQUEST_FIELDS = defineFieldMapping({
  provider: DHL_PROVIDER,
  inbound: {},
  outbound: {
    plannedShippingAt: 'plannedShippingDateAndTime',
    pickupRequested: 'pickup.isRequested',
    service: 'productCode',
    accounts: 'accounts',
    labelFormat: 'outputImageProperties.encodingFormat',
    reference: 'customerReferences',
    from: 'customerDetails.shipperDetails',
    to: 'customerDetails.receiverDetails',
    parcels: 'content.packages',
    customsDeclarable: 'content.isCustomsDeclarable',
    declaredValue: 'content.declaredValue',
    declaredCurrency: 'content.declaredValueCurrency',
    customs: 'content.exportDeclaration',
    description: 'content.description',
    incoterm: 'content.incoterm',
    unitSystem: 'content.unitOfMeasurement',
  },
});

/** The declaration (`content.exportDeclaration`) and its lines (`lineItems[]`). */
export const EXPORT_DECLARATION_FIELDS = defineFieldMapping({
  provider: DHL_PROVIDER,
  inbound: {},
  outbound: {
    contents: 'lineItems',
    invoiceNumber: 'invoice.number',
    invoiceDate: 'invoice.date',
  },
});

export const LINE_ITEM_FIELDS = defineFieldMapping({
  provider: DHL_PROVIDER,
  inbound: {},
  outbound: {
    number: 'number',
    description: 'description',
    unitValue: 'price',
    quantity: 'quantity.value',
    quantityUnit: 'quantity.unitOfMeasurement',
    hsCode: 'commodityCodes',
    originCountry: 'manufacturerCountry',
    netWeight: 'weight.netValue',
    grossWeight: 'weight.grossValue',
    exportReason: 'exportReasonType',
  },
});

/** The 201 of POST /shipments and its documents (`documents[]`). */
export const CREATED_SHIPMENT_FIELDS = defineFieldMapping({
  provider: DHL_PROVIDER,
  inbound: {
    id: 'shipmentTrackingNumber',
    pieces: 'packages',
    documents: 'documents',
    charges: 'shipmentCharges',
  },
  outbound: {},
});

/** A package of that 201 (`packages[]`): the piece's own number, apart from the AWB. */
export const CREATED_PIECE_FIELDS = defineFieldMapping({
  provider: DHL_PROVIDER,
  inbound: {
    trackingNumber: 'trackingNumber',
  },
  outbound: {},
});

export const DOCUMENT_FIELDS = defineFieldMapping({
  provider: DHL_PROVIDER,
  inbound: {
    type: 'typeCode',
    format: 'imageFormat',
    base64: 'content',
  },
  outbound: {},
});

/** A shipment of GET /tracking, as the lookup by reference reads it. */
export const TRACKED_SHIPMENT_FIELDS = defineFieldMapping({
  provider: DHL_PROVIDER,
  inbound: {
    id: 'shipmentTrackingNumber',
    references: 'shipperReferences',
  },
  outbound: {},
});

export const EXPRESS_PROBLEM_FIELDS = defineFieldMapping({
  provider: DHL_PROVIDER,
  inbound: {
    title: 'title',
    detail: 'detail',
    additionalDetails: 'additionalDetails',
  },
  outbound: {},
});

/** Query parameters of `GET /tracking` when it looks a shipment up by the reference it was created with. */
export const REFERENCE_LOOKUP_PARAMS = {
  reference: 'shipmentReference',
  referenceType: 'shipmentReferenceType',
  account: 'shipperAccountNumber',
  from: 'dateRangeFrom',
  to: 'dateRangeTo',
  view: 'trackingView',
  detail: 'levelOfDetail',
} as const;

/** Every mapping, titled as the README's field tables show them. */
export const DHL_FIELD_MAPPINGS = [
  { title: 'Shipment → Track', mapping: SHIPMENT_FIELDS },
  { title: 'Event → TrackingEvent', mapping: TRACKING_EVENT_FIELDS },
  { title: 'Shipments page', mapping: PAGE_FIELDS },
  { title: 'Problem → IntegrationError', mapping: PROBLEM_FIELDS },
  { title: 'RateRequest → Express rate request', mapping: RATE_REQUEST_FIELDS },
  { title: 'Express product → Rate', mapping: RATE_FIELDS },
  { title: 'Express price → Money', mapping: PRICE_FIELDS },
  { title: 'Parcel → Express package', mapping: PACKAGE_FIELDS },
  { title: 'Address → Express address', mapping: EXPRESS_ADDRESS_FIELDS },
  { title: 'Address → Express party', mapping: PARTY_FIELDS },
  { title: 'CreateShipmentInput → Express shipment request', mapping: SHIPMENT_REQUEST_FIELDS },
  { title: 'Customs → Express export declaration', mapping: EXPORT_DECLARATION_FIELDS },
  { title: 'CustomsItem → Express line item', mapping: LINE_ITEM_FIELDS },
  { title: 'Express created shipment → Shipment', mapping: CREATED_SHIPMENT_FIELDS },
  { title: 'Express created package → ShipmentPiece', mapping: CREATED_PIECE_FIELDS },
  { title: 'Express document → Label', mapping: DOCUMENT_FIELDS },
  { title: 'Express tracked shipment (lookup by reference)', mapping: TRACKED_SHIPMENT_FIELDS },
  { title: 'Express problem → IntegrationError', mapping: EXPRESS_PROBLEM_FIELDS },
] as const;
