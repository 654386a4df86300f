import { openEnum } from '@interlock/core';

/**
 * The event's normalised `statusCode` (spec: pre-transit, transit, delivered, failure, unknown).
 * DHL's own `unknown` is documented but says nothing a status could be read from, so it is left
 * out of the known values on purpose: like any undocumented code it is kept raw and alerted on.
 */
export const STATUS_CODE = openEnum('dhl.status_code', ['pre-transit', 'transit', 'delivered', 'failure']);

/** The services a shipment can come from; the list grew across 1.3.x to 1.4.1 and may grow again. */
export const SERVICE = openEnum('dhl.service', ['freight', 'express', 'post-de', 'parcel-de', 'parcel-nl', 'parcel-pl', 'dsc', 'dgf', 'ecommerce', 'ecommerce-europe']);

export const REFERENCE_TYPE = openEnum('dhl.reference_type', [
  'customer-reference',
  'customer-confirmation-number',
  'local-tracking-number',
  'ecommerce-number',
  'housebill',
  'masterbill',
  'container-number',
  'shipment-id',
  'domestic-consignment-id',
  'reference',
]);

export const DESTINATION_PROVIDER = openEnum('dhl.destination_provider', [
  'oepag', 'express', 'parcel-bl', 'bpost', 'rapido', 'acs-courier', 'parcel-cz', 'freight', 'parcel-de', 'trans-o-flex',
  'bring', 'parcel-es', 'posti', 'relais-colis', 'colis-prive', 'freight-fr', 'chronopost', 'parcel-uk', 'hrvatska-posta',
  'magyar-posta', 'anpost', 'fastway', 'parcel-lu', 'parcel-be', 'parcel-nl', 'posta', 'slovak-parcel-service', 'parcel-pl',
  'parcel-pt', 'urgent-cargus',
]);
