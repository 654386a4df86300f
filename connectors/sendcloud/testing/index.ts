import { signWebhook, type Clock } from '@interlock/core';
import type { TrackingStatus } from '@interlock/logistics';
import type { LogisticsSimulation } from '@interlock/logistics/testing';
import { ProviderSimulator } from '@interlock/testkit/simulator';
import { SENDCLOUD_PROVIDER } from '../src/provider.js';
import { webhookScheme } from '../src/webhooks.js';
import { AccountLimits } from './limits.js';
import { ROUTES } from './routes.js';
import { byTrackingNumber, finalParent, scanAll } from './shipments.js';
import { EventLog, type SimShipment, type SimulationState } from './state.js';

/** The carrier and how often it refused a request for going over Sendcloud's documented limits. */
export interface SendcloudSimulation extends LogisticsSimulation {
  /** Requests answered 429 because the account went over a documented window (faults injected by a test are not counted). */
  throttled(): number;
}

export interface SendcloudSimulationOptions {
  /** Shared with the connector under test, so scans and delays run in virtual time. */
  clock: Clock;
  /** The secret deliveries are signed with; give the connector the same one. */
  webhookSecret: string;
  /** Ids and tracking numbers carry it, so a simulation started again with another seed never reuses one. */
  seed?: number;
}

/** Where a route ends as a canonical status, for the end-to-end run to compare with. */
const FINAL: Readonly<Record<string, TrackingStatus>> = { delivered: 'delivered', cancelled: 'canceled' };

/**
 * Sendcloud on 127.0.0.1, in its real shapes: v3 shipments announced synchronously (deduped by
 * `external_reference_id`), v2 tracking with each parcel's consolidated history, and a signed
 * `parcel_status_changed` webhook for every status a parcel takes on each `scan()`.
 */
export async function createSendcloudSimulation(options: SendcloudSimulationOptions): Promise<SendcloudSimulation> {
  const simulator = await ProviderSimulator.start({ clock: options.clock, idempotencyHeader: false });
  const state: SimulationState = { clock: options.clock, seed: (options.seed ?? 1) >>> 0, events: new EventLog(), shipments: new Map<string, SimShipment>() };
  const limits = new AccountLimits(options.clock);
  for (const route of ROUTES) simulator.route(route.method, route.path, (request) => limits.admit(route.method) ?? route.handle(state, request));
  return {
    provider: SENDCLOUD_PROVIDER,
    throttled: () => limits.refused,
    simulator,
    scan: () => scanAll(state),
    takeWebhookEvents: () => state.events.take(),
    signWebhook: (rawBody, _event, sentAt) => signWebhook(webhookScheme, { rawBody, secret: options.webhookSecret, timestamp: sentAt }),
    // An external reference Sendcloud keeps unique: a second shipment under one would be a label paid twice.
    labelsByReference() {
      const counts = new Map<string, number>();
      for (const shipment of state.shipments.values()) counts.set(shipment.reference, (counts.get(shipment.reference) ?? 0) + 1);
      return counts;
    },
    finalStatus(trackingNumber) {
      const shipment = byTrackingNumber(state, trackingNumber);
      return shipment === undefined ? undefined : FINAL[finalParent(shipment)];
    },
  };
}
