import type { AppliedChange, BusinessObservation, BusinessObserver } from '../connectors/business-metrics.js';
import type { RecordChange } from '../connectors/record-change.js';
import { guardTransition } from '../state/guard.js';
import type { StateMachine } from '../state/state-machine.js';
import type { RecordState } from '../stores/integrity-store.js';
import type { TelemetryEvent } from '../telemetry/events.js';

/**
 * A domain's business-metric observer driven as the hub drives it, without a hub: each change
 * passes the ordering guard against the record's last applied state, and only an applied one is
 * observed (a duplicate, stale or backward change is refused first, as the hub's workers refuse
 * it). Sums and observations are then read per metric.
 */
export class BusinessMetricsProbe {
  private readonly records = new Map<string, RecordState>();
  private readonly seen: BusinessObservation[] = [];

  constructor(
    private readonly machine: StateMachine<string>,
    private readonly observer: BusinessObserver,
    private readonly provider = 'probe',
  ) {}

  /** Applies the change if the guard lets it through; true when it did. */
  apply(change: RecordChange, receivedAt: number = change.occurredAt): boolean {
    const key = `${change.recordType}\u0000${change.recordId}`;
    const previous = this.records.get(key);
    if (!guardTransition(this.machine, previous, change).apply) return false;
    const applied: AppliedChange = { change, previous, receivedAt };
    this.seen.push(...(this.observer.observeChange?.(applied) ?? []));
    const { recordType, recordId, status, occurredAt: updatedAt, snapshot } = change;
    this.records.set(key, { provider: this.provider, recordType, recordId, status, updatedAt, version: (previous?.version ?? 0) + 1, ...(snapshot === undefined ? {} : { snapshot }) });
    return true;
  }

  telemetry(event: TelemetryEvent): void {
    this.seen.push(...(this.observer.observeTelemetry?.(event) ?? []));
  }

  /** The values observed for a metric whose labels include `where`, in order. */
  values(metric: string, where: Readonly<Record<string, string>> = {}): number[] {
    return this.seen.filter((seen) => seen.metric === metric && Object.entries(where).every(([name, value]) => seen.labels[name] === value)).map((seen) => seen.value);
  }

  /** A counter's total over the series `where` selects. */
  total(metric: string, where: Readonly<Record<string, string>> = {}): number {
    return this.values(metric, where).reduce((sum, value) => sum + value, 0);
  }
}
