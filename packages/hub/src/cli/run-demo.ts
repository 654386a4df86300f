import { isIntegrationError, money } from '@interlock/core';
import type { PaymentsConnector } from '@interlock/payments';
import { loadConfig } from '../config/config.js';
import { startDemoProviders, type DemoProvider } from '../demo/demo-providers.js';
import { startHub, type Hub } from '../hub.js';

export interface DemoOptions {
  configPath?: string | undefined;
  port?: number | undefined;
  /** Stop after this many batches (the tests); default: run until interrupted. */
  batches?: number | undefined;
  intervalMs?: number;
  /** Payments each provider takes per batch. Default 5. */
  paymentsPerBatch?: number;
  /** Reconcile every this many batches. Default 5. */
  reconcileEvery?: number;
  out?: (line: string) => void;
}

/** One batch at one provider: payments through the connector, the customers pay, webhooks go to the hub. */
async function runBatch(hub: Hub, provider: DemoProvider, connector: PaymentsConnector, batch: number, count: number): Promise<string> {
  let created = 0;
  const failures = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    try {
      const payment = await connector.createPayment({
        amount: money(1_000 + ((batch * count + i) % 50) * 125, provider.currency),
        captureMethod: 'automatic',
        reference: `demo-${batch}-${i}`,
      });
      provider.simulation.customerCompletes(payment);
      created++;
    } catch (error) {
      // A typed failure the retries could not absorb: shown, never swallowed.
      const label = isIntegrationError(error) ? `${error.kind}/${error.reason}` : 'bug';
      failures.set(label, (failures.get(label) ?? 0) + 1);
    }
  }
  const deliveries = await provider.simulation.simulator.deliverWebhooks(
    `${hub.url}/webhooks/${provider.name}`,
    { sign: provider.simulation.signWebhook, duplicates: 0.2, outOfOrder: 0.1, staleReplays: 1, forged: 1, seed: batch },
    provider.simulation.takeWebhookEvents(),
  );
  const refused = deliveries.filter((delivery) => delivery.status === 400).length;
  const failed = [...failures].map(([label, n]) => `${n} ${label}`).join(', ');
  return `${provider.name}: ${created} paid${failed ? ` (${failed})` : ''}, ${deliveries.length} webhooks (${refused} forged refused)`;
}

/** Waits (at most 10 s) for the workers to apply what is queued, so reconciliation sees it. */
async function settled(hub: Hub): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const counts = await hub.queue.counts();
    if (counts.queued + counts.processing === 0 || Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * `interlock start --demo`: the hub on the embedded store with Stripe and Razorpay simulated on
 * 127.0.0.1 (their connectors' own simulations, failing 5% of requests). Each batch takes
 * payments through the real connectors, the simulated customers pay, the providers send signed
 * webhooks (duplicates, reordered, stale and forged ones included) to the hub, whose workers
 * apply them; every few batches each provider settles and the hub reconciles. No credentials
 * needed: the demo makes throwaway ones at start and never prints them.
 */
export async function runDemo(options: DemoOptions = {}): Promise<void> {
  const out = options.out ?? ((line: string) => console.log(line));
  const demo = await startDemoProviders();
  const config = loadConfig(options.configPath, {
    ...(options.port === undefined ? {} : { port: options.port }),
    reconciliation: { enabled: false },
    providers: demo.providers.map((provider) => provider.config),
  });
  const hub = await startHub({ config, env: demo.env, log: { warn: () => undefined } });
  out(`Interlock hub listening on ${hub.url} (store: ${config.store.kind}${config.store.kind === 'sqlite' ? ` at ${config.store.path}` : ''})`);
  out(`  webhooks: POST ${hub.url}/webhooks/stripe and /webhooks/razorpay   health: ${hub.url}/health   metrics: ${hub.url}/metrics`);
  out('  Stripe and Razorpay are simulated locally (5% of their answers fail); payments go through the real connectors');
  let stopping = false;
  const stop = (): void => {
    stopping = true;
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const started = Date.now();
  const reconcileEvery = options.reconcileEvery ?? 5;
  try {
    for (let batch = 1; !stopping && (options.batches === undefined || batch <= options.batches); batch++) {
      const parts: string[] = [];
      for (const provider of demo.providers) {
        parts.push(await runBatch(hub, provider, hub.connectors.get(provider.name) as PaymentsConnector, batch, options.paymentsPerBatch ?? 5));
      }
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 2_000));
      const counts = await hub.queue.counts();
      out(`batch ${batch}: ${parts.join(' | ')} | hub: applied ${counts.applied}, discarded ${counts.discarded} (duplicate, stale or backward), queued ${counts.queued + counts.processing}, dead ${counts.dead}`);
      if (batch % reconcileEvery === 0 || batch === options.batches) {
        await settled(hub);
        for (const provider of demo.providers) {
          provider.simulation.settle(Date.now());
          const summary = await hub.reconciliation.runNow(provider.name, { from: started, to: Date.now() + 1 });
          out(`  reconciliation ${provider.name}: ${summary.differences} differences (${summary.missing} missing, ${summary.extra} extra, ${summary.mismatched} mismatched)`);
        }
      }
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await hub.close();
    await demo.close();
    out('hub stopped');
  }
}
