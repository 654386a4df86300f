import { defineFieldMapping } from '@interlock/core';
import { UPS_PROVIDER } from './provider.js';

/*
 * UPS's field names, declared once per object, from Tracking.yaml and UPSTrackAlert.yaml
 * (../shared/providers/ups/): transforms read through these mappings only. The README shows each
 * mapping as a table, and a test keeps the two equal.
 */

export const PACKAGE_FIELDS = defineFieldMapping({
  provider: UPS_PROVIDER,
  inbound: {
    trackingNumber: 'trackingNumber',
    activity: 'activity',
    service: 'service.description',
    weight: 'weight.weight',
    weightUnit: 'weight.unitOfMeasurement',
  },
  outbound: {},
});

export const ACTIVITY_FIELDS = defineFieldMapping({
  provider: UPS_PROVIDER,
  inbound: {
    type: 'status.type',
    code: 'status.code',
    description: 'status.description',
    date: 'date',
    time: 'time',
    gmtDate: 'gmtDate',
    gmtTime: 'gmtTime',
    gmtOffset: 'gmtOffset',
    city: 'location.address.city',
    postalCode: 'location.address.postalCode',
    country: 'location.address.countryCode',
  },
  outbound: {},
});

export const ALERT_FIELDS = defineFieldMapping({
  provider: UPS_PROVIDER,
  inbound: {
    trackingNumber: 'trackingNumber',
    type: 'activityStatus.type',
    code: 'activityStatus.code',
    gmtDate: 'gmtActivityDate',
    gmtTime: 'gmtActivityTime',
  },
  outbound: {},
});

export const SUBSCRIPTION_FIELDS = defineFieldMapping({
  provider: UPS_PROVIDER,
  inbound: {
    subscribed: 'validTrackingNumbers',
    refused: 'invalidTrackingNumbers',
  },
  outbound: {
    locale: 'locale',
    countryCode: 'countryCode',
    trackingNumbers: 'trackingNumberList',
  },
});

export const ERROR_FIELDS = defineFieldMapping({
  provider: UPS_PROVIDER,
  inbound: {
    code: 'response.errors.0.code',
    message: 'response.errors.0.message',
  },
  outbound: {},
});

/** The request headers UPS requires on every Tracking and Track Alert call. */
export const UPS_HEADERS = { transId: 'transId', transactionSrc: 'transactionSrc' } as const;

/** Every mapping, titled as the README's field tables show them. */
export const UPS_FIELD_MAPPINGS = [
  { title: 'Package → Track', mapping: PACKAGE_FIELDS },
  { title: 'Activity → TrackingEvent', mapping: ACTIVITY_FIELDS },
  { title: 'Track Alert push → read request', mapping: ALERT_FIELDS },
  { title: 'Track Alert subscription', mapping: SUBSCRIPTION_FIELDS },
  { title: 'Error body → IntegrationError', mapping: ERROR_FIELDS },
] as const;
