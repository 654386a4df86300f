import { isIntegrationError, money } from '@interlock/core';
import type { Hub } from '@interlock/hub';
import type { DemoProvider } from './providers.js';
import { contractBreakingCopy } from './support-cases.js';

/**
 * One batch at one provider: payments through the real connector the hub runs, the simulated
 * customers pay, and the provider delivers the resulting webhooks to the hub the way real
 * providers misbehave (some twice, some out of order, a stale replay and a forged one). Returns
 * the batch's line for the console.
 */
export async function runBatch(hub: Hub, provider: DemoProvider, run: string, batch: number, count: number): Promise<string> {
  const connector = hub.connector(provider.descriptor, provider.name);
  let created = 0;
  const failures = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    try {
      const payment = await connector.createPayment({
        amount: money(1_000 + ((batch * count + i) % 50) * 125, provider.currency),
        captureMethod: 'automatic',
        reference: `demo-${run}-${batch}-${i}`,
      });
      provider.simulation.customerCompletes(payment);
      created++;
    } catch (error) {
      // A typed failure the retries could not absorb: shown, never swallowed.
      const label = isIntegrationError(error) ? `${error.kind}/${error.reason}` : 'bug';
      failures.set(label, (failures.get(label) ?? 0) + 1);
    }
  }
  const url = `${hub.url}/webhooks/${provider.name}`;
  const events = provider.simulation.takeWebhookEvents();
  const deliveries = await provider.simulation.simulator.deliverWebhooks(
    url,
    { sign: provider.simulation.signWebhook, duplicates: 0.2, outOfOrder: 0.1, staleReplays: 1, forged: 1, seed: batch },
    events,
  );
  const [first] = events;
  // The first batch leaves support a dead letter to correct in the console.
  if (batch === 1 && first) await provider.simulation.simulator.deliverWebhooks(url, { sign: provider.simulation.signWebhook }, [contractBreakingCopy(first)]);
  const refused = deliveries.filter((delivery) => delivery.status === 400).length;
  const failed = [...failures].map(([label, n]) => `${n} ${label}`).join(', ');
  return `${provider.name}: ${created} paid${failed ? ` (${failed})` : ''}, ${deliveries.length} webhooks (${refused} forged refused)`;
}

/**
 * Waits, in real time (the hub's workers run on it), until nothing is queued or being applied, so
 * reconciliation sees every accepted webhook. False when `timeoutMs` passed first.
 */
export async function drained(hub: Hub, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await hub.queue.counts();
    if (counts.queued + counts.processing === 0) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
