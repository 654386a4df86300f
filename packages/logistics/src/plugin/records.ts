/**
 * The record type shipments are tracked under, one record per tracking number (a multi-parcel
 * shipment is one record per parcel): the number is what every carrier's tracking, webhooks and
 * polling share, where shipment ids exist only at some.
 */
export const SHIPMENT_RECORD_TYPE = 'shipment';
