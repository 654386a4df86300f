import { resolveCarrierTime } from '@interlock/logistics';
import { UPS_PROVIDER } from '../provider.js';

/** How UPS dates a scan: local `date` + `time` (zone-less), and the GMT fields and offset when it has them. */
export interface UpsScanTime {
  date?: string | undefined;
  time?: string | undefined;
  gmtDate?: string | undefined;
  gmtTime?: string | undefined;
  gmtOffset?: string | undefined;
}

// Tracking.yaml's example is "-05:00"; UPSTrackAlert.yaml's pattern is (-/+)HH.MM, "-04.00".
const OFFSET = /^([+-])(\d{1,2})[:.](\d{2})$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

// UPS times are HHMMSS with leading zeros dropped: "4948" is 00:49:48, never 49:48.
const sixDigits = (time: string): string => (/^\d{1,6}$/.test(time.trim()) ? time.trim().padStart(6, '0') : time.trim());

function isoOffset(offset: string): string | undefined {
  const match = OFFSET.exec(offset.trim());
  return match === null ? undefined : `${match[1]}${(match[2] ?? '').padStart(2, '0')}:${match[3]}`;
}

/**
 * A scan's instant, epoch ms. The GMT date and time win when both are there (read in UTC, so the
 * example's "74700", a leading zero lost, is 07:47:00, and "4948" is 00:49:48); then the local date and time with UPS's
 * offset; then the local date and time in `zone`, the caller's declared zone, with the DST policy
 * of `resolveCarrierTime` (a skipped time moves forward, a repeated one is the earlier).
 * Undefined when UPS sent no date at all.
 */
export function fromUpsTime(scan: UpsScanTime, zone: string, field: string): number | undefined {
  const ctx = { provider: UPS_PROVIDER, field };
  if (scan.gmtDate && scan.gmtTime) return resolveCarrierTime({ date: scan.gmtDate, time: sixDigits(scan.gmtTime), zone: 'UTC' }, ctx);
  if (!scan.date) return undefined;
  const offset = scan.gmtOffset === undefined ? undefined : isoOffset(scan.gmtOffset);
  const date = COMPACT_DATE.exec(scan.date.trim());
  if (offset !== undefined && date !== null && scan.time) {
    const time = sixDigits(scan.time);
    return resolveCarrierTime({ date: `${date[1]}-${date[2]}-${date[3]}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}${offset}`, zone }, ctx);
  }
  return resolveCarrierTime({ date: scan.date, time: scan.time === undefined ? undefined : sixDigits(scan.time), zone }, ctx);
}
