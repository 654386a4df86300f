import { ValueType, type HrTime } from '@opentelemetry/api';
import { emptyResource } from '@opentelemetry/resources';
import { AggregationTemporality, DataPointType, type CollectionResult, type MetricData, type MetricProducer } from '@opentelemetry/sdk-metrics';
import type { MetricsRegistry } from './registry.js';

function hrTime(ms: number): HrTime {
  return [Math.trunc(ms / 1_000), Math.round((ms % 1_000) * 1_000_000)];
}

/**
 * The hub's metrics as OpenTelemetry metric data, for a metric reader to export beside
 * `/metrics`: the same registry read at each collection, so both paths always say the same.
 * Counters are cumulative monotonic sums, gauges gauges, and histograms keep their buckets (the
 * registry's cumulative counts become the per-bucket counts OpenTelemetry expects).
 */
export class RegistryMetricProducer implements MetricProducer {
  private readonly startTime: HrTime;

  constructor(
    private readonly registry: MetricsRegistry,
    startedAt: number = Date.now(),
  ) {
    this.startTime = hrTime(startedAt);
  }

  async collect(): Promise<CollectionResult> {
    const snapshot = await this.registry.snapshot();
    const endTime = hrTime(Date.now());
    const { startTime } = this;
    const descriptor = (name: string, help: string, unit = '') => ({ name, description: help, unit, valueType: ValueType.DOUBLE });
    const metrics: MetricData[] = [
      ...snapshot.counters.map(
        (counter): MetricData => ({
          descriptor: descriptor(counter.name, counter.help),
          aggregationTemporality: AggregationTemporality.CUMULATIVE,
          dataPointType: DataPointType.SUM,
          isMonotonic: true,
          dataPoints: counter.series.map((series) => ({ startTime, endTime, attributes: series.labels, value: series.value })),
        }),
      ),
      ...snapshot.gauges.map(
        (gauge): MetricData => ({
          descriptor: descriptor(gauge.name, gauge.help),
          aggregationTemporality: AggregationTemporality.CUMULATIVE,
          dataPointType: DataPointType.GAUGE,
          dataPoints: gauge.series.map((series) => ({ startTime, endTime, attributes: series.labels, value: series.value })),
        }),
      ),
      ...snapshot.histograms.map(
        (histogram): MetricData => ({
          descriptor: descriptor(histogram.name, histogram.help, 's'),
          aggregationTemporality: AggregationTemporality.CUMULATIVE,
          dataPointType: DataPointType.HISTOGRAM,
          dataPoints: histogram.series.map((series) => ({
            startTime,
            endTime,
            attributes: series.labels,
            value: { buckets: { boundaries: [...histogram.bounds], counts: perBucket(series.counts, series.count) }, sum: series.sum, count: series.count },
          })),
        }),
      ),
    ];
    return { resourceMetrics: { resource: emptyResource(), scopeMetrics: [{ scope: { name: '@interlock/hub' }, metrics }] }, errors: [] };
  }
}

/** Cumulative counts per upper bound (Prometheus) as counts per bucket, the last one above every bound. */
function perBucket(cumulative: readonly number[], count: number): number[] {
  const counts = cumulative.map((value, i) => value - (i === 0 ? 0 : (cumulative[i - 1] as number)));
  counts.push(count - (cumulative.at(-1) ?? 0));
  return counts;
}
