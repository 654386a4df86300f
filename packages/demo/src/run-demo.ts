import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig, startHub, type Hub, type HubOptions } from '@interlock/hub';
import { startDemoProviders, type DemoProviders } from './providers.js';
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

async function reconcile(hub: Hub, demo: DemoProviders, from: number, out: (line: string) => void): Promise<void> {
  // Reconciliation compares what the workers applied, so the webhooks already accepted are applied first.
  await drained(hub, 10_000);
  for (const provider of demo.providers) {
    provider.simulation.settle(Date.now());
    const summary = await hub.reconciliation.runNow(provider.name, { from, to: Date.now() + 1 });
    out(`  reconciliation ${provider.name}: ${summary.differences} differences (${summary.missing} missing, ${summary.extra} extra, ${summary.mismatched} mismatched)`);
  }
}

async function runOn(demo: DemoProviders, options: DemoOptions, out: (line: string) => void): Promise<void> {
  const config = loadConfig(options.configPath, {
    ...(options.port === undefined ? {} : { port: options.port }),
    // The demo reconciles every few batches itself rather than once a day.
    reconciliation: { enabled: false },
    providers: demo.providers.map((provider) => provider.config),
  });
  const hub = await startHub({ config, descriptors: demo.descriptors, env: demo.env, log: options.log ?? { warn: () => undefined } });
  try {
    out(`Interlock hub listening on ${hub.url} (store: ${config.store.kind}${config.store.kind === 'sqlite' ? ` at ${config.store.path}` : ''})`);
    out(`  webhooks: POST ${hub.url}/webhooks/stripe and /webhooks/razorpay   health: ${hub.url}/health   metrics: ${hub.url}/metrics`);
    out('  Stripe and Razorpay are simulated locally (5% of their answers fail); payments go through the real connectors');
    const started = Date.now();
    const reconcileEvery = options.reconcileEvery ?? 5;
    for (let batch = 1; !options.signal?.aborted && (options.batches === undefined || batch <= options.batches); batch++) {
      const parts: string[] = [];
      for (const provider of demo.providers) parts.push(await runBatch(hub, provider, demo.run, batch, options.paymentsPerBatch ?? 5));
      await pause(options.intervalMs ?? 2_000, options.signal);
      const counts = await hub.queue.counts();
      out(`batch ${batch}: ${parts.join(' | ')} | hub: applied ${counts.applied}, discarded ${counts.discarded} (duplicate, stale or backward), queued ${counts.queued + counts.processing}, dead ${counts.dead}`);
      if (batch % reconcileEvery === 0 || batch === options.batches) await reconcile(hub, demo, started, out);
    }
  } finally {
    await hub.close();
    out('hub stopped');
  }
}

/**
 * `npm start`: the hub on the embedded store with Stripe and Razorpay simulated on 127.0.0.1 (their
 * connectors' own simulations, failing 5% of requests). Each batch takes payments through the real
 * connectors, the simulated customers pay, the providers send signed webhooks (duplicates,
 * reordered, stale and forged ones included) to the hub, whose workers apply them; every few
 * batches each provider settles and the hub reconciles. No credentials needed: the demo makes
 * throwaway ones at start and never prints them.
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
