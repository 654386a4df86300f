import type { Server } from 'node:http';
import { OtelSpanSink, systemClock, type Clock, type ConnectorDescriptor, type Consumer, type EventQueue, type IntegrityStore, type ReconciliationJob } from '@interlock/core';
import { reportReconciliations, startAlerting, type Alerting } from './alerts/index.js';
import type { HubConfig } from './config/config.js';
import type { KnownDescriptors } from './connectors/load-descriptor.js';
import { openProviders, type RunningProvider } from './connectors/providers.js';
import { consoleRoutes } from './console/index.js';
import { openEngines, type Engines } from './engines.js';
import { listen, type Route } from './http/server.js';
import { ingressProvider } from './ingress/ingress-provider.js';
import { createWebhookIngress } from './ingress/webhook-ingress.js';
import { CredentialScrubber } from './logging/credential-scrubber.js';
import type { HubLog } from './logging/log.js';
import { LogTelemetry } from './logging/log-telemetry.js';
import { createPinoLog, resolveLogLevel, type LogDestination } from './logging/pino-log.js';
import { BusinessMetrics } from './metrics/business-metrics.js';
import { HubMetrics } from './metrics/hub-metrics.js';
import { RuntimeMetrics } from './metrics/runtime-metrics.js';
import { RecordPoller } from './polling/record-poller.js';
import { pollSchedule } from './polling/schedule.js';
import { reconciliationJobs, ReconciliationScheduler, scheduleFromConfig } from './reconciliation/index.js';
import { RetentionJob } from './retention/retention-job.js';
import { redeliveryOf, retentionWindowMs } from './retention/retention-window.js';
import { tracedHandler } from './tracing/apply-span.js';
import { prepareOpenTelemetry } from './tracing/otel-sdk.js';
import { logDeadLetter } from './workers/dead-letter-log.js';
import { createEventApplier } from './workers/event-applier.js';

export interface HubOptions {
  config: HubConfig;
  /** Where the config's connector packages and paths are resolved from; default the working directory. */
  baseDir?: string;
  /** Descriptors already in hand, by the specifier the config names them with; others are imported. */
  descriptors?: KnownDescriptors;
  clock?: Clock;
  env?: NodeJS.ProcessEnv;
  /** Default JSON lines (pino) at the config's level; whichever it is, no credential reaches it. */
  log?: HubLog;
  /** Where the default log writes; default standard error. */
  logDestination?: LogDestination;
  /** Start without workers (the flood test acknowledges everything first, then drains). */
  startWorkers?: boolean;
  engines?: Engines;
  /** Reconciliations to run on the config's schedule; default one per provider whose domain reconciles. */
  reconciliations?: readonly ReconciliationJob[];
  /** The fetch connectors use (tests and the demo point it at simulators); default global fetch. */
  fetch?: typeof fetch;
}

export interface Hub {
  url: string;
  queue: EventQueue;
  integrity: IntegrityStore;
  metrics: HubMetrics;
  /** The configured providers' names. */
  providers: readonly string[];
  /**
   * The connector the hub runs for a provider, typed by its descriptor; throws when the provider
   * is not configured with that connector.
   */
  connector<C>(descriptor: ConnectorDescriptor<C>, provider?: string): C;
  /** Runs the configured reconciliations on schedule; `runNow` for one on demand. */
  reconciliation: ReconciliationScheduler;
  /** The alerts the config's rules raise; undefined when alerting is disabled. */
  alerts: Alerting | undefined;
  startWorkers(): void;
  stopWorkers(): Promise<void>;
  close(): Promise<void>;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

/**
 * Starts the hub: loads the connectors the config names, then runs their webhooks through ingress
 * and workers, their domains' pollers and reconciliations, health and metrics, on the engines the
 * config names. It knows no provider and no domain: it loops over what the descriptors declare.
 */
export async function startHub(options: HubOptions): Promise<Hub> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const rawEnv = options.env ?? process.env;
  const scrubber = new CredentialScrubber();
  // Everything the hub's parts read from the environment is a credential or a secret's name.
  const env = scrubber.watch(rawEnv);
  const log = scrubber.wrap(options.log ?? createPinoLog({ level: resolveLogLevel(config.log.level, rawEnv), clock, destination: options.logDestination }));
  // Before anything opens: a missing SDK package stops the start with nothing to close.
  const startOpenTelemetry = await prepareOpenTelemetry();
  const engines = options.engines ?? (await openEngines(config, clock, env, log));
  const metrics = new HubMetrics(engines.queue);
  const business = new BusinessMetrics(metrics.registry, log);
  let running: RunningProvider[];
  let keepEventsMs: number;
  let alerting: Alerting | undefined;
  let supportConsole: Route[];
  try {
    alerting = config.alerts.enabled ? await startAlerting({ config: config.alerts, clock, log, env, integrity: engines.integrity, metrics: metrics.registry }) : undefined;
    running = await openProviders(config, { env, clock, telemetry: [metrics, business, new LogTelemetry(log), ...(alerting ? [alerting.telemetry] : []), new OtelSpanSink()], fetch: options.fetch, baseDir: options.baseDir ?? process.cwd(), descriptors: options.descriptors, idempotencyStore: engines.integrity });
    business.add(running.map((provider) => ({ name: provider.name, domain: provider.descriptor.domain })));
    keepEventsMs = retentionWindowMs(
      config.retention.keepHours,
      running.map((provider) => redeliveryOf(provider.name, provider.descriptor)),
    );
    // Here, so an operator token missing from the environment stops the start with the rest closed.
    supportConsole = config.console.enabled ? consoleRoutes({ config: config.console, env, clock, stores: engines, providers: running, alerting, business }) : [];
  } catch (error) {
    await alerting?.close();
    if (!options.engines) await engines.close();
    throw error;
  }
  const byName = new Map(running.map((provider) => [provider.name, provider]));
  const pollers = new Map<string, RecordPoller>();
  if (config.polling.enabled) {
    for (const provider of running) {
      const polling = provider.descriptor.domain.polling;
      if (!polling) continue;
      const schedule = pollSchedule(config.polling, polling);
      const onGiveUp = (recordId: string): void => log.warn('record never settled: a person should look', { provider: provider.name, recordId });
      pollers.set(provider.name, new RecordPoller({ provider: provider.name, connector: provider.connector, polling, queue: engines.queue, integrity: engines.integrity, clock, schedule, log, onGiveUp }));
    }
    await Promise.all([...pollers.values()].map((poller) => poller.resume()));
  }
  const jobs = options.reconciliations ?? reconciliationJobs(running, engines.integrity, clock);
  const reconciliation = new ReconciliationScheduler({
    jobs: alerting ? reportReconciliations(jobs, alerting.telemetry) : jobs,
    schedule: scheduleFromConfig(config.reconciliation),
    clock,
    integrity: engines.integrity,
    metrics,
    log,
  });
  const ingress = createWebhookIngress({
    providers: new Map(running.map((provider) => [provider.name, ingressProvider(provider)])),
    queue: engines.queue,
    clock,
    metrics,
    maxBodyBytes: config.maxBodyBytes,
    unauthenticatedPerMinute: config.unauthenticatedPerMinute,
    log,
  });
  const applier = tracedHandler(createEventApplier({
    integrity: engines.integrity,
    interpreters: new Map(running.map((provider) => [provider.name, provider.interpreter])),
    clock,
    actor: `worker:${config.host}:${config.port}`,
    onOutcome: (event, outcome) => {
      metrics.processed.inc({ provider: event.provider, outcome: outcome.status });
      logDeadLetter(log, event, outcome, config.workers.maxAttempts);
    },
    onApplied: (event, change) => pollers.get(event.provider)?.track(change.recordId, change.status),
    onWritten: (event, change, previous) => business.applied(event.provider, { change, previous, receivedAt: event.receivedAt }),
  }));
  let consumer: Consumer | undefined;
  const startWorkers = (): void => {
    consumer ??= engines.queue.consume(applier, { ...config.workers, workerId: `hub:${process.pid}` });
  };
  const { server, url } = await listen(
    [
      ...supportConsole,
      { method: '*', pattern: /^\/webhooks\/([a-z0-9-]+)$/, handler: (req, res, match) => ingress(req, res, match[1] as string) },
      {
        method: 'GET',
        pattern: /^\/health$/,
        handler: async (_req, res) => {
          const workers = consumer ? 'running' : 'stopped';
          let counts: Awaited<ReturnType<EventQueue['counts']>>;
          try {
            counts = await engines.queue.counts();
          } catch {
            // The queue's own timeout bounds this wait; the reason is in the engine's log line.
            res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'unavailable', queue: 'down', workers }));
            return;
          }
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok', queue: 'up', workers, events: counts }));
        },
      },
      {
        method: 'GET',
        pattern: /^\/metrics$/,
        handler: async (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(await metrics.registry.render());
        },
      },
    ],
    config.host,
    config.port,
    config.http,
  );
  const retention = config.retention.enabled
    ? new RetentionJob({ queue: engines.queue, integrity: engines.integrity, clock, keepMs: keepEventsMs, everyMs: config.retention.everyMinutes * 60_000, log })
    : undefined;
  const runtime = new RuntimeMetrics(metrics.registry);
  if (options.startWorkers ?? true) startWorkers();
  if (config.reconciliation.enabled) reconciliation.start();
  retention?.start();
  const openTelemetry = startOpenTelemetry(metrics.registry);
  log.info('hub started', { url, providers: running.map((provider) => provider.name).join(','), store: config.store.kind, queue: config.queue.kind });
  return {
    url,
    queue: engines.queue,
    integrity: engines.integrity,
    metrics,
    providers: running.map((provider) => provider.name),
    connector<C>(descriptor: ConnectorDescriptor<C>, provider: string = descriptor.id): C {
      const found = byName.get(provider);
      if (!found || found.descriptor !== descriptor) throw new TypeError(`Provider ${provider} is not configured with the ${descriptor.id} connector`);
      return found.connector as C;
    },
    reconciliation,
    alerts: alerting,
    startWorkers,
    stopWorkers: async () => {
      await consumer?.stop();
      consumer = undefined;
    },
    close: async () => {
      await closeServer(server);
      await reconciliation.close();
      await retention?.close();
      // Workers first: the last events they apply may still start tracking a record.
      await consumer?.stop();
      await Promise.all([...pollers.values()].map((poller) => poller.stop()));
      await alerting?.close();
      await engines.close();
      runtime.stop();
      await openTelemetry.shutdown();
      log.info('hub stopped', { url });
    },
  };
}
