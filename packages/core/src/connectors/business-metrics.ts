import type { RecordState } from '../stores/integrity-store.js';
import type { TelemetryEvent } from '../telemetry/events.js';
import type { RecordChange } from './record-change.js';

/**
 * A count that only grows: events (`count`) or money (`minor_units`, integers of the currency the
 * series' `currency` label names, so an amount is never a float on its way to the metric).
 */
export interface BusinessCounter {
  kind: 'counter';
  /** Without the `interlock_<domain>_` prefix the hub gives it, e.g. `outcomes_total`. */
  name: string;
  help: string;
  unit: 'count' | 'minor_units';
  /** The labels its observations carry besides `provider`, which the hub adds. */
  labels: readonly string[];
}

/** A distribution of durations in seconds, in the buckets given. */
export interface BusinessHistogram {
  kind: 'histogram';
  name: string;
  help: string;
  labels: readonly string[];
  buckets: readonly number[];
}

/** A business metric as data: the hub registers it and exposes it without knowing the domain. */
export type BusinessMetric = BusinessCounter | BusinessHistogram;

/** One movement of a declared metric: a counter grows by `value`, a histogram observes it. */
export interface BusinessObservation {
  metric: string;
  labels: Readonly<Record<string, string>>;
  value: number;
}

/** A change the hub has just written, with the state it replaced. */
export interface AppliedChange {
  change: RecordChange;
  /** The record before this change; undefined for the first one the hub sees. */
  previous: RecordState | undefined;
  /** When the event carrying it reached the hub (webhook receipt or poll), epoch ms, our clock. */
  receivedAt: number;
}

/** The series of one counter summed over the labels `where` names (all of them when empty). */
export interface SeriesSelector {
  metric: string;
  where?: Readonly<Record<string, string>>;
}

/** A share a person reads on the console, e.g. succeeded payments over finished ones. */
export interface BusinessRate {
  title: string;
  part: SeriesSelector;
  whole: SeriesSelector;
  /** One share per value of this label (refunded over succeeded value, per currency). */
  by?: string;
}

/**
 * What one hub's observer of a domain sees. Only changes the hub wrote reach `observeChange`:
 * a duplicate, a stale or a backward change the applier refused never does.
 */
export interface BusinessObserver {
  observeChange?(applied: AppliedChange): readonly BusinessObservation[];
  /** What a provider call says about the business (a shipment created), for what the hub only sees as calls. */
  observeTelemetry?(event: TelemetryEvent): readonly BusinessObservation[];
}

/** How a domain tells whether its integrations deliver value, beside whether the APIs answer. */
export interface DomainMetrics {
  readonly definitions: readonly BusinessMetric[];
  readonly rates?: readonly BusinessRate[];
  /** A fresh observer for each hub: it may remember what it needs between events (a call in flight). */
  observer(): BusinessObserver;
}
