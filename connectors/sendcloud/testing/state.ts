import type { Clock } from '@interlock/core';
import type { ProviderSimulator, SimObject, WebhookEvent } from '@interlock/testkit/simulator';
import { seconds, sequenceId } from './replies.js';
import type { Scan } from './shipments.js';

/** One of the simulator's stateful resources. */
export type Resource = ReturnType<ProviderSimulator['resource']>;

/** What the simulated routes share. */
export interface SimulationState {
  readonly clock: Clock;
  readonly events: EventLog;
  readonly shipments: Resource;
  /** Each shipment's scans by its id, oldest first: the carrier's tracking, kept beside the shipments. */
  readonly scans: Map<string, Scan[]>;
}

/** The carrier's webhook events in the shape it sends them, oldest first. */
export class EventLog {
  private readonly events: WebhookEvent[] = [];
  private taken = 0;

  /** Records that `object` changed at `at`, as an event of `type`. */
  record(type: string, object: SimObject, at: number): void {
    const id = sequenceId('evt', this.events.length + 1);
    const payload = { id, object: 'event', type, created_at: seconds(at), data: { object: structuredClone(object) } };
    this.events.push({ id, type, payload, occurredAt: at });
  }

  /** The events recorded since the last call. */
  take(): WebhookEvent[] {
    const fresh = this.events.slice(this.taken);
    this.taken = this.events.length;
    return fresh;
  }
}
