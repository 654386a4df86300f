import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drained, signedPost, testHub, TOY } from './support.js';
import { descriptor } from './toy/toy-connector.js';

/** Waits in real time (the hub's poller and workers run on it) until `check` holds. */
async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('an open hub: a provider and a domain its source never names, end to end', () => {
  it('takes its webhooks, applies them, polls what a lost webhook left behind, and reconciles', { timeout: 60_000 }, async () => {
    const { hub, toy, cleanup } = await testHub({ polling: { enabled: true, firstAfterSeconds: 0.05, capSeconds: 0.2, maxHours: 1 } });
    try {
      const url = `${hub.url}/webhooks/${TOY}`;
      const t0 = Date.now() - 60_000;
      // T1: every webhook arrives. T2: opened, then the provider resolves and closes it, but those webhooks are lost.
      for (const [id, status, at] of [['T1', 'open', t0], ['T1', 'in_progress', t0 + 1_000], ['T1', 'closed', t0 + 2_000], ['T2', 'open', t0]] as const) {
        await expect(signedPost(url, toy.change(id, status, at))).resolves.toMatchObject({ status: 200 });
      }
      toy.change('T2', 'in_progress', t0 + 3_000);
      toy.change('T2', 'closed', t0 + 4_000);
      await drained(hub);
      expect(await hub.integrity.getRecord({ provider: TOY, recordType: 'ticket', recordId: 'T1' })).toMatchObject({ status: 'closed' });
      // The poller reads T2 (it is not settled), and its state goes through the same queue and guards.
      // The worker writes the record, then its audit entry: wait for both.
      await until(async () => (await hub.integrity.getRecord({ provider: TOY, recordType: 'ticket', recordId: 'T2' }))?.status === 'closed' && (await hub.integrity.listAudit({ recordId: 'T2' })).length === 2);
      const trail = await hub.integrity.listAudit({ recordId: 'T2' });
      expect(trail.map((entry) => `${entry.action} ${entry.outcome}`)).toEqual(['apply ticket.open applied', 'apply interlock.polled applied']);

      const period = { from: t0 - 1, to: Date.now() };
      await expect(hub.reconciliation.runNow(TOY, period)).resolves.toMatchObject({ provider: TOY, differences: 0 });
      // The provider changes a fee without telling anyone: reconciliation finds it.
      toy.tickets.set('T1', { ...toy.tickets.get('T1')!, fee: 999 });
      await expect(hub.reconciliation.runNow(TOY, period)).resolves.toMatchObject({ differences: 1, mismatched: 1, sample: ['T1'] });
      expect(hub.connector(descriptor, TOY).provider).toBe('toy-tickets');
    } finally {
      await cleanup();
    }
  });

  it('fails to start, naming the problem, when a connector is missing or its options are wrong', async () => {
    await expect(testHub({ providers: [{ name: 'x', connector: '@interlock/no-such-connector' }] })).rejects.toThrow(/@interlock\/no-such-connector is not installed/);
    await expect(testHub({ providers: [{ name: 'x', connector: './toy/toy-connector.ts', options: { baseUrl: 'not a url' } }] })).rejects.toThrow(/Provider x: invalid options for \.\/toy\/toy-connector\.ts: baseUrl/);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The code without its comments: comments may name examples, code may not. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

describe("the hub's source", () => {
  it('names no provider and no domain outside comments', () => {
    const src = join(import.meta.dirname, '..', 'src');
    const named = sourceFiles(src).filter((file) => /stripe|razorpay|payment|shipment|logistic|kyc|tracking/i.test(code(readFileSync(file, 'utf8'))));
    expect(named).toEqual([]);
  });
});
