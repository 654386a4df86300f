import type { FaultReply, SimulatorRequest } from '@interlock/testkit/simulator';
import { TRACK_PARAMS } from '../src/fields.js';
import type { QuotaCounter } from './quota.js';
import type { SimParcel } from './parcels.js';
import { problem } from './replies.js';

/** What the routes read: every parcel under its tracking number (several when DHL holds one per service), and the quota. */
export interface SimulationState {
  readonly parcels: ReadonlyMap<string, readonly SimParcel[]>;
  readonly quota: QuotaCounter;
  now(): number;
}

/** The spec's default `limit`. */
const DEFAULT_LIMIT = 5;

/** GET /shipments: every shipment under the number, paged by offset/limit with the spec's links. */
export function trackShipments(state: SimulationState, request: SimulatorRequest): FaultReply {
  const instance = '/shipments';
  const key = request.headers['dhl-api-key'];
  if (key === undefined || key === '') return problem(401, 'Unauthorized', 'Invalid or missing API key.', instance);
  if (!state.quota.admit(key, state.now())) return problem(429, 'Too Many Requests', 'The daily or per-minute limit of this API key is spent.', instance);
  const number = request.searchParams.get(TRACK_PARAMS.trackingNumber) ?? '';
  const parcels = state.parcels.get(number) ?? [];
  if (parcels.length === 0) return problem(404, 'No result found', 'No shipment with given tracking number found.', `/shipment/${number}`);
  const offset = Number(request.searchParams.get(TRACK_PARAMS.offset) ?? 0);
  const limit = Number(request.searchParams.get(TRACK_PARAMS.limit) ?? DEFAULT_LIMIT);
  const link = (at: number): string => `/shipments?trackingNumber=${number}&offset=${at}&limit=${limit}`;
  const lastOffset = Math.max(0, Math.floor((parcels.length - 1) / limit) * limit);
  return {
    status: 200,
    body: {
      url: link(offset),
      firstUrl: link(0),
      lastUrl: link(lastOffset),
      ...(offset > 0 ? { prevUrl: link(Math.max(0, offset - limit)) } : {}),
      ...(offset + limit < parcels.length ? { nextUrl: link(offset + limit) } : {}),
      shipments: parcels.slice(offset, offset + limit).map((parcel) => parcel.toWire()),
    },
  };
}

/** The simulated routes as data: Shipment Tracking - Unified has one. */
export const ROUTES = [{ method: 'GET', path: '/shipments', handle: trackShipments }] as const;
