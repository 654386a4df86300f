import { formatInstant, localInstantFormat, type Weight } from '@interlock/core';
import type { TrackingStatus } from '@interlock/logistics';
import { DHL_TIME_ZONE } from '../src/transform/instants.js';

/** One step of a route: DHL's normalised code and its free-text status, as in the spec's examples. */
interface Step {
  statusCode: string;
  status: string;
}

const step = (statusCode: string, status: string): Step => ({ statusCode, status });

/**
 * The routes parcels take, in turn by creation order, in the spec's codes. The third passes
 * through DHL's own `unknown`, which the connector keeps raw and alerts on.
 */
const ROUTES: readonly (readonly Step[])[] = [
  [step('pre-transit', 'SHIPMENT INFORMATION RECEIVED'), step('transit', 'PROCESSED AT HUB'), step('transit', 'WITH DELIVERY COURIER'), step('delivered', 'DELIVERED')],
  [step('pre-transit', 'SHIPMENT INFORMATION RECEIVED'), step('transit', 'PROCESSED AT HUB'), step('failure', 'customs inspection'), step('transit', 'CLEARED'), step('delivered', 'DELIVERED')],
  [step('pre-transit', 'SHIPMENT INFORMATION RECEIVED'), step('transit', 'PROCESSED AT HUB'), step('unknown', 'STATUS NOT AVAILABLE'), step('transit', 'ARRIVED AT DELIVERY FACILITY'), step('delivered', 'DELIVERED')],
];

/** DHL's final code as the canonical status the end-to-end run compares with. */
const FINAL: Readonly<Record<string, TrackingStatus>> = { delivered: 'delivered' };

const LOCAL = localInstantFormat(DHL_TIME_ZONE, { ambiguous: 'earlier' });

/**
 * A scan time in one of the forms the spec shows: a zone-less local DateTime (its events
 * example), a UTC one with `Z` (its status example), or one with an offset; all the same instant.
 */
function timestampOf(epochMs: number, form: number): string {
  const utc = new Date(epochMs).toISOString().slice(0, 19);
  if (form % 3 === 0) return formatInstant(epochMs, LOCAL);
  if (form % 3 === 1) return `${utc}Z`;
  const shifted = new Date(epochMs + 330 * 60_000).toISOString().slice(0, 19);
  return `${shifted}+05:30`;
}

export interface SimEvent {
  timestamp: string;
  statusCode: string;
  status: string;
  description: string;
  location: { address: { countryCode: string; postalCode: string; addressLocality: string } };
}

/** One parcel DHL carries: where it is on its route, and what it weighs as it was declared. */
export class SimParcel {
  private readonly route: readonly Step[];
  private readonly events: SimEvent[] = [];

  constructor(
    readonly trackingNumber: string,
    readonly service: string,
    readonly weight: Weight,
    routeIndex: number,
    at: number,
  ) {
    this.route = ROUTES[routeIndex % ROUTES.length] ?? [];
    this.advance(at);
  }

  get atEnd(): boolean {
    return this.events.length >= this.route.length;
  }

  get finalStatus(): TrackingStatus | undefined {
    return FINAL[this.route.at(-1)?.statusCode ?? ''];
  }

  /** The next scan, at `at`; nothing once the route has ended. */
  advance(at: number): void {
    const next = this.route[this.events.length];
    if (next === undefined) return;
    this.events.push({
      timestamp: timestampOf(at, this.events.length),
      statusCode: next.statusCode,
      status: next.status,
      description: next.status,
      location: { address: { countryCode: 'DE', postalCode: '53113', addressLocality: 'Bonn' } },
    });
  }

  /** The shipment as Shipment Tracking - Unified returns it: history oldest first, latest event as `status`. */
  toWire(): Record<string, unknown> {
    return {
      id: this.trackingNumber,
      service: this.service,
      origin: { address: { countryCode: 'DE', postalCode: '53113', addressLocality: 'Bonn' } },
      destination: { address: { countryCode: 'NL', postalCode: '1043 AG', addressLocality: 'Amsterdam' } },
      status: this.events.at(-1),
      details: {
        carrier: { '@type': 'Organization', organizationName: 'DHL' },
        product: { productName: 'DHL PAKET' },
        totalNumberOfPieces: 1,
        weight: { value: this.weight.value, unitText: this.weight.unit },
      },
      events: [...this.events],
    };
  }
}
