import type { GeneratedFile, TemplateContext } from '../template.js';

/** The stand-in carrier's status codes, used both for a shipment's status and for a scan's code. */
export const STATUS_CODES = ['created', 'in_transit', 'out_for_delivery', 'delivery_failed', 'ready_for_pickup', 'exception', 'delivered', 'returned', 'cancelled'] as const;

/**
 * src/wire/: the stand-in carrier's contracts, one file per resource. Every field it sends is
 * listed (an unlisted one is reported as drift); codes are open enums (an unknown one is kept raw
 * and alerted on, never a failure).
 */
export function wireFiles({ names }: TemplateContext): GeneratedFile[] {
  const { constant, id } = names;
  const note = (resource: string, remark = ''): string =>
    `/** The carrier's ${resource} as the pinned version sends it${remark}. Template value: its shape, from the carrier's spec or docs. */`;
  return [
    {
      path: 'src/wire/address.ts',
      content: `import { z } from 'zod';

${note('address')}
export const wireAddress = z.object({
  name: z.string(),
  company: z.string().nullable(),
  address_line_1: z.string(),
  address_line_2: z.string().nullable(),
  house_number: z.string().nullable(),
  postal_code: z.string().nullable(),
  city: z.string(),
  state_code: z.string().nullable(),
  country_code: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

export type WireAddress = z.output<typeof wireAddress>;
`,
    },
    {
      path: 'src/wire/status.ts',
      content: `import { openEnum } from '@interlock/core';

/** The carrier's status codes, on shipments and on scans alike. Template value: the carrier's documented list. */
export const STATUS_CODE = openEnum('${id}.status_code', [${STATUS_CODES.map((code) => `'${code}'`).join(', ')}]);
`,
    },
    {
      path: 'src/wire/shipment.ts',
      content: `import { z } from 'zod';
import { wireAddress } from './address.js';
import { listOf, wireContract } from './envelope.js';
import { STATUS_CODE } from './status.js';

${note('shipment', ', weights as decimal text')}
export const wireShipment = z.object({
  id: z.string(),
  object: z.literal('shipment'),
  reference: z.string(),
  carrier: z.string(),
  service: z.string(),
  status: STATUS_CODE.schema,
  tracking_numbers: z.array(z.string()),
  from_address: wireAddress,
  to_address: wireAddress,
  parcels: z.array(z.object({ weight: z.string(), weight_unit: z.string() })),
  label: z.object({ format: z.string(), url: z.string() }).nullable(),
  price: z.object({ amount: z.number().int(), currency: z.string() }).nullable(),
  created_at: z.number().int(),
  updated_at: z.number().int(),
});

export type WireShipment = z.output<typeof wireShipment>;

export const shipmentContract = wireContract('shipment', wireShipment);
export const shipmentListContract = wireContract('shipment_list', listOf(wireShipment));
`,
    },
    {
      path: 'src/wire/rate.ts',
      content: `import { z } from 'zod';
import { listOf, wireContract } from './envelope.js';

${note('rate', ', amounts in minor units')}
export const wireRate = z.object({
  id: z.string(),
  object: z.literal('rate'),
  carrier: z.string(),
  service: z.string(),
  service_name: z.string().nullable(),
  amount: z.number().int(),
  currency: z.string(),
  transit_days: z.number().int().nullable(),
  valid_until: z.number().int(),
});

export type WireRate = z.output<typeof wireRate>;

export const rateListContract = wireContract('rate_list', listOf(wireRate));
`,
    },
    {
      path: 'src/wire/tracking.ts',
      content: `import { z } from 'zod';
import { listOf, wireContract } from './envelope.js';
import { STATUS_CODE } from './status.js';

${note('scan', ', its time local and without an offset')}
export const wireTrackingEvent = z.object({
  code: STATUS_CODE.schema,
  description: z.string(),
  location: z.object({ city: z.string().nullable(), postal_code: z.string().nullable(), country_code: z.string().nullable() }).nullable(),
  occurred_at: z.string(),
});

${note('answer for one tracking number')}
export const wireTracking = z.object({
  tracking_number: z.string(),
  found: z.boolean(),
  events: z.array(wireTrackingEvent),
});

export type WireTracking = z.output<typeof wireTracking>;
export type WireTrackingEvent = z.output<typeof wireTrackingEvent>;

export const trackingContract = wireContract('tracking', wireTracking);
export const trackingListContract = wireContract('tracking_list', listOf(wireTracking));
`,
    },
    {
      path: 'src/wire/index.ts',
      content: `import { errorContract } from './error.js';
import { eventContract } from './event.js';
import { rateListContract } from './rate.js';
import { shipmentContract, shipmentListContract } from './shipment.js';
import { trackingContract, trackingListContract } from './tracking.js';

export { wireAddress, type WireAddress } from './address.js';
export { errorContract, wireError, type WireError } from './error.js';
export { eventContract, wireEvent, type WireEvent } from './event.js';
export { rateListContract, wireRate, type WireRate } from './rate.js';
export { shipmentContract, shipmentListContract, wireShipment, type WireShipment } from './shipment.js';
export { STATUS_CODE } from './status.js';
export { trackingContract, trackingListContract, wireTracking, wireTrackingEvent, type WireTracking, type WireTrackingEvent } from './tracking.js';

/** Every contract by the name recorded fixtures give it, so a fixture's body is checked as it loads. */
export const ${constant}_CONTRACTS = {
  shipment: shipmentContract,
  shipment_list: shipmentListContract,
  rate_list: rateListContract,
  tracking: trackingContract,
  tracking_list: trackingListContract,
  event: eventContract,
  error: errorContract,
} as const;
`,
    },
  ];
}
