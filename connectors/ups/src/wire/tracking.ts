import { z } from 'zod';
import { wireContract } from './common.js';
import { STATUS_TYPE } from './status.js';

// Every object of Tracking.yaml's TrackApiResponse, every field optional as the spec has no `required`.
const text = z.string().optional();

const wireAddress = z.object({
  addressLine1: text,
  addressLine2: text,
  addressLine3: text,
  city: text,
  country: text,
  countryCode: text,
  postalCode: text,
  stateProvince: text,
});

export const wireStatus = z.object({
  code: text,
  description: text,
  simplifiedTextDescription: text,
  statusCode: text,
  type: STATUS_TYPE.schema.optional(),
});

/** One scan: `date` YYYYMMDD and `time` HHMMSS local and zone-less; `gmtDate` / `gmtTime` / `gmtOffset` beside them when UPS has them. */
export const wireActivity = z.object({
  date: text,
  time: text,
  gmtDate: text,
  gmtTime: text,
  gmtOffset: text,
  location: z.object({ address: wireAddress.optional(), slic: text }).optional(),
  status: wireStatus.optional(),
  logicalScan: z.boolean().optional(),
});

/** "Valid values: 'LBS' - pounds. 'KGS' - kilograms." The number is decimal text. */
export const wireWeight = z.object({ unitOfMeasurement: text, weight: text });

const numbered = z.object({ number: text, type: text });

export const wirePackage = z.object({
  trackingNumber: text,
  accessPointInformation: z.object({ pickupByDate: text }).optional(),
  activity: z.array(wireActivity).optional(),
  additionalAttributes: z.array(z.string()).optional(),
  additionalServices: z.array(z.string()).optional(),
  alternateTrackingNumber: z.array(numbered).optional(),
  currentStatus: wireStatus.optional(),
  deliveryDate: z.array(z.object({ date: text, type: text })).optional(),
  deliveryInformation: z
    .object({
      deliveryPhoto: z.object({ isNonPostalCodeCountry: z.boolean().optional(), photo: text, photoCaptureInd: text, photoDispositionCode: text }).optional(),
      location: text,
      receivedBy: text,
      signature: z.object({ image: text }).optional(),
      pod: z.object({ content: text }).optional(),
    })
    .optional(),
  deliveryTime: z.object({ endTime: text, startTime: text, type: text }).optional(),
  dimension: z.object({ height: text, length: text, unitOfDimension: text, width: text }).optional(),
  isSmartPackage: z.boolean().optional(),
  milestones: z
    .array(
      z.object({
        category: text,
        code: text,
        current: z.boolean().optional(),
        description: text,
        linkedActivity: text,
        state: text,
        subMilestone: z.object({ category: text }).optional(),
      }),
    )
    .optional(),
  packageAddress: z.array(z.object({ address: wireAddress.optional(), attentionName: text, name: text, type: text })).optional(),
  packageCount: z.number().int().optional(),
  paymentInformation: z
    .array(z.object({ amount: text, currency: text, id: text, paid: z.boolean().optional(), paymentMethod: text, type: text }))
    .optional(),
  referenceNumber: z.array(numbered).optional(),
  service: z.object({ code: text, description: text, levelCode: text }).optional(),
  statusCode: text,
  statusDescription: text,
  suppressionIndicators: z.array(z.string()).optional(),
  ucixStatus: text,
  weight: wireWeight.optional(),
});

export const wireShipment = z.object({
  inquiryNumber: text,
  package: z.array(wirePackage).optional(),
  userRelation: z.array(z.string()).optional(),
  warnings: z.array(z.object({ code: text, message: text })).optional(),
});

/**
 * `TrackApiResponse`: the answer of `GET /api/track/v1/details/{inquiryNumber}`. The spec marks
 * nothing required, but a 200 is "Tracking Information found": without `trackResponse.shipment`
 * it says nothing, and is refused as a broken contract rather than read as "not found".
 */
export const wireTrackResponse = z.object({ trackResponse: z.object({ shipment: z.array(wireShipment) }) });

export type WireTrackResponse = z.output<typeof wireTrackResponse>;
export type WirePackage = z.output<typeof wirePackage>;
export type WireActivity = z.output<typeof wireActivity>;
export type WireWeight = z.output<typeof wireWeight>;

export const trackResponseContract = wireContract('track_response', wireTrackResponse);
