import { statusMap, type OpenEnumValue } from '@interlock/core';
import type { TrackingStatus } from '@interlock/logistics';
import { STATUS_TYPE } from '../wire/status.js';

/**
 * UPS's status types per canonical status (UPSTrackAlert.yaml's FAQ). D is "loaded on delivery
 * vehicle, out for delivery, delivered", so a D is only out for delivery unless its code says
 * delivered; U (a new delivery date) changes no state and is left out, as `unknown` with its type
 * kept, so it never moves a track. Nothing in the specs says "returned to sender".
 */
export const STATUS_MAP = statusMap(STATUS_TYPE, {
  label_created: ['M'],
  in_transit: ['I'],
  out_for_delivery: ['D'],
  exception: ['X'],
  canceled: ['MV'],
});

/**
 * The activity codes whose meaning the specs show, which refine the type: the Track Alert
 * examples' `OT` "Out for Delivery" (sent with type I) and `FS` "Delivered" (type D).
 */
export const CODE_STATUS: Readonly<Record<string, TrackingStatus>> = { OT: 'out_for_delivery', FS: 'delivered' };

/** Types UPS documents that carry no state change: not alerted as unknown. */
const NO_STATE: ReadonlySet<string> = new Set(['U']);

type StatusType = (typeof STATUS_TYPE.values)[number];

/** A scan's canonical status and the raw code kept beside it (`type/code`, or the type alone). */
export function toTrackingStatus(type: OpenEnumValue<StatusType> | undefined, code: string | undefined): { status: TrackingStatus; raw: string } {
  const rawType = type === undefined ? '' : type.known ? type.value : type.raw;
  const raw = code === undefined || code === '' ? rawType : `${rawType}/${code}`;
  const byCode = code === undefined ? undefined : CODE_STATUS[code];
  if (byCode !== undefined && rawType !== 'MV') return { status: byCode, raw };
  if (type === undefined || NO_STATE.has(rawType)) return { status: 'unknown', raw };
  return { status: STATUS_MAP.map(type).status, raw };
}
