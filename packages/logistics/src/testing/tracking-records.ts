import { guardTransition, type GuardRefusal } from '@interlock/core';
import { isFinalTrackingStatus, trackingStatusMachine, type TrackingStatus } from '../tracking-status.js';

/** How a record learnt its state. */
export type Source = 'create' | 'webhook' | 'polling';

interface TrackingRecord {
  status: TrackingStatus;
  updatedAt: number;
  /** Every status applied, in order: what the no-backward check reads. */
  history: TrackingStatus[];
}

/**
 * Our side of the run: each tracking number's status as we last learnt it, written only through
 * the ordering guard, as the hub's workers do. Counts who settled each record and what the guard refused.
 */
export class TrackingRecords {
  private readonly records = new Map<string, TrackingRecord>();
  readonly settledBy: Record<Source, number> = { create: 0, webhook: 0, polling: 0 };
  readonly refused: Partial<Record<GuardRefusal, number>> = {};

  /** Applies a status learnt at `at`: whether the guard let it through, and whether the record became final by it. */
  apply(trackingNumber: string, status: TrackingStatus, at: number, source: Source): { applied: boolean; settled: boolean } {
    const current = this.records.get(trackingNumber);
    const decision = guardTransition(trackingStatusMachine, current && { status: current.status, updatedAt: current.updatedAt }, { status, occurredAt: at });
    if (!decision.apply) {
      this.refused[decision.reason] = (this.refused[decision.reason] ?? 0) + 1;
      return { applied: false, settled: false };
    }
    this.records.set(trackingNumber, { status, updatedAt: at, history: [...(current?.history ?? []), status] });
    const finalNow = isFinalTrackingStatus(status) && !(current && isFinalTrackingStatus(current.status));
    if (finalNow) this.settledBy[source]++;
    return { applied: true, settled: finalNow };
  }

  status(trackingNumber: string): TrackingStatus | undefined {
    return this.records.get(trackingNumber)?.status;
  }

  isFinal(trackingNumber: string): boolean {
    const status = this.status(trackingNumber);
    return status !== undefined && isFinalTrackingStatus(status);
  }

  /** Applied steps the tracking machine does not allow: zero unless something wrote around the guard. */
  backwardSteps(): number {
    let count = 0;
    for (const { history } of this.records.values()) {
      for (let i = 1; i < history.length; i++) {
        const [from, to] = [history[i - 1], history[i]];
        if (from === 'unknown' || to === 'unknown' || from === undefined || to === undefined || !trackingStatusMachine.canTransition(from, to)) count++;
      }
    }
    return count;
  }
}
