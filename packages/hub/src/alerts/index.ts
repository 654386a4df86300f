import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { systemClock, type Clock, type IdempotencyStore, type IntegrityStore, type Random } from '@interlock/core';
import type { HubLog } from '../logging/log.js';
import type { MetricsRegistry } from '../metrics/registry.js';
import { AlertTelemetry, type QueueSample } from './alert-telemetry.js';
import { registerAlertMetrics } from './alert-metrics.js';
import { AuditAlertStore } from './audit-alert-store.js';
import type { AlertsConfig } from './config.js';
import { Deliveries, type DeliveryReport } from './deliveries.js';
import { DeliveryClaims } from './delivery-claims.js';
import { buildDigest, nextDigestAt } from './digest.js';
import { AlertEvaluator } from './evaluator.js';
import { ownerOf } from './owners.js';
import { AlertSchedule } from './schedule.js';
import { resolveRules } from './resolve-rules.js';
import { longestWindowMs } from './signals.js';
import { buildSinks } from './sinks/build-sinks.js';
import type { MailTransport, SmtpServer } from './sinks/smtp-sink.js';
import { MemoryAlertStore, type AlertStore } from './store.js';
import type { AlertNotice, AlertRecord, Severity } from './types.js';

export { alertsConfigSchema, type AlertsConfig, type AlertsConfigInput } from './config.js';
export { AlertTelemetry, type QueueSample, type ReconciliationFacts } from './alert-telemetry.js';
export { AuditAlertStore, ALERTS_AUDIT_PROVIDER } from './audit-alert-store.js';
export { MemoryAlertStore, type AlertStore } from './store.js';
export { DEFAULT_RULES, type RuleDefinition, type SignalSpec } from './rules.js';
export { reportReconciliations } from './reconciliation-reports.js';
export type { DeliveryReport } from './deliveries.js';
export type { MailTransport, SmtpServer } from './sinks/smtp-sink.js';
export { SEVERITIES, type AlertChange, type AlertNotice, type AlertRecord, type AlertSink, type Severity, type Subject } from './types.js';

export interface AlertingOptions {
  config: AlertsConfig;
  log: HubLog;
  clock?: Clock | undefined;
  /** Where alerts are kept; default the audit trail of `integrity` when given, else memory. */
  store?: AlertStore | undefined;
  integrity?: Pick<IntegrityStore, 'appendAudit' | 'listAudit' | 'begin' | 'complete' | 'release'> | undefined;
  /**
   * Where deliveries are claimed, so that instances sharing it send each firing, repeat and
   * resolution to each sink once between them; default `integrity`. Without either, every
   * delivery is sent.
   */
  claims?: IdempotencyStore | undefined;
  /** This instance's name in the claims and delivery reports; default host, process id and a random suffix. */
  instance?: string | undefined;
  /** The hub's registry: `interlock_alerts_active` and `interlock_alert_deliveries_total` are added to it. */
  metrics?: MetricsRegistry | undefined;
  /** Where sink secrets are read from; default `process.env`. */
  env?: NodeJS.ProcessEnv | undefined;
  /** The webhook sinks' fetch; default global fetch. */
  fetch?: typeof fetch | undefined;
  mailTransport?: ((server: SmtpServer) => MailTransport) | undefined;
  /** Queue fill read at each evaluation (the hub's own queues); `queue.rejected` events count too. */
  queueSamples?: (() => Promise<readonly QueueSample[]>) | undefined;
  /** Each delivery's end, after the log line and the counter. */
  onDelivery?: ((report: DeliveryReport) => void) | undefined;
  random?: Random | undefined;
}

export interface Alerting {
  /** Add to the hub's telemetry sinks: what the rules read. */
  readonly telemetry: AlertTelemetry;
  readonly store: AlertStore;
  /** The alerts firing now. */
  active(): readonly AlertRecord[];
  /** Runs the rules once now (the schedule runs them every `evaluateEverySeconds`). */
  evaluateNow(): Promise<void>;
  /** Sends the digest of the time since the last one now (the schedule sends it daily). */
  sendDigestNow(): Promise<void>;
  /** Resolves when the deliveries started so far have ended. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the hub's alerting: rules evaluated on the clock over the telemetry it is fed, each alert
 * with its owner and route, sent to its severity's sinks (the digest severities once a day), kept
 * in the store and counted in `/metrics`.
 */
export async function startAlerting(options: AlertingOptions): Promise<Alerting> {
  const { config, log } = options;
  const clock = options.clock ?? systemClock;
  const rules = resolveRules(config);
  const telemetry = new AlertTelemetry(config.bucketSeconds * 1_000, longestWindowMs(rules.map((rule) => rule.signal)));
  const store = options.store ?? (options.integrity ? new AuditAlertStore(options.integrity) : new MemoryAlertStore());
  const sinks = buildSinks(config.sinks, { clock, log, env: options.env ?? process.env, fetch: options.fetch, mailTransport: options.mailTransport });
  const digestSeverities = new Set<Severity>(config.digest.severities);
  const claimStore = options.claims ?? options.integrity;
  const repeatMs = new Map(rules.map((rule) => [rule.id, rule.repeatMs]));
  const claims = claimStore
    ? new DeliveryClaims({
        store: claimStore,
        clock,
        instance: options.instance ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
        repeatMs: (alert) => repeatMs.get(alert.rule) ?? config.repeatMinutes[alert.severity] * 60_000,
      })
    : undefined;
  const deliveriesCounter = options.metrics ? registerAlertMetrics(options.metrics, rules, () => evaluator.active()) : undefined;
  const deliveries = new Deliveries({
    clock,
    random: options.random,
    claims,
    onRetry: (sink) => deliveriesCounter?.inc({ sink, outcome: 'retried' }),
    onReport: (report) => {
      deliveriesCounter?.inc({ sink: report.sink, outcome: report.outcome });
      if (report.outcome === 'failed') log.warn('alert delivery failed', { sink: report.sink, notice: report.notice, type: report.type, attempts: report.attempts, error: report.error ?? '' });
      if (report.outcome === 'claimed_elsewhere') log.debug('alert delivery claimed by another instance', { sink: report.sink, notice: report.notice, type: report.type, by: report.by ?? 'unknown' });
      options.onDelivery?.(report);
    },
  });
  const dispatch = (notice: AlertNotice, route: readonly string[]): void => {
    for (const id of route) {
      const configured = sinks.get(id);
      if (configured) deliveries.send(configured.sink, configured.retry, notice);
    }
  };
  const evaluator = new AlertEvaluator({
    rules,
    telemetry,
    store,
    clock,
    owner: (rule, subject) => ownerOf(rule, subject, config.owners),
    route: (rule) => config.routes[rule.severity],
    notify: (notice) => {
      if (!digestSeverities.has(notice.alert.severity)) dispatch(notice, notice.alert.route);
    },
  });
  await evaluator.restore();

  let lastDigestAt = clock.now();
  const sendDigest = async (): Promise<void> => {
    const to = clock.now();
    const digest = await buildDigest(store, digestSeverities, lastDigestAt, to);
    lastDigestAt = to;
    if (digest) dispatch(digest, [...new Set([...digestSeverities].flatMap((severity) => config.routes[severity]))]);
  };
  const evaluate = async (): Promise<void> => {
    if (options.queueSamples) for (const sample of await options.queueSamples()) telemetry.sampleQueue(sample, clock.now());
    await evaluator.evaluate();
  };

  const schedule = new AlertSchedule(clock, log);
  if (config.enabled) {
    schedule.every('evaluation', () => config.evaluateEverySeconds * 1_000, evaluate);
    schedule.every('digest', () => nextDigestAt(clock.now(), config.digest.hourUtc) - clock.now(), sendDigest);
  }

  return {
    telemetry,
    store,
    active: () => evaluator.active(),
    evaluateNow: () => schedule.run('evaluation', evaluate),
    sendDigestNow: () => schedule.run('digest', sendDigest),
    idle: () => deliveries.idle(),
    close: async () => {
      await schedule.close();
      await deliveries.close();
    },
  };
}
