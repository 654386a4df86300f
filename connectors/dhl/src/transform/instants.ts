import { resolveCarrierTime } from '@interlock/logistics';
import { DHL_PROVIDER } from '../provider.js';

/**
 * The zone a zone-less DHL time is read in. DHL's spec types timestamps as a Date or a DateTime
 * and its own event example has no offset (`2018-03-02T07:53:47`) without saying which zone it
 * means; DHL Group's tracking platform is European (api-eu.dhl.com), so its local times are taken
 * as German time. A time that carries `Z` or an offset keeps it, whatever this says.
 */
export const DHL_TIME_ZONE = 'Europe/Berlin';

/** A DHL Date or DateTime, with or without a zone, as epoch ms (DST gaps and overlaps as resolveCarrierTime documents). */
export function fromWireTime(text: string, field: string): number {
  return resolveCarrierTime({ date: text, zone: DHL_TIME_ZONE }, { provider: DHL_PROVIDER, field });
}

/**
 * A time as MyDHL's `plannedShippingDateAndTime` takes it: a DateTime, a space and its GMT offset.
 * The spec's examples disagree on the space (`2020-03-24T13:00:00GMT+00:00` in the schema); its
 * field description and the format its own 400 names (`'2010-02-11T17:10:09 GMT+01:00'`) have it,
 * and the field's maxLength of 29 is exactly that form's length. Written in UTC with `GMT+00:00`,
 * so the instant is exact whatever the shipper's zone.
 */
export function toWirePlannedTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)} GMT+00:00`;
}

/** A calendar date (`YYYY-MM-DD`, UTC) as MyDHL's invoice date and tracking date ranges take it. */
export function toWireDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}
