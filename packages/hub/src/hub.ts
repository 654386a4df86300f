import type { Server } from 'node:http';
import { systemClock, type Clock, type Consumer, type EventQueue, type IntegrityStore } from '@interlock/core';
import type { HubConfig } from './config/config.js';
import { openEngines, type Engines } from './engines.js';
import { listen } from './http/server.js';
import { ingressProvider, type IngressProvider } from './ingress/ingress-provider.js';
import { createWebhookIngress, type IngressLog } from './ingress/webhook-ingress.js';
import { HubMetrics } from './metrics/hub-metrics.js';
import type { PaymentsConnector } from '@interlock/payments';
import { paymentsConnectorFor, settlementLagMs } from './payments/payments-connectors.js';
import { paymentsInterpreter } from './payments/payments-interpreter.js';
import { PaymentsPoller } from './payments/payments-poller.js';
import { paymentsReconciliationJob, ReconciliationScheduler, scheduleFromConfig, type ReconciliationJob } from './reconciliation/index.js';
import { createEventApplier, type EventInterpreter } from './workers/event-applier.js';

export interface HubOptions {
  config: HubConfig;
  /**
   * How each provider's events become record changes, for providers without a `connector` in the
   * config (those get the connector's payments interpreter).
   */
  interpreters?: ReadonlyMap<string, EventInterpreter>;
  clock?: Clock;
  env?: NodeJS.ProcessEnv;
  log?: IngressLog;
  /** Start without workers (the flood test acknowledges everything first, then drains). */
  startWorkers?: boolean;
  engines?: Engines;
  /** Reconciliations to run on the config's schedule; default one per provider with a payments connector. */
  reconciliations?: readonly ReconciliationJob[];
  /** The fetch connectors use (tests and the demo point it at simulators); default global fetch. */
  fetch?: typeof fetch;
}

export interface Hub {
  url: string;
  queue: EventQueue;
  integrity: IntegrityStore;
  metrics: HubMetrics;
  /** The payments connectors the config names, by provider name. */
  connectors: ReadonlyMap<string, PaymentsConnector>;
  /** Runs the configured reconciliations on schedule; `runNow` for one on demand. */
  reconciliation: ReconciliationScheduler;
  startWorkers(): void;
  stopWorkers(): Promise<void>;
  close(): Promise<void>;
}

const consoleLog: IngressLog = {
  warn: (message, fields) => console.warn(JSON.stringify({ level: 'warn', message, ...fields })),
};

/** Starts the hub: ingress, workers, health and metrics, on the engines the config names. */
export async function startHub(options: HubOptions): Promise<Hub> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const engines = options.engines ?? (await openEngines(config, clock, options.env));
  const metrics = new HubMetrics(engines.queue);
  const log = options.log ?? consoleLog;
  const connectors = new Map<string, PaymentsConnector>();
  for (const provider of config.providers) {
    const connector = paymentsConnectorFor(provider, { env: options.env ?? process.env, clock, telemetry: [metrics], ...(options.fetch ? { fetch: options.fetch } : {}) });
    if (connector) connectors.set(provider.name, connector);
  }
  const interpreters = new Map(options.interpreters);
  for (const [name, connector] of connectors) interpreters.set(name, paymentsInterpreter(connector));
  const pollers = new Map<string, PaymentsPoller>();
  if (config.polling.enabled) {
    const schedule = { firstAfterMs: config.polling.firstAfterSeconds * 1_000, capMs: config.polling.capSeconds * 1_000, maxDurationMs: config.polling.maxHours * 3_600_000 };
    for (const [provider, connector] of connectors) {
      const onGiveUp = (recordId: string): void => log.warn('payment never settled: a person should look', { provider, recordId });
      pollers.set(provider, new PaymentsPoller({ provider, connector, queue: engines.queue, integrity: engines.integrity, clock, schedule, onGiveUp }));
    }
    await Promise.all([...pollers.values()].map((poller) => poller.resume()));
  }
  const reconciliation = new ReconciliationScheduler({
    jobs:
      options.reconciliations ??
      config.providers.flatMap((provider) => {
        const connector = connectors.get(provider.name);
        return connector ? [paymentsReconciliationJob({ provider: provider.name, connector, settlementLagMs: settlementLagMs(provider), integrity: engines.integrity, clock })] : [];
      }),
    schedule: scheduleFromConfig(config.reconciliation),
    clock,
    integrity: engines.integrity,
    metrics,
    log,
  });
  const providers = new Map<string, IngressProvider>(config.providers.map((p) => [p.name, ingressProvider(p, options.env)]));
  const ingress = createWebhookIngress({
    providers,
    queue: engines.queue,
    clock,
    metrics,
    maxBodyBytes: config.maxBodyBytes,
    unauthenticatedPerMinute: config.unauthenticatedPerMinute,
    log,
  });
  const applier = createEventApplier({
    integrity: engines.integrity,
    interpreters,
    clock,
    actor: `worker:${config.host}:${config.port}`,
    onOutcome: (event, outcome) => metrics.processed.inc({ provider: event.provider, outcome: outcome.status }),
    onApplied: (event, change) => pollers.get(event.provider)?.track(change.recordId, change.status),
  });
  let consumer: Consumer | undefined;
  const startWorkers = (): void => {
    consumer ??= engines.queue.consume(applier, { ...config.workers, workerId: `hub:${process.pid}` });
  };
  const { server, url } = await listen(
    [
      { method: '*', pattern: /^\/webhooks\/([a-z0-9-]+)$/, handler: (req, res, match) => ingress(req, res, match[1] as string) },
      {
        method: 'GET',
        pattern: /^\/health$/,
        handler: async (_req, res) => {
          const counts = await engines.queue.counts();
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok', workers: consumer ? 'running' : 'stopped', events: counts }));
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
  );
  if (options.startWorkers ?? true) startWorkers();
  if (config.reconciliation.enabled) reconciliation.start();
  const closeServer = (s: Server): Promise<void> =>
    new Promise((resolve) => {
      s.closeAllConnections();
      s.close(() => resolve());
    });
  return {
    url,
    queue: engines.queue,
    integrity: engines.integrity,
    metrics,
    connectors,
    reconciliation,
    startWorkers,
    stopWorkers: async () => {
      await consumer?.stop();
      consumer = undefined;
    },
    close: async () => {
      await closeServer(server);
      await reconciliation.close();
      // Workers first: the last events they apply may still start tracking a payment.
      await consumer?.stop();
      await Promise.all([...pollers.values()].map((poller) => poller.stop()));
      await engines.close();
    },
  };
}
