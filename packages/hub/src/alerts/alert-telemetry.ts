import type { ErrorKind, ReconciliationReport, TelemetryEvent, TelemetrySink } from '@interlock/core';
import { LatencyBins } from './latency-bins.js';
import type { CountedEvent } from './rules.js';
import { Windowed, WindowedCounts } from './windowed.js';

/** A queue's fill, from a sampler or from a `queue.rejected` event (then it is full). */
export interface QueueSample {
  queue: string;
  depth: number;
  maxDepth: number;
}

/** What the last reconciliation of one provider and comparison found. */
export interface ReconciliationFacts {
  provider: string;
  name: string;
  at: number;
  /** Currencies whose sums differ, plus records whose compared fields (amounts among them) differ. */
  money: number;
  /** Records missing on either side or keyed twice. */
  counts: number;
}

interface EndpointCircuit {
  /** Since when the circuit has not been closed (open or half-open); absent while closed. */
  openSince?: number | undefined;
  lastSeen: number;
}

const SEP = '\u0000';

/** Series keys of a provider's calls, and of its failed calls by kind (the error-rate rules ignore some kinds). */
export const callKey = (provider: string): string => `call${SEP}${provider}`;
export const failureKey = (provider: string, kind: ErrorKind): string => `failure${SEP}${provider}${SEP}${kind}`;
export const countedKey = (event: CountedEvent, provider: string): string => `${event}${SEP}${provider}`;
export const latencyKey = (provider: string, endpoint: string): string => `${provider}${SEP}${endpoint}`;
export const splitKey = (key: string): string[] => key.split(SEP);

/** The event each counted rule counts, if this is one. */
function countedEvent(event: TelemetryEvent): CountedEvent | undefined {
  switch (event.type) {
    case 'queue.dead_lettered':
    case 'request.gave_up':
      return event.errorKind === 'outcome_unknown' ? 'outcome_unknown' : undefined;
    case 'enum.unknown_value':
      return 'unknown_enum';
    case 'contract.drift':
      return 'schema_drift';
    case 'rate_limit.waited':
      return 'rate_limited';
    case 'request.finished':
      return event.status === 429 || event.errorKind === 'rate_limited' ? 'rate_limited' : undefined;
    default:
      return undefined;
  }
}

/**
 * The telemetry the alert rules read, kept in windows: calls and failed calls, attempt latencies, counted
 * events, each endpoint's circuit, queue fill and the last reconciliations. A sink among the
 * hub's telemetry sinks; it keeps no more than `retainMs` of history.
 */
export class AlertTelemetry implements TelemetrySink {
  readonly counts: WindowedCounts;
  readonly latencies: LatencyBins;
  private readonly circuits = new Map<string, Map<string, EndpointCircuit>>();
  /** Each queue's fill (depth / max), the highest per bucket. */
  readonly queueFill: Windowed;
  private readonly reconciliations = new Map<string, ReconciliationFacts>();

  constructor(
    bucketMs: number,
    private readonly retainMs: number,
  ) {
    this.counts = new WindowedCounts(bucketMs);
    this.latencies = new LatencyBins(bucketMs);
    this.queueFill = new Windowed(bucketMs, Math.max);
  }

  emit(event: TelemetryEvent): void {
    const counted = countedEvent(event);
    if (counted) this.counts.add(countedKey(counted, event.provider), event.at);
    switch (event.type) {
      case 'request.started':
        this.endpoint(event.provider, event.endpoint, event.at);
        break;
      case 'request.finished':
        // An attempt; a call that succeeded ends with a successful one, a call that failed with `request.gave_up`.
        this.endpoint(event.provider, event.endpoint, event.at);
        if (event.outcome === 'success') this.counts.add(callKey(event.provider), event.at);
        this.latencies.observe(latencyKey(event.provider, event.endpoint), event.at, event.durationMs);
        break;
      case 'request.gave_up':
        // Refusals by an open circuit included: the caller's call failed all the same.
        this.endpoint(event.provider, event.endpoint, event.at);
        this.counts.add(callKey(event.provider), event.at);
        this.counts.add(failureKey(event.provider, event.errorKind), event.at);
        break;
      case 'circuit.state_changed': {
        const circuit = this.endpoint(event.provider, event.endpoint, event.at);
        if (event.to === 'closed') circuit.openSince = undefined;
        else circuit.openSince ??= event.at;
        break;
      }
      case 'queue.rejected':
        this.sampleQueue({ queue: event.provider, depth: event.depth, maxDepth: event.maxDepth }, event.at);
        break;
      case 'reconciliation.completed':
        this.reconciliations.set(`${event.provider}${SEP}${event.name}`, {
          provider: event.provider,
          name: event.name,
          at: event.at,
          money: event.mismatched,
          counts: event.missing + event.extra + event.duplicates,
        });
        break;
      default:
        break;
    }
  }

  /** A finished reconciliation's report, which says more than its telemetry event: the sums per currency. */
  recordReconciliation(report: ReconciliationReport<unknown, unknown>): void {
    const { ours, theirs } = report.totals;
    const currencies = new Set([...Object.keys(ours), ...Object.keys(theirs)]);
    const sumsDiffer = [...currencies].filter((currency) => (ours[currency]?.amountMinor ?? 0) !== (theirs[currency]?.amountMinor ?? 0)).length;
    this.reconciliations.set(`${report.provider}${SEP}${report.name}`, {
      provider: report.provider,
      name: report.name,
      at: report.finishedAt,
      money: sumsDiffer + report.mismatched.length,
      counts: report.missing.length + report.extra.length + report.duplicates.length,
    });
  }

  sampleQueue(sample: QueueSample, at: number): void {
    if (sample.maxDepth > 0) this.queueFill.add(sample.queue, at, sample.depth / sample.maxDepth);
  }

  /** Per provider, its known endpoints' circuits. */
  circuitsByProvider(): ReadonlyMap<string, ReadonlyMap<string, Readonly<EndpointCircuit>>> {
    return this.circuits;
  }

  latestReconciliations(): Iterable<Readonly<ReconciliationFacts>> {
    return this.reconciliations.values();
  }

  /** Forgets what no window reaches any more; an endpoint is forgotten once closed and quiet that long. */
  prune(now: number): void {
    const before = now - this.retainMs;
    this.counts.prune(before);
    this.latencies.prune(before);
    this.queueFill.prune(before);
    for (const [provider, endpoints] of this.circuits) {
      for (const [endpoint, circuit] of endpoints) if (circuit.openSince === undefined && circuit.lastSeen < before) endpoints.delete(endpoint);
      if (endpoints.size === 0) this.circuits.delete(provider);
    }
  }

  private endpoint(provider: string, endpoint: string, at: number): EndpointCircuit {
    let endpoints = this.circuits.get(provider);
    if (!endpoints) {
      endpoints = new Map();
      this.circuits.set(provider, endpoints);
    }
    let circuit = endpoints.get(endpoint);
    if (!circuit) {
      circuit = { lastSeen: at };
      endpoints.set(endpoint, circuit);
    }
    circuit.lastSeen = Math.max(circuit.lastSeen, at);
    return circuit;
  }
}
