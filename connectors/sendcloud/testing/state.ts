import type { Clock } from '@interlock/core';
import type { WebhookEvent } from '@interlock/testkit/simulator';
import { sequenceId } from './replies.js';

/** One entry of a parcel's v2 tracking history (DetailedTrackingBlobStatus). */
export interface HistoryEntry {
  carrier_update_timestamp: string;
  parcel_status_history_id: string;
  parent_status: string;
  carrier_code: string;
  carrier_message: string;
}

/** A shipment as the simulated Sendcloud keeps it: the v3 body it answers with, and its parcel's tracking. */
export interface SimShipment {
  /** The v3 shipment-response, as GET /shipments/{id} answers it under `data`. */
  body: Record<string, unknown>;
  sequence: number;
  reference: string;
  trackingNumber: string;
  parcelId: number;
  createdAt: number;
  updatedAt: number;
  cancelled: boolean;
  /** Oldest first. */
  history: HistoryEntry[];
}

/** What the simulated routes share. */
export interface SimulationState {
  readonly clock: Clock;
  /** The simulation's seed, carried by the ids it makes. */
  readonly seed: number;
  readonly events: EventLog;
  readonly shipments: Map<string, SimShipment>;
}

/** Sendcloud's webhook bodies, oldest first. Sendcloud sends no event id; the simulator numbers deliveries for its own log. */
export class EventLog {
  private readonly events: WebhookEvent[] = [];
  private taken = 0;

  record(type: string, payload: Record<string, unknown>, at: number): void {
    this.events.push({ id: sequenceId('delivery', this.events.length + 1), type, payload, occurredAt: at });
  }

  /** The events recorded since the last call. */
  take(): WebhookEvent[] {
    const fresh = this.events.slice(this.taken);
    this.taken = this.events.length;
    return fresh;
  }
}
