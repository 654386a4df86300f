type Labels = Readonly<Record<string, string>>;

// Label sets repeat endlessly (a provider and an outcome): render each distinct set once.
const renderedKeys = new Map<string, string>();
const MAX_RENDERED_KEYS = 10_000;

function labelKey(labels: Labels): string {
  let lookup = '';
  for (const name in labels) lookup += `${name}\u0000${labels[name] as string}\u0001`;
  const cached = renderedKeys.get(lookup);
  if (cached !== undefined) return cached;
  const rendered = renderLabels(labels);
  if (renderedKeys.size < MAX_RENDERED_KEYS) renderedKeys.set(lookup, rendered);
  return rendered;
}

function renderLabels(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map((name) => `${name}="${(labels[name] as string).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`)
    .join(',');
}

/** Whether a series' labels include every label `where` names. */
function matches(labels: Labels, where: Labels): boolean {
  for (const name in where) if (labels[name] !== where[name]) return false;
  return true;
}

/** A monotonically increasing count per label set. */
export class Counter {
  private readonly values = new Map<string, { labels: Labels; value: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  inc(labels: Labels = {}, by = 1): void {
    const key = labelKey(labels);
    const series = this.values.get(key);
    if (series) series.value += by;
    else this.values.set(key, { labels: { ...labels }, value: by });
  }

  get(labels: Labels = {}): number {
    return this.values.get(labelKey(labels))?.value ?? 0;
  }

  /** The series whose labels include `where`, with their values (for pages that read the metrics). */
  series(where: Labels = {}): Array<{ labels: Labels; value: number }> {
    return [...this.values.values()].filter((series) => matches(series.labels, where)).map((series) => ({ ...series }));
  }

  render(): string[] {
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`, ...[...this.values].map(([key, { value }]) => `${this.name}${key ? `{${key}}` : ''} ${value}`)];
  }
}

/** A histogram's observations summed over some of its series: per bucket (cumulative, as rendered), their sum and count. */
export interface HistogramSummary {
  buckets: ReadonlyArray<{ le: number; count: number }>;
  sum: number;
  count: number;
}

/** Observations in fixed buckets (seconds), rendered as a Prometheus histogram. */
export class Histogram {
  private readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
    private readonly buckets: readonly number[],
  ) {}

  observe(labels: Labels, seconds: number): void {
    const key = labelKey(labels);
    let series = this.series.get(key);
    if (!series) {
      series = { labels: { ...labels }, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.series.set(key, series);
    }
    for (let i = 0; i < this.buckets.length; i++) if (seconds <= (this.buckets[i] as number)) series.counts[i] = (series.counts[i] as number) + 1;
    series.sum += seconds;
    series.count++;
  }

  /** The observations of the series whose labels include `where`, summed. */
  summary(where: Labels = {}): HistogramSummary {
    const counts = this.buckets.map(() => 0);
    let sum = 0;
    let count = 0;
    for (const series of this.series.values()) {
      if (!matches(series.labels, where)) continue;
      series.counts.forEach((value, i) => (counts[i] = (counts[i] as number) + value));
      sum += series.sum;
      count += series.count;
    }
    return { buckets: this.buckets.map((le, i) => ({ le, count: counts[i] as number })), sum, count };
  }

  /** Every series: its labels, its cumulative count per bucket (as rendered), its sum and count. */
  allSeries(): Array<{ labels: Labels; counts: readonly number[]; sum: number; count: number }> {
    return [...this.series.values()].map((series) => ({ ...series, counts: [...series.counts] }));
  }

  /** The buckets' upper bounds, in seconds. */
  get bounds(): readonly number[] {
    return this.buckets;
  }

  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const [key, series] of this.series) {
      const prefix = key ? `${key},` : '';
      this.buckets.forEach((bound, i) => lines.push(`${this.name}_bucket{${prefix}le="${bound}"} ${series.counts[i] as number}`));
      lines.push(`${this.name}_bucket{${prefix}le="+Inf"} ${series.count}`);
      lines.push(`${this.name}_sum${key ? `{${key}}` : ''} ${series.sum}`);
      lines.push(`${this.name}_count${key ? `{${key}}` : ''} ${series.count}`);
    }
    return lines;
  }
}

/** A value read when scraped (queue depth, dead letters). */
export interface GaugeSource {
  name: string;
  help: string;
  read(): Promise<ReadonlyArray<{ labels: Labels; value: number }>>;
}

/** What {@link MetricsRegistry.snapshot} reads. */
export interface MetricsSnapshot {
  counters: Array<{ name: string; help: string; series: Array<{ labels: Labels; value: number }> }>;
  histograms: Array<{ name: string; help: string; bounds: readonly number[]; series: ReturnType<Histogram['allSeries']> }>;
  gauges: Array<{ name: string; help: string; series: ReadonlyArray<{ labels: Labels; value: number }> }>;
}

/** The hub's metrics, exposed at `/metrics` in the Prometheus text format. */
export class MetricsRegistry {
  private readonly counters: Counter[] = [];
  private readonly histograms: Histogram[] = [];
  private readonly gauges: GaugeSource[] = [];

  counter(name: string, help: string): Counter {
    const counter = new Counter(name, help);
    this.counters.push(counter);
    return counter;
  }

  histogram(name: string, help: string, buckets: readonly number[]): Histogram {
    const histogram = new Histogram(name, help, buckets);
    this.histograms.push(histogram);
    return histogram;
  }

  gauge(source: GaugeSource): void {
    this.gauges.push(source);
  }

  /** Every metric, structured, for an exporter other than `/metrics` (OpenTelemetry's); gauges are read now. */
  async snapshot(): Promise<MetricsSnapshot> {
    return {
      counters: this.counters.map((counter) => ({ name: counter.name, help: counter.help, series: counter.series() })),
      histograms: this.histograms.map((histogram) => ({ name: histogram.name, help: histogram.help, bounds: histogram.bounds, series: histogram.allSeries() })),
      gauges: await Promise.all(this.gauges.map(async (gauge) => ({ name: gauge.name, help: gauge.help, series: await gauge.read() }))),
    };
  }

  async render(): Promise<string> {
    const lines = [...this.counters.flatMap((c) => c.render()), ...this.histograms.flatMap((h) => h.render())];
    for (const gauge of this.gauges) {
      lines.push(`# HELP ${gauge.name} ${gauge.help}`, `# TYPE ${gauge.name} gauge`);
      for (const { labels, value } of await gauge.read()) {
        const key = labelKey(labels);
        lines.push(`${gauge.name}${key ? `{${key}}` : ''} ${value}`);
      }
    }
    return `${lines.join('\n')}\n`;
  }
}
