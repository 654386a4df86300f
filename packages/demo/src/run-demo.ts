import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig, silentLog, startHub, type Hub, type HubOptions } from '@interlock/hub';
import { startDemoProviders, type DemoProviders } from './providers.js';
import { allFinal, CarrierRun, scanRound, settledBy, shipBatch, shippingLine, standing, type ShippingBatch } from './shipping.js';
import { drained, runBatch } from './traffic.js';

export interface DemoOptions {
  /** A hub config for the store, port, queue and workers; its providers are replaced by the simulated ones. */
  configPath?: string | undefined;
  port?: number | undefined;
  /** Stop after this many batches; default: run until `signal` aborts. */
  batches?: number | undefined;
  /** Stops the demo after the batch in flight (Ctrl-C). */
  signal?: AbortSignal | undefined;
  /** The pause between batches, cut short by `signal`. Default 2 s. */
  intervalMs?: number;
  /** Payments each provider takes per batch. Default 5. */
  paymentsPerBatch?: number;
  /** Reconcile every this many batches. Default 5. */
  reconcileEvery?: number;
  /**
   * The hub's polling schedule. Default: first read after 3 s, at most 15 s apart: the carriers
   * scan every batch, so a demo minute stands for days of parcels, not the config's hour-long
   * caps; and UPS and DHL allow 20 tracking reads a minute.
   */
  polling?: { firstAfterSeconds: number; capSeconds: number };
  /** How long a run with a batch limit waits, after its last batch, for every shipment to reach a final status. Default 60 s. */
  settleTimeoutMs?: number;
  out?: (line: string) => void;
  /** The hub's log; default none, as every batch's forged webhook would be logged as refused. */
  log?: HubOptions['log'];
  /** Providers already started, closed by the caller (a test that must know the throwaway credentials). */
  providers?: DemoProviders;
}

/** The pause between batches; an abort only cuts it short, the loop then sees the signal. */
async function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await sleep(ms, undefined, signal ? { signal } : {});
  } catch {
    return;
  }
}

/** How long a reconciliation waits for the workers to apply the webhooks already accepted. */
export const RECONCILE_DRAIN_MS = 10_000;

async function reconcile(hub: Hub, demo: DemoProviders, from: number, out: (line: string) => void): Promise<void> {
  // Reconciliation compares what the workers applied, so the webhooks already accepted are applied first.
  await drained(hub, RECONCILE_DRAIN_MS);
  for (const provider of demo.providers) {
    provider.simulation.settle(Date.now());
    const summary = await hub.reconciliation.runNow(provider.name, { from, to: Date.now() + 1 });
    out(`  reconciliation ${provider.name}: ${summary.differences} differences (${summary.missing} missing, ${summary.extra} extra, ${summary.mismatched} mismatched)`);
  }
}

/**
 * After the last batch of a bounded run: the carriers keep scanning (and sending webhooks) until
 * every shipment of the run is at a final status in the hub, moved there by the webhooks or the
 * hub's poller, then says how many each settled.
 */
async function settleShipments(hub: Hub, runs: readonly CarrierRun[], options: DemoOptions, out: (line: string) => void): Promise<void> {
  const deadline = Date.now() + (options.settleTimeoutMs ?? 60_000);
  for (let round = 1; !(await allFinal(hub, runs)) && Date.now() < deadline && !options.signal?.aborted; round++) {
    for (const run of runs) await scanRound(hub, run.carrier, 1_000 + round);
    await pause(Math.max(50, (options.intervalMs ?? 2_000) / 2), options.signal);
  }
  const parts: string[] = [];
  let final = 0;
  let total = 0;
  for (const run of runs) {
    const now = await standing(hub, run);
    const by = await settledBy(hub, run);
    final += now.total - now.moving;
    total += now.total;
    parts.push(`${run.carrier.name} ${by.webhook} by webhook, ${by.poller} by the hub's poller`);
  }
  out(`  shipments: ${final} of ${total} at a final status (${parts.join('; ')})`);
}

/** Where the hub reads the support console's operator token from: made for each run and printed, so a person can sign in. */
const CONSOLE_TOKEN_ENV = 'INTERLOCK_DEMO_CONSOLE_TOKEN';

async function runOn(demo: DemoProviders, options: DemoOptions, out: (line: string) => void): Promise<void> {
  const config = loadConfig(options.configPath, {
    ...(options.port === undefined ? {} : { port: options.port }),
    // The demo reconciles every few batches itself rather than once a day.
    reconciliation: { enabled: false },
    polling: { enabled: true, ...(options.polling ?? { firstAfterSeconds: 3, capSeconds: 15 }) },
    providers: [...demo.providers.map((provider) => provider.config), ...demo.carriers.map((carrier) => carrier.config)],
    console: { operators: [{ name: 'demo', tokenEnv: CONSOLE_TOKEN_ENV, role: 'operator' }] },
  });
  const consoleToken = randomBytes(24).toString('base64url');
  const hub = await startHub({ config, descriptors: demo.descriptors, env: { ...demo.env, [CONSOLE_TOKEN_ENV]: consoleToken }, log: options.log ?? silentLog });
  const runs = demo.carriers.map((carrier) => new CarrierRun(carrier));
  try {
    const hooked = [...demo.providers.map((provider) => provider.name), ...demo.carriers.filter((carrier) => carrier.config.webhookSecretsEnv !== undefined).map((carrier) => carrier.name)];
    out(`Interlock hub listening on ${hub.url} (store: ${config.store.kind}${config.store.kind === 'sqlite' ? ` at ${config.store.path}` : ''})`);
    out(`  webhooks: POST ${hub.url}/webhooks/{${hooked.join(',')}}   health: ${hub.url}/health   metrics: ${hub.url}/metrics`);
    out(`  support console: ${hub.url}/console   operator token for this run: ${consoleToken}`);
    out('  Stripe and Razorpay are simulated locally (5% of their answers fail); payments go through the real connectors');
    out('  Sendcloud, UPS and DHL too: Sendcloud and DHL (DHL Express) labels through their connectors; UPS only tracks (labels bought elsewhere); DHL sends no webhooks, the hub polls it');
    // Providers stamp whole seconds: a window opened mid-second would leave out the first batch's payments.
    const started = Math.floor(Date.now() / 1_000) * 1_000;
    const reconcileEvery = options.reconcileEvery ?? 5;
    for (let batch = 1; !options.signal?.aborted && (options.batches === undefined || batch <= options.batches); batch++) {
      const parts: string[] = [];
      for (const provider of demo.providers) parts.push(await runBatch(hub, provider, demo.run, batch, options.paymentsPerBatch ?? 5));
      const shipped: ShippingBatch[] = [];
      for (const run of runs) shipped.push(await shipBatch(hub, run, demo.run, batch));
      await pause(options.intervalMs ?? 2_000, options.signal);
      for (const [i, run] of runs.entries()) parts.push(shippingLine(run, shipped[i] as ShippingBatch, await standing(hub, run)));
      const counts = await hub.queue.counts();
      out(`batch ${batch}: ${parts.join(' | ')} | hub: applied ${counts.applied}, discarded ${counts.discarded} (duplicate, stale, backward or no change), queued ${counts.queued + counts.processing}, dead ${counts.dead}`);
      if (batch === options.batches) await settleShipments(hub, runs, options, out);
      if (batch % reconcileEvery === 0 || batch === options.batches) await reconcile(hub, demo, started, out);
    }
  } finally {
    await hub.close();
    out('hub stopped');
  }
}

/**
 * `npm start`: the hub on the embedded store with Stripe and Razorpay, Sendcloud, UPS and DHL
 * simulated on 127.0.0.1 (their connectors' own simulations, failing 5% of requests). Each batch
 * takes payments through the real connectors, the simulated customers pay, the providers send
 * signed webhooks (duplicates, reordered, stale and forged ones included) to the hub, whose
 * workers apply them; every few batches each provider settles and the hub reconciles. Beside
 * them, each batch ships parcels (labels through Sendcloud's and DHL's connectors, bought elsewhere
 * for UPS, whose connector only tracks), the carriers scan them and send their webhooks, and the
 * hub's poller reads what no webhook says, until each shipment is final. No credentials needed:
 * the demo makes throwaway ones at start and never prints them.
 */
export async function runDemo(options: DemoOptions = {}): Promise<void> {
  const out = options.out ?? ((line: string) => console.log(line));
  const demo = options.providers ?? (await startDemoProviders());
  try {
    await runOn(demo, options, out);
  } finally {
    if (!options.providers) await demo.close();
  }
}
