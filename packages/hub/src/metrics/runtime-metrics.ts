import { constants, monitorEventLoopDelay, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import type { Histogram, MetricsRegistry } from './registry.js';

const GC_KINDS: Readonly<Record<number, string>> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
};

/** A GC entry's kind from its `detail` (Node 16+), which the entry's type does not declare. */
function gcKind(entry: PerformanceEntry): string {
  const detail: unknown = 'detail' in entry ? entry.detail : undefined;
  const kind = typeof detail === 'object' && detail !== null && 'kind' in detail && typeof detail.kind === 'number' ? GC_KINDS[detail.kind] : undefined;
  return kind ?? 'other';
}

const GC_BUCKETS = [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];
const NS_PER_SECOND = 1e9;
const SAMPLE_EVERY_MS = 10;

/**
 * The process under the hub, beside the hub's own metrics: how late the event loop runs (a
 * webhook waits that long before it is even read), memory, and garbage-collection pauses.
 */
export class RuntimeMetrics {
  private readonly loopDelay = monitorEventLoopDelay({ resolution: SAMPLE_EVERY_MS });
  private readonly gcPauses: Histogram;
  private readonly gc: PerformanceObserver;

  constructor(registry: MetricsRegistry) {
    this.gcPauses = registry.histogram('interlock_process_gc_pause_seconds', 'Garbage-collection pauses by kind (minor, major, incremental, weakcb); _count is the number of pauses.', GC_BUCKETS);
    registry.gauge({
      name: 'interlock_process_event_loop_lag_seconds',
      help: 'How late the event loop ran since the previous scrape, by quantile (0.5, 0.99; 1 is the longest).',
      read: () => Promise.resolve(this.takeLoopDelay()),
    });
    registry.gauge({
      name: 'interlock_process_memory_bytes',
      help: 'Process memory by kind (rss, heap_used, heap_total, external, array_buffers).',
      read: () => {
        const memory = process.memoryUsage();
        return Promise.resolve([
          { labels: { kind: 'rss' }, value: memory.rss },
          { labels: { kind: 'heap_used' }, value: memory.heapUsed },
          { labels: { kind: 'heap_total' }, value: memory.heapTotal },
          { labels: { kind: 'external' }, value: memory.external },
          { labels: { kind: 'array_buffers' }, value: memory.arrayBuffers },
        ]);
      },
    });
    this.gc = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        this.gcPauses.observe({ kind: gcKind(entry) }, entry.duration / 1000);
      }
    });
    this.gc.observe({ entryTypes: ['gc'] });
    this.loopDelay.enable();
  }

  stop(): void {
    this.loopDelay.disable();
    this.gc.disconnect();
  }

  /** The delays since the last read, then forgets them: each scrape sees its own interval. */
  private takeLoopDelay(): Array<{ labels: { quantile: string }; value: number }> {
    const delay = this.loopDelay;
    // The monitor records the time between its samples; lateness is what exceeds the interval.
    const seconds = (ns: number): number => (delay.count === 0 ? 0 : Math.max(0, ns / NS_PER_SECOND - SAMPLE_EVERY_MS / 1000));
    const values = [
      { labels: { quantile: '0.5' }, value: seconds(delay.percentile(50)) },
      { labels: { quantile: '0.99' }, value: seconds(delay.percentile(99)) },
      { labels: { quantile: '1' }, value: seconds(delay.max) },
    ];
    delay.reset();
    return values;
  }
}
