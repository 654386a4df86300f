import { systemClock } from '@interlock/core';
import type { HubConfig } from '../config/config.js';
import type { Engines } from '../engines.js';
import { openProviders } from '../connectors/providers.js';
import { HubMetrics } from '../metrics/hub-metrics.js';
import { reconciliationJobs } from '../reconciliation/jobs.js';
import { ReconciliationScheduler, scheduleFromConfig } from '../reconciliation/scheduler.js';

/** An instant on the command line: ISO 8601 or epoch milliseconds. */
function instant(text: string, flag: string): number {
  const value = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  if (!Number.isFinite(value)) throw new TypeError(`--${flag} is neither ISO 8601 nor epoch milliseconds: ${text}`);
  return value;
}

/**
 * `interlock reconcile --provider <name>`: one reconciliation now, recorded like a scheduled one
 * (audit entry, alert on differences), printed as a summary. Exit 1 when anything differs, so a
 * cron job or a CI step can act on it.
 */
export async function reconcileCommand(
  config: HubConfig,
  engines: Engines,
  values: { provider?: string | undefined; from?: string | undefined; to?: string | undefined },
  out: (line: string) => void,
  baseDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const provider = config.providers.find((candidate) => candidate.name === values.provider);
  if (!provider) {
    out(`reconcile needs --provider, one of the configured providers: ${config.providers.map((p) => p.name).join(', ') || '(none configured)'}`);
    return 1;
  }
  const [running] = await openProviders({ ...config, providers: [provider] }, { env, clock: systemClock, telemetry: [], baseDir });
  const jobs = reconciliationJobs(running ? [running] : [], engines.integrity, systemClock);
  if (jobs.length === 0) {
    out(`provider ${provider.name}'s domain has no reconciliation, so there is nothing to reconcile against`);
    return 1;
  }
  const scheduler = new ReconciliationScheduler({
    jobs,
    schedule: scheduleFromConfig(config.reconciliation),
    clock: systemClock,
    integrity: engines.integrity,
    metrics: new HubMetrics(engines.queue),
    log: { warn: (message, fields) => out(`${message}: ${JSON.stringify(fields)}`) },
  });
  const window = scheduler.periodEndingNow();
  const period = {
    from: values.from === undefined ? window.from : instant(values.from, 'from'),
    to: values.to === undefined ? window.to : instant(values.to, 'to'),
  };
  const summary = await scheduler.runNow(provider.name, period);
  out(JSON.stringify(summary, null, 2));
  return summary.differences === 0 ? 0 : 1;
}
