import type { Clock } from '../clock/clock.js';
import type { ReconciliationJob } from '../reconciliation/job.js';
import type { StateMachine } from '../state/state-machine.js';
import type { IntegrityStore } from '../stores/integrity-store.js';
import type { Emit } from '../telemetry/telemetry.js';
import type { DomainMetrics } from './business-metrics.js';
import type { EventInterpreter } from './record-change.js';

/** One read of a record from the provider, for the poller. */
export interface PolledRecord {
  status: string;
  /** Epoch ms of the provider's last change. */
  updatedAt: number;
  /** The canonical record as read (JSON), kept as the record's snapshot when applied. */
  snapshot?: string;
}

/** What a provider answered when asked to push changes of some records: the ids it took and the ids it refused. */
export interface WatchOutcome {
  watched: string[];
  refused: string[];
}

/**
 * For providers that push changes only for the records subscribed to, for a limited time (a
 * carrier's tracking alerts): the hub's poller subscribes a record when it starts following it,
 * lets it go when it stops (settled or given up), and asks for renewals every hour. Polling
 * carries every record either way, so a refusal or a failure here only loses the faster path.
 */
export interface RecordWatching<C> {
  watch(connector: C, recordIds: readonly string[]): Promise<WatchOutcome>;
  unwatch(connector: C, recordId: string): void;
  /** Renews the subscriptions that lapse soon; the provider's side decides which those are. */
  renew(connector: C): Promise<WatchOutcome>;
}

/** How a domain's records are polled until they settle, so a lost webhook delays a record instead of stranding it. */
export interface RecordPolling<C> {
  recordType: string;
  isSettled(status: string): boolean;
  read(connector: C, recordId: string, signal?: AbortSignal): Promise<PolledRecord>;
  /**
   * What a read's change is dated with, for the stale guard. `provider`: the record's `updatedAt`,
   * for providers that time every change themselves (a carrier's scan), so a read says when the
   * change happened and an old state read late loses to a newer one. `read` (the default): the
   * time the read was asked for, for providers that keep no time of their last change (a payment's
   * refund), whose read is at least that new (not the time it arrived: a change the provider made
   * while the read waited or travelled would look stale against it). Either way the read's arrival
   * is its received time.
   */
  readonly changeTime?: 'provider' | 'read';
  /** Present where some of the domain's providers push changes only for the records subscribed to. */
  readonly watching?: RecordWatching<C>;
  /**
   * How long one of the domain's records may stay unsettled before the poller gives up on it and
   * reports it, where the hub's config names no limit: a payment settles within hours, a parcel
   * can be on its way for weeks. Default 24.
   */
  readonly openForHours?: number;
}

/** What a domain's reconciliation job is given for one provider. */
export interface ReconciliationJobContext<C> {
  /** The name the hub stores this provider's records under. */
  provider: string;
  connector: C;
  integrity: IntegrityStore;
  clock: Clock;
  /** How long after a change the provider's reports show it (the connector's `reportingLagMs`). */
  reportingLagMs: number;
  emit?: Emit;
}

/**
 * What the hub needs from a domain (payments, logistics, …) to run any of its connectors: the
 * records it keeps, the state machine that orders them, how verified events become record changes,
 * how records are polled, and the reconciliation job where the domain has one. The hub loops over
 * these; it never names a domain.
 */
export interface DomainPlugin<C> {
  /** e.g. `payments`. */
  readonly name: string;
  /** The record types its interpreter writes. */
  readonly recordTypes: readonly string[];
  /** The main record's lifecycle (which status may follow which). */
  readonly machine: StateMachine<string>;
  interpreter(connector: C): EventInterpreter;
  readonly polling?: RecordPolling<C>;
  reconciliation?(context: ReconciliationJobContext<C>): ReconciliationJob;
  /** Its business metrics (success rates, money, lags), exposed by the hub per provider. */
  readonly metrics?: DomainMetrics;
  /**
   * How the hub holds each connector of this domain, where the domain shares work between its
   * callers (a cache of quotes): the hub's callers and its poller use what this returns. The
   * workers' interpreter keeps the connector as created, since an event that asks for a read asks
   * for the provider's state now. Default: the connector as created. Generic so that a
   * connector's own members beyond the domain's (a carrier's subscriptions) stay in its type.
   */
  hold?<K extends C>(connector: K, context: { clock: Clock }): K;
}
