import { isIntegrationError, type Clock, type IntegrityStore, type ReconciliationJob, type ReconciliationPeriod } from '@interlock/core';
import type { HubConfig } from '../config/config.js';
import type { HubLog } from '../logging/log.js';
import type { HubMetrics } from '../metrics/hub-metrics.js';
import { summarise, type ReconciliationSummary } from './reconciliation-job.js';

/** When reconciliation runs and which window each run covers. */
export interface ReconciliationSchedule {
  /** Between two runs of one provider's job. */
  everyMs: number;
  /** The window each run covers, ending `settleDelayMs` before the run. */
  lookbackMs: number;
  /** Providers settle with a delay; a window that ends too recently would report everything in flight as missing. */
  settleDelayMs: number;
  /** After a run that could not finish (the provider was down), the next try comes this much later. */
  retryMs: number;
}

const HOUR_MS = 3_600_000;

/** The schedule the config's `reconciliation` section describes, in milliseconds. */
export function scheduleFromConfig(config: HubConfig['reconciliation']): ReconciliationSchedule {
  return {
    everyMs: config.everyHours * HOUR_MS,
    lookbackMs: config.lookbackHours * HOUR_MS,
    settleDelayMs: config.settleDelayHours * HOUR_MS,
    retryMs: config.retryMinutes * 60_000,
  };
}

export interface ReconciliationSchedulerOptions {
  jobs: readonly ReconciliationJob[];
  schedule: ReconciliationSchedule;
  clock: Clock;
  integrity: IntegrityStore;
  metrics: HubMetrics;
  log: HubLog;
}

/**
 * Runs each provider's reconciliation on its schedule and on demand. Every run leaves an audit
 * entry (`reconcile`, outcome `clean`, `differences` or `failed`) and sets the
 * `interlock_reconciliation_differences` gauge; differences are logged as an alert.
 */
export class ReconciliationScheduler {
  private readonly stop = new AbortController();
  private readonly loops: Promise<void>[] = [];

  constructor(private readonly options: ReconciliationSchedulerOptions) {}

  /** The window a run started now covers. */
  periodEndingNow(): ReconciliationPeriod {
    const to = this.options.clock.now() - this.options.schedule.settleDelayMs;
    return { from: to - this.options.schedule.lookbackMs, to };
  }

  start(): void {
    for (const job of this.options.jobs) this.loops.push(this.loop(job));
  }

  /** Runs one provider's reconciliation for `period` now (the CLI's `reconcile`). */
  async runNow(provider: string, period: ReconciliationPeriod = this.periodEndingNow()): Promise<ReconciliationSummary> {
    const job = this.options.jobs.find((candidate) => candidate.provider === provider);
    if (!job) throw new TypeError(`No reconciliation is configured for provider ${provider}`);
    return this.run(job, period);
  }

  async close(): Promise<void> {
    this.stop.abort();
    await Promise.all(this.loops);
  }

  private async loop(job: ReconciliationJob): Promise<void> {
    const { clock, schedule } = this.options;
    let wait = schedule.everyMs;
    while (!this.stop.signal.aborted) {
      try {
        await clock.sleep(wait, this.stop.signal);
      } catch {
        return;
      }
      try {
        await this.run(job, this.periodEndingNow());
        wait = schedule.everyMs;
      } catch {
        wait = Math.min(schedule.retryMs, schedule.everyMs);
      }
    }
  }

  private async run(job: ReconciliationJob, period: ReconciliationPeriod): Promise<ReconciliationSummary> {
    const { clock, integrity, metrics, log } = this.options;
    const audit = (outcome: string, detail: string): Promise<void> =>
      integrity.appendAudit({ at: clock.now(), actor: 'reconciler', action: 'reconcile', provider: job.provider, outcome, detail });
    let summary: ReconciliationSummary;
    try {
      summary = summarise(await job.run(period));
    } catch (error) {
      const reason = isIntegrationError(error) ? `${error.kind}: ${error.reason}` : 'reconciliation failed';
      metrics.reconciliationRuns.inc({ provider: job.provider, outcome: 'failed' });
      log.warn('reconciliation could not finish', { provider: job.provider, reason });
      await audit('failed', JSON.stringify({ period, reason }));
      throw error;
    }
    const outcome = summary.differences === 0 ? 'clean' : 'differences';
    metrics.reconciliationRuns.inc({ provider: job.provider, outcome });
    metrics.setReconciliationDifferences(job.provider, summary.differences);
    if (summary.differences > 0) {
      const { provider, name, differences, missing, extra, mismatched, duplicates } = summary;
      log.warn('reconciliation found differences', { provider, name, differences, missing, extra, mismatched, duplicates, periodFrom: period.from, periodTo: period.to, sample: summary.sample.join(',') });
    }
    await audit(outcome, JSON.stringify(summary));
    return summary;
  }
}
