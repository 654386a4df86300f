import type { AppliedChange, BusinessMetric, BusinessObservation, BusinessObserver, BusinessRate, DomainMetrics, TelemetryEvent, TelemetrySink } from '@interlock/core';
import { failureFields, type HubLog } from '../logging/log.js';
import type { Counter, Histogram, HistogramSummary, MetricsRegistry } from './registry.js';

/** A configured provider and what its domain declares. */
export interface BusinessProvider {
  name: string;
  domain: { readonly name: string; readonly metrics?: DomainMetrics | undefined };
}

type Labels = Readonly<Record<string, string>>;

/** One counter series of a provider, without its provider label. */
export interface BusinessCount {
  metric: string;
  unit: 'count' | 'minor_units';
  labels: Labels;
  value: number;
}

/** One share a domain declares, for one provider (and one value of its `by` label). */
export interface BusinessShare {
  title: string;
  /** The `by` label's value this share is for, e.g. a currency. */
  of: string | undefined;
  part: number;
  whole: number;
}

/** A provider's business metrics as the console shows them, since this hub started. */
export interface BusinessPanel {
  domain: string;
  shares: readonly BusinessShare[];
  counts: readonly BusinessCount[];
  durations: ReadonlyArray<{ metric: string; summary: HistogramSummary }>;
}

/** The metrics one domain declared, registered once for all its providers, and the hub's observer of it. */
interface DomainSeries {
  domain: string;
  declared: DomainMetrics;
  observer: BusinessObserver;
  counters: ReadonlyMap<string, { counter: Counter; unit: BusinessCount['unit'] }>;
  histograms: ReadonlyMap<string, Histogram>;
}

const NAME = /^[a-z][a-z0-9_]*$/;
/** The label the hub adds to every series; a domain cannot declare it. */
const PROVIDER_LABEL = 'provider';

function exposedName(domain: string, definition: BusinessMetric): string {
  const name = `interlock_${domain}_${definition.name}`;
  const bad = [definition.name, ...definition.labels].find((part) => !NAME.test(part)) ?? (NAME.test(domain) ? undefined : domain);
  if (bad !== undefined) throw new TypeError(`business metric ${name}: "${bad}" is not a metric or label name (lower case, digits, _)`);
  if (definition.labels.includes(PROVIDER_LABEL)) throw new TypeError(`business metric ${name}: the hub adds the provider label itself`);
  return name;
}

function register(registry: MetricsRegistry, domain: string, declared: DomainMetrics): DomainSeries {
  const counters = new Map<string, { counter: Counter; unit: BusinessCount['unit'] }>();
  const histograms = new Map<string, Histogram>();
  for (const definition of declared.definitions) {
    if (counters.has(definition.name) || histograms.has(definition.name)) throw new TypeError(`business metric ${definition.name} of ${domain} is declared twice`);
    const name = exposedName(domain, definition);
    if (definition.kind === 'counter') counters.set(definition.name, { counter: registry.counter(name, definition.help), unit: definition.unit });
    else histograms.set(definition.name, registry.histogram(name, definition.help, definition.buckets));
  }
  return { domain, declared, observer: declared.observer(), counters, histograms };
}

/**
 * The business metrics every configured domain declares, exposed as `interlock_<domain>_<name>`
 * with a `provider` label: fed with the changes the workers wrote and the providers' telemetry,
 * read by `/metrics` and the console. It names no domain; an observer that throws or reports
 * something undeclared is logged and skipped, never failing the apply it watches.
 */
export class BusinessMetrics implements TelemetrySink {
  private readonly byProvider = new Map<string, DomainSeries>();
  private readonly byDomain = new Map<string, DomainSeries>();

  constructor(
    private readonly registry: MetricsRegistry,
    private readonly log: HubLog,
  ) {}

  /** Registers the providers' domains' metrics (each domain once, however many providers it has). */
  add(providers: readonly BusinessProvider[]): void {
    for (const { name, domain } of providers) {
      if (!domain.metrics) continue;
      let series = this.byDomain.get(domain.name);
      if (!series) {
        series = register(this.registry, domain.name, domain.metrics);
        this.byDomain.set(domain.name, series);
      }
      this.byProvider.set(name, series);
    }
  }

  /** A change the workers wrote for `provider` (never one they refused or found already applied). */
  applied(provider: string, applied: AppliedChange): void {
    const series = this.byProvider.get(provider);
    if (series?.observer.observeChange) this.record(provider, series, () => series.observer.observeChange?.(applied) ?? []);
  }

  emit(event: TelemetryEvent): void {
    const series = this.byProvider.get(event.provider);
    if (series?.observer.observeTelemetry) this.record(event.provider, series, () => series.observer.observeTelemetry?.(event) ?? []);
  }

  /** What the console shows for a provider; undefined when its domain declares no business metrics. */
  panel(provider: string): BusinessPanel | undefined {
    const series = this.byProvider.get(provider);
    if (!series) return undefined;
    const mine = { [PROVIDER_LABEL]: provider };
    const counts = [...series.counters.values()].flatMap(({ counter, unit }) =>
      counter.series(mine).map(({ labels, value }): BusinessCount => ({ metric: counter.name, unit, labels: withoutProvider(labels), value })),
    );
    return {
      domain: series.domain,
      shares: (series.declared.rates ?? []).flatMap((rate) => shares(series, rate, provider)),
      counts,
      durations: [...series.histograms.values()].map((histogram) => ({ metric: histogram.name, summary: histogram.summary(mine) })),
    };
  }

  private record(provider: string, series: DomainSeries, observe: () => readonly BusinessObservation[]): void {
    let observations: readonly BusinessObservation[];
    try {
      observations = observe();
    } catch (error) {
      this.log.warn('business metrics not observed', { provider, domain: series.domain, kind: failureFields(error).kind });
      return;
    }
    for (const { metric, labels, value } of observations) {
      const counted = series.counters.get(metric);
      const counter = counted?.counter;
      const histogram = series.histograms.get(metric);
      // A counter only grows, and money only in whole minor units.
      const valid = Number.isFinite(value) && value >= 0 && (counted?.unit !== 'minor_units' || Number.isSafeInteger(value));
      if ((!counter && !histogram) || !valid) {
        this.log.warn('business metric observation refused', { provider, domain: series.domain, metric, reason: counter || histogram ? 'invalid_value' : 'undeclared' });
        continue;
      }
      const labelled = { ...labels, [PROVIDER_LABEL]: provider };
      if (counter) counter.inc(labelled, value);
      else histogram?.observe(labelled, value);
    }
  }
}

function withoutProvider(labels: Labels): Labels {
  return Object.fromEntries(Object.entries(labels).filter(([name]) => name !== PROVIDER_LABEL));
}

function sum(counter: Counter | undefined, where: Labels): number {
  return (counter?.series(where) ?? []).reduce((total, series) => total + series.value, 0);
}

/** A declared rate for one provider: one share, or one per value of its `by` label seen in either counter. */
function shares(series: DomainSeries, rate: BusinessRate, provider: string): BusinessShare[] {
  const part = series.counters.get(rate.part.metric)?.counter;
  const whole = series.counters.get(rate.whole.metric)?.counter;
  const scope = (where: Labels | undefined, by: Labels): Labels => ({ ...where, ...by, [PROVIDER_LABEL]: provider });
  const share = (of: string | undefined, by: Labels): BusinessShare => ({
    title: rate.title,
    of,
    part: sum(part, scope(rate.part.where, by)),
    whole: sum(whole, scope(rate.whole.where, by)),
  });
  const by = rate.by;
  if (by === undefined) return [share(undefined, {})];
  const values = new Set([...(part?.series({ [PROVIDER_LABEL]: provider }) ?? []), ...(whole?.series({ [PROVIDER_LABEL]: provider }) ?? [])].flatMap((found) => found.labels[by] ?? []));
  return [...values].sort().map((value) => share(value, { [by]: value }));
}
