import { parseInstant } from '@interlock/core';
import { resolveCarrierTime } from '@interlock/logistics';
import { DHL_PROVIDER } from '../provider.js';

/**
 * The IANA zone the carrier writes scan times in, without an offset. Template value: the zone the
 * carrier's documentation declares (a carrier that sends offsets needs none).
 */
export const DHL_TIME_ZONE = 'Europe/Amsterdam';

/** An instant the carrier sends as whole seconds since the epoch, in epoch ms. */
export function fromWireInstant(seconds: number, field: string): number {
  return parseInstant(seconds, { kind: 'unix_seconds' }, { provider: DHL_PROVIDER, field });
}

/** A scan's zone-less local time, resolved in the carrier's zone (DST gaps and overlaps as resolveCarrierTime documents). */
export function fromWireLocalTime(text: string, field: string): number {
  return resolveCarrierTime({ date: text, zone: DHL_TIME_ZONE }, { provider: DHL_PROVIDER, field });
}

/** A window bound in epoch ms as the carrier's whole seconds, rounded up so a window never reaches back before its start. */
export function toWireInstant(epochMs: number): number {
  return Math.ceil(epochMs / 1000);
}
