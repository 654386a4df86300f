import { randomBytes } from 'node:crypto';
import { systemClock } from '@interlock/core';
import { loadConfig } from '../config/config.js';
import { DEMO_PROVIDER, DEMO_SECRETS_ENV, demoPaymentsInterpreter } from '../demo/demo-payments.js';
import { demoEvents, sendDemoBatch } from '../demo/demo-traffic.js';
import { startHub } from '../hub.js';

export interface DemoOptions {
  configPath?: string | undefined;
  port?: number | undefined;
  /** Stop after this many batches (the tests); default: run until interrupted. */
  batches?: number | undefined;
  intervalMs?: number;
  out?: (line: string) => void;
}

/**
 * `interlock start --demo`: the hub on the embedded store, plus a simulated payments provider
 * that sends it signed webhooks with duplicates, reordering, stale replays and forgeries. No
 * credentials needed: the webhook secret is made up at start and never printed.
 */
export async function runDemo(options: DemoOptions = {}): Promise<void> {
  const out = options.out ?? ((line: string) => console.log(line));
  const secret = `whsec_demo_${randomBytes(24).toString('hex')}`;
  const env = { ...process.env, [DEMO_SECRETS_ENV]: secret };
  const config = loadConfig(options.configPath, {
    ...(options.port === undefined ? {} : { port: options.port }),
    providers: [{ name: DEMO_PROVIDER, verification: 'stripe', secretsEnv: DEMO_SECRETS_ENV, occurredAt: 'created' }],
  });
  const hub = await startHub({ config, env, interpreters: new Map([[DEMO_PROVIDER, demoPaymentsInterpreter]]), log: { warn: () => undefined } });
  out(`Interlock hub listening on ${hub.url} (store: ${config.store.kind}${config.store.kind === 'sqlite' ? ` at ${config.store.path}` : ''})`);
  out(`  webhooks: POST ${hub.url}/webhooks/${DEMO_PROVIDER}   health: ${hub.url}/health   metrics: ${hub.url}/metrics`);
  out('  a simulated payments provider is sending signed webhooks: duplicates, out of order, stale and forged ones included');
  let stopping = false;
  const stop = (): void => {
    stopping = true;
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const run = Date.now();
  try {
    for (let batch = 0; !stopping && (options.batches === undefined || batch < options.batches); batch++) {
      const events = demoEvents(run + batch, 20, Math.floor(Date.now() / 1000));
      const records = await sendDemoBatch(`${hub.url}/webhooks/${DEMO_PROVIDER}`, secret, events, systemClock, batch + 1);
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 2_000));
      const counts = await hub.queue.counts();
      const refused = records.filter((r) => r.status === 400).length;
      out(
        `batch ${batch + 1}: sent ${records.length} webhooks (${refused} refused as forged) | applied ${counts.applied}, discarded ${counts.discarded} (duplicates of state, stale or backward), queued ${counts.queued + counts.processing}, dead ${counts.dead}`,
      );
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await hub.close();
    out('hub stopped');
  }
}
