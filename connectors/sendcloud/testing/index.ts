import { signWebhook, type Clock } from '@interlock/core';
import type { TrackingStatus } from '@interlock/logistics';
import type { LogisticsSimulation } from '@interlock/logistics/testing';
import { ProviderSimulator } from '@interlock/testkit/simulator';
import { SENDCLOUD_PROVIDER } from '../src/provider.js';
import { webhookScheme } from '../src/webhooks.js';
import { quote } from './rates.js';
import { ROUTES } from './routes.js';
import { finalCode, scanAll, shipmentResource, trackingOf, type Scan } from './shipments.js';
import { AccountLimits } from './limits.js';
import { EventLog, type SimulationState } from './state.js';

/** The simulated carrier, and how often it refused a request for going over Sendcloud's documented limits. */
export interface SendcloudSimulation extends LogisticsSimulation {
  /** Requests answered 429 because the account went over a documented window (faults injected by a test are not counted). */
  throttled(): number;
}

export interface SendcloudSimulationOptions {
  /** Shared with the connector under test, so scans and delays run in virtual time. */
  clock: Clock;
  /** The secret deliveries are signed with; give the connector the same one. */
  webhookSecret: string;
}

/** The carrier's final codes as canonical statuses, for the end-to-end run to compare with. */
const FINAL: Readonly<Record<string, TrackingStatus>> = { delivered: 'delivered', returned: 'returned_to_sender', cancelled: 'canceled' };

/**
 * Sendcloud on 127.0.0.1: labels are bought with an Idempotency-Key, each parcel is scanned along
 * its route on every `scan()`, and every scan is a webhook event signed the carrier's way.
 */
export async function createSendcloudSimulation(options: SendcloudSimulationOptions): Promise<SendcloudSimulation> {
  const events = new EventLog();
  const scans = new Map<string, Scan[]>();
  const simulator = await ProviderSimulator.start({ clock: options.clock, resources: [shipmentResource(scans)] });
  const state: SimulationState = { clock: options.clock, events, shipments: simulator.resource('shipment'), scans };
  const limits = new AccountLimits(options.clock);
  simulator.route('POST', '/v1/rates', (request) => limits.admit('POST') ?? quote(state, request));
  for (const route of ROUTES) simulator.route(route.method, route.path, (request) => limits.admit(route.method) ?? route.handle(state, request));
  return {
    provider: SENDCLOUD_PROVIDER,
    throttled: () => limits.refused,
    simulator,
    scan: () => scanAll(state),
    takeWebhookEvents: () => events.take(),
    signWebhook: (rawBody, _event, sentAt) => signWebhook(webhookScheme, { rawBody, secret: options.webhookSecret, timestamp: sentAt }),
    // Creates are deduped by Idempotency-Key, so two labels under one caller reference are a label paid twice.
    labelsByReference() {
      const counts = new Map<string, number>();
      for (const shipment of state.shipments.list()) {
        const reference = String(shipment['reference']);
        counts.set(reference, (counts.get(reference) ?? 0) + 1);
      }
      return counts;
    },
    finalStatus(trackingNumber) {
      const shipment = trackingOf(state, trackingNumber);
      return shipment === undefined ? undefined : FINAL[finalCode(shipment)];
    },
  };
}
