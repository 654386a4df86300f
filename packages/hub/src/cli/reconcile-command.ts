import { systemClock } from '@interlock/core';
import { openProviders } from '../connectors/providers.js';
import { lineLog } from '../logging/log.js';
import { HubMetrics } from '../metrics/hub-metrics.js';
import { reconciliationJobs } from '../reconciliation/jobs.js';
import { ReconciliationScheduler, scheduleFromConfig } from '../reconciliation/scheduler.js';
import type { ReconciliationSummary } from '../reconciliation/index.js';
import { CannotRun, EXIT } from './exit-codes.js';
import type { CliContext, StoreSession } from './session.js';

export interface ReconcileOptions {
  provider?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
}

/**
 * `interlock reconcile --provider <name>`: one reconciliation now, recorded like a scheduled one
 * (audit entry, alert on differences), printed as a summary. Exit 1 when anything differs, so a
 * cron job or a CI step can act on it; 2 when it could not run (no such provider, the provider
 * down: the run is audited `failed`).
 */
export async function reconcileCommand(session: StoreSession, context: CliContext, options: ReconcileOptions): Promise<number> {
  const { config, engines } = session;
  const provider = config.providers.find((candidate) => candidate.name === options.provider);
  if (!provider) {
    throw new CannotRun(`reconcile needs --provider, one of the configured providers: ${config.providers.map((p) => p.name).join(', ') || '(none configured)'}`);
  }
  const [running] = await openProviders({ ...config, providers: [provider] }, { env: context.env, clock: systemClock, telemetry: [], baseDir: session.baseDir });
  const jobs = reconciliationJobs(running ? [running] : [], engines.integrity, systemClock);
  if (jobs.length === 0) throw new CannotRun(`provider ${provider.name}'s domain has no reconciliation, so there is nothing to reconcile against`);
  const scheduler = new ReconciliationScheduler({
    jobs,
    schedule: scheduleFromConfig(config.reconciliation),
    clock: systemClock,
    integrity: engines.integrity,
    metrics: new HubMetrics(engines.queue),
    log: lineLog(context.err),
  });
  const window = scheduler.periodEndingNow();
  const period = { from: options.from ?? window.from, to: options.to ?? window.to };
  let summary: ReconciliationSummary;
  try {
    summary = await scheduler.runNow(provider.name, period);
  } catch (error) {
    throw new CannotRun(`The reconciliation of ${provider.name} could not finish: ${error instanceof Error ? error.message : String(error)}`);
  }
  context.out(JSON.stringify(summary, null, 2));
  return summary.differences === 0 ? EXIT.ok : EXIT.refused;
}
