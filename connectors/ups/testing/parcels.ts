import { convertWeight, formatInstant, localInstantFormat, type Weight } from '@interlock/core';
import { carrierWeightText, type TrackingStatus } from '@interlock/logistics';

/** One scan of a route: UPS's activity status type and code, its padded description, and the canonical status the connector must read. */
export interface RouteStep {
  type: string;
  code: string;
  description: string;
  status: TrackingStatus | 'unknown';
}

// Types from UPSTrackAlert.yaml; the codes and descriptions of its two examples (OT, FS). The
// other codes are the simulation's own and carry their meaning in the type alone. Descriptions
// keep UPS's trailing space.
const LABEL: RouteStep = { type: 'M', code: 'MP', description: 'Shipper created a label, UPS has not received the package yet. ', status: 'label_created' };
const ORIGIN: RouteStep = { type: 'I', code: 'OR', description: 'Origin Scan ', status: 'in_transit' };
const DEPARTED: RouteStep = { type: 'I', code: 'DP', description: 'Departed from Facility ', status: 'in_transit' };
const OUT: RouteStep = { type: 'I', code: 'OT', description: 'Out for Delivery ', status: 'out_for_delivery' };
const DELIVERED: RouteStep = { type: 'D', code: 'FS', description: 'DELIVERED ', status: 'delivered' };
const EXCEPTION: RouteStep = { type: 'X', code: 'XA', description: 'The address is being checked. ', status: 'exception' };
const NEW_DATE: RouteStep = { type: 'U', code: 'UD', description: 'The delivery date has been updated. ', status: 'unknown' };
const VOIDED: RouteStep = { type: 'MV', code: 'MV', description: 'Label voided ', status: 'canceled' };
/** A type the specs do not list: what the connector must keep raw and alert on, never drop. */
export const UNLISTED: RouteStep = { type: 'P', code: 'PU', description: 'Pickup Scan ', status: 'unknown' };

/** The routes parcels take, in turn by creation order; each starts with the label scan at ship(). */
export const ROUTES: readonly (readonly RouteStep[])[] = [
  [LABEL, ORIGIN, DEPARTED, OUT, DELIVERED],
  [LABEL, UNLISTED, ORIGIN, EXCEPTION, DEPARTED, OUT, DELIVERED],
  [LABEL, ORIGIN, NEW_DATE, OUT, DELIVERED],
  [LABEL, VOIDED],
];

/** A parcel the simulated carrier holds. */
export interface SimParcel {
  trackingNumber: string;
  reference: string;
  weight: Weight;
  route: readonly RouteStep[];
  /** The steps scanned so far, oldest first, each with its instant. */
  scans: { step: RouteStep; at: number }[];
}

/**
 * The weight as Tracking.yaml's `weight`: decimal text in KGS for metric weights and LBS for
 * imperial ones, so 500 g is "0.500000" KGS and 2.5 oz "0.156250" LBS, converted exactly.
 */
export function wireWeight(weight: Weight): { unitOfMeasurement: string; weight: string } {
  const metric = weight.unit === 'g' || weight.unit === 'kg' || weight.unit === 'mg';
  return metric ? { unitOfMeasurement: 'KGS', weight: carrierWeightText(weight, 'kg', 6) } : { unitOfMeasurement: 'LBS', weight: carrierWeightText(convertWeight(weight, 'lb'), 'lb', 6) };
}

const compactDate = (iso: string): string => iso.slice(0, 10).replaceAll('-', '');
const compactTime = (iso: string): string => iso.slice(11, 19).replaceAll(':', '');

/**
 * One activity as Tracking.yaml shapes it. Local `date`/`time` always (zone-less, in the zone the
 * carrier scans in); every other parcel also carries `gmtDate`/`gmtTime`, the hour's leading zero
 * dropped as in the spec's own example ("74700").
 */
export function wireActivity(parcelIndex: number, scan: { step: RouteStep; at: number }, zone: string): Record<string, unknown> {
  const local = formatInstant(scan.at, localInstantFormat(zone, { ambiguous: 'earlier' }));
  const gmt = new Date(scan.at).toISOString();
  return {
    date: compactDate(local),
    time: compactTime(local),
    ...(parcelIndex % 2 === 0 ? { gmtDate: compactDate(gmt), gmtTime: String(Number(compactTime(gmt))) } : {}),
    location: { address: { city: 'ATLANTA', stateProvince: 'GA', countryCode: 'US', country: 'US' }, slic: '3037' },
    status: { type: scan.step.type, code: scan.step.code, description: scan.step.description, statusCode: '003' },
  };
}

/** `TrackApiResponse` for one parcel, activities newest first as UPS sends them. */
export function trackResponse(index: number, parcel: SimParcel, zone: string): Record<string, unknown> {
  return {
    trackResponse: {
      shipment: [
        {
          inquiryNumber: parcel.trackingNumber,
          package: [
            {
              trackingNumber: parcel.trackingNumber,
              service: { code: '003', description: 'UPS Ground ', levelCode: '003' },
              weight: wireWeight(parcel.weight),
              packageCount: 1,
              activity: [...parcel.scans].reverse().map((scan) => wireActivity(index, scan, zone)),
            },
          ],
        },
      ],
    },
  };
}

/** A Track Alert push (`TrackingEventRequest`) for one scan. */
export function alertBody(parcel: SimParcel, scan: { step: RouteStep; at: number }, zone: string): Record<string, unknown> {
  const local = formatInstant(scan.at, localInstantFormat(zone, { ambiguous: 'earlier' }));
  const gmt = new Date(scan.at).toISOString();
  return {
    trackingNumber: parcel.trackingNumber,
    localActivityDate: compactDate(local),
    localActivityTime: compactTime(local),
    activityLocation: { city: 'Atlanta', stateProvince: 'GA', country: 'US' },
    activityStatus: { type: scan.step.type, code: scan.step.code, description: scan.step.description.trim() },
    gmtActivityDate: compactDate(gmt),
    gmtActivityTime: compactTime(gmt),
  };
}

/** A UPS error body (`Response` in Tracking.yaml). */
export const upsError = (status: number, code: string, message: string) => ({ status, body: { response: { errors: [{ code, message }] } } });
