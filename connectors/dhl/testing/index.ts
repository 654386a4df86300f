import { convertWeight, weight, type Clock } from '@interlock/core';
import type { CreateShipmentInput, Shipment } from '@interlock/logistics';
import type { LogisticsSimulation } from '@interlock/logistics/testing';
import { ProviderSimulator } from '@interlock/testkit/simulator';
import { DHL_PROVIDER } from '../src/provider.js';
import { EXPRESS_PREFIX, EXPRESS_ROUTES, type ExpressState } from './express.js';
import { SimParcel } from './parcels.js';
import { QuotaCounter } from './quota.js';
import { ROUTES, type SimulationState } from './routes.js';

export interface DhlSimulationOptions {
  /** Shared with the connector under test, so scans and limits run in virtual time. */
  clock: Clock;
  /** Ids carry it, so a simulation started again with another seed never reuses a tracking number. */
  seed?: number;
}

/** DHL's tracking API and DHL Express (MyDHL API) simulated, plus labels a shipper buys elsewhere (a DHL portal). */
export interface DhlSimulation extends LogisticsSimulation {
  /** The simulated MyDHL API's base URL (the connector's `express.baseUrl`); the tracking API is at `simulator.url`. */
  readonly expressBaseUrl: string;
  /**
   * A label made outside this connector (a DHL portal, another service): one per reference (a
   * second call with the same reference returns the first), scanned `pre-transit` at once. Every
   * fourth number also holds an older, delivered shipment of another DHL service, as one number
   * can across services.
   */
  ship(input: CreateShipmentInput): Shipment;
}

const YEAR = 365 * 24 * 60 * 60_000;

function totalWeight(input: CreateShipmentInput) {
  const [first, ...rest] = input.parcels;
  if (first === undefined) return weight(0, 'g');
  return rest.reduce((sum, parcel) => weight(sum.value + convertWeight(parcel.weight, sum.unit).value, sum.unit), first.weight);
}

/**
 * DHL Shipment Tracking - Unified on 127.0.0.1: `GET /shipments` answers in the 1.4.1 spec's shape
 * (RFC 7807 errors, offset/limit pages with links, dates with and without zones), counts the
 * free plan's quota per key and answers 429 past it; `scan()` moves every parcel one step. Beside
 * it, under `/mydhlapi`, DHL Express's `POST /rates`, `POST /shipments` (whose AWBs the tracking
 * API then knows) and `GET /tracking` by reference, in the MyDHL API 2.7.0 shapes (testing/express.ts).
 * DHL sends no webhooks, so there are never any to take.
 */
export async function createDhlSimulation(options: DhlSimulationOptions): Promise<DhlSimulation> {
  const { clock } = options;
  const seed = options.seed ?? 1;
  const parcels = new Map<string, SimParcel[]>();
  const byReference = new Map<string, Shipment>();
  let made = 0;
  const state: SimulationState = { parcels, quota: new QuotaCounter(), now: () => clock.now() };
  const express: ExpressState = { parcels, shipments: [], labels: new Map(), nextIndex: () => made++, seed, now: () => clock.now() };
  const simulator = await ProviderSimulator.start({ clock, idempotencyHeader: false });
  for (const route of ROUTES) simulator.route(route.method, route.path, (request) => route.handle(state, request));
  for (const route of EXPRESS_ROUTES) simulator.route(route.method, route.path, (request) => route.handle(express, request));
  const live = (): SimParcel[] => [...parcels.values()].flatMap((list) => list.slice(0, 1));

  return {
    provider: DHL_PROVIDER,
    simulator,
    expressBaseUrl: `${simulator.url}${EXPRESS_PREFIX}`,
    scan() {
      const now = clock.now();
      for (const parcel of live()) parcel.advance(now);
    },
    takeWebhookEvents: () => [],
    // Nothing is ever signed: DHL has no webhook secret, and the connector refuses every delivery.
    signWebhook: () => ({}),
    labelsByReference: () => new Map([...express.labels, ...[...byReference.keys()].map((reference) => [reference, 1] as const)]),
    finalStatus(trackingNumber) {
      const parcel = parcels.get(trackingNumber)?.[0];
      return parcel?.atEnd === true ? parcel.finalStatus : undefined;
    },
    ship(input) {
      const earlier = byReference.get(input.reference);
      if (earlier !== undefined) return earlier;
      const index = made++;
      const now = clock.now();
      const trackingNumber = `00340434${String(seed).padStart(4, '0')}${String(index).padStart(8, '0')}`;
      const parcel = new SimParcel(trackingNumber, 'parcel-de', totalWeight(input), index, now);
      const list = [parcel];
      if (index % 4 === 3) {
        const older = new SimParcel(trackingNumber, 'express', weight(1, 'kg'), 0, now - YEAR);
        while (!older.atEnd) older.advance(now - YEAR);
        list.push(older);
      }
      parcels.set(trackingNumber, list);
      const shipment: Shipment = {
        id: trackingNumber,
        provider: DHL_PROVIDER,
        carrier: 'dhl',
        service: input.service,
        reference: input.reference,
        status: 'label_created',
        statusRaw: 'pre-transit',
        trackingNumbers: [trackingNumber],
        from: input.from,
        to: input.to,
        parcels: [...input.parcels],
        createdAt: now,
        updatedAt: now,
      };
      byReference.set(input.reference, shipment);
      return shipment;
    },
  };
}
