import type { ProviderSimulator, WebhookEvent, WebhookPlan } from '@interlock/testkit/simulator';
import type { TrackingStatus } from '../tracking-status.js';

/**
 * A carrier simulated on the testkit's ProviderSimulator, with what the end-to-end run needs
 * beyond its HTTP API. Each logistics connector ships one under its `/testing` entry, so the same
 * run proves every carrier, and the hub's demo can use it as a built-in provider.
 */
export interface LogisticsSimulation {
  readonly provider: string;
  /** The running simulator: the run sets its fault scenario; the caller closes it. */
  readonly simulator: ProviderSimulator;
  /**
   * The carrier's next round of scans at the clock's time: every parcel not at the end of its
   * route moves one step, changing the carrier's state directly (never through the faulty API) and
   * recording a webhook event for each scan.
   */
  scan(): void;
  /** Carrier-shaped webhook events for the scans since the last call, oldest first. */
  takeWebhookEvents(): WebhookEvent[];
  /** Signs a delivery the way the carrier does, with the secret the connector verifies against. */
  readonly signWebhook: WebhookPlan['sign'];
  /** Labels the carrier really created, per caller reference: a count above 1 is a duplicate label. */
  labelsByReference(): ReadonlyMap<string, number>;
  /** Where a tracking number's route ends (its last scan's canonical status), or undefined for a number it never issued. */
  finalStatus(trackingNumber: string): TrackingStatus | undefined;
}
