import { resolveCarrierTime } from '@interlock/logistics';
import { SENDCLOUD_PROVIDER } from '../provider.js';

/**
 * The zone Sendcloud's zone-less times (`date_created`, "2019-02-03T06:48:07" in the webhook
 * examples, a parcel's `created_at` "2018-01-01T21:45:30" in v3-shipments.openapi.yml's failed
 * announcement, "01-01-2018 21:45:30" in v2-parcels.openapi.yml) are read in. Neither spec names it;
 * Sendcloud is run from Eindhoven and its panel shows these times as Dutch local time, so this is
 * the connector's declared assumption (RUNBOOK.md says what to do if a carrier's times disagree).
 */
export const SENDCLOUD_TIME_ZONE = 'Europe/Amsterdam';

/** v2-parcels' day-first form: `DD-MM-YYYY HH:MM:SS`. */
const DAY_FIRST = /^(\d{2})-(\d{2})-(\d{4})[ T](\d{2}:\d{2}(?::\d{2})?)$/;
/** v2-tracking's form: a space between date and time, microseconds, an offset. */
const SPACED = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})/;
const MICROSECONDS = /(\.\d{3})\d+/;

/**
 * Any of Sendcloud's text times as epoch ms: v3's ISO 8601 with `Z` or an offset and v2 tracking's
 * `2022-01-25 14:42:03.277703+00:00` keep their offset; a zone-less time, ISO or day-first, is
 * resolved in {@link SENDCLOUD_TIME_ZONE} (DST gaps and overlaps as resolveCarrierTime documents).
 */
export function fromWireLocalTime(text: string, field: string): number {
  const trimmed = text.trim();
  const dayFirst = DAY_FIRST.exec(trimmed);
  const iso = dayFirst === null ? trimmed.replace(SPACED, '$1T$2').replace(MICROSECONDS, '$1') : `${dayFirst[3]}-${dayFirst[2]}-${dayFirst[1]}T${dayFirst[4]}`;
  return resolveCarrierTime({ date: iso, zone: SENDCLOUD_TIME_ZONE }, { provider: SENDCLOUD_PROVIDER, field });
}

/** An instant as the ISO 8601 text v3's list filters take (`updated_after`, v3-shipments.openapi.yml), in UTC. */
export function toWireIsoTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
