import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IntegrationError, money, reconcile, type ReconciliationPeriod } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReconciliationJob } from '@interlock/core';
import { HubMetrics, loadConfig, openEngines, ReconciliationScheduler, silentLog, type Engines } from '../src/index.js';

const HOUR = 3_600_000;
const schedule = { everyMs: 24 * HOUR, lookbackMs: 24 * HOUR, settleDelayMs: HOUR, retryMs: 15 * 60_000 };

/** A job whose provider is missing `lost` from its report, and which fails while `down` is set. */
function job(clock: FakeClock, state: { down: boolean; periods: ReconciliationPeriod[] }, lost: string[] = []): ReconciliationJob {
  return {
    provider: 'stripe',
    run: async (period) => {
      state.periods.push(period);
      if (state.down) throw new IntegrationError('unavailable', 'down', { provider: 'stripe', endpoint: 'listSettlements', reason: 'http_503' });
      const ours = ['pi_1', 'pi_2', ...lost];
      return reconcile({
        name: 'payments.settlements',
        provider: 'stripe',
        period,
        clock,
        ours: { records: ours, key: (id) => id, amount: () => money(100, 'INR') },
        theirs: { records: ['pi_1', 'pi_2'], key: (id) => id, amount: () => money(100, 'INR') },
      });
    },
  };
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function setup(jobs: (clock: FakeClock) => ReconciliationJob[]): Promise<{ clock: FakeClock; engines: Engines; metrics: HubMetrics; scheduler: ReconciliationScheduler; warnings: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'interlock-recon-'));
  // Moved by hand: each run writes to SQLite, real I/O the clock must not jump over.
  const clock = new FakeClock();
  const engines = await openEngines(loadConfig(undefined, { store: { kind: 'sqlite', path: join(dir, 'hub.db') } }), clock);
  const metrics = new HubMetrics(engines.queue);
  const warnings: string[] = [];
  const scheduler = new ReconciliationScheduler({ jobs: jobs(clock), schedule, clock, integrity: engines.integrity, metrics, log: { ...silentLog, warn: (message) => warnings.push(message) } });
  cleanup = async () => {
    await scheduler.close();
    await engines.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { clock, engines, metrics, scheduler, warnings };
}

describe('ReconciliationScheduler', () => {
  it('runs each day for the day that ended an hour ago, audits the outcome and sets the gauge', async () => {
    const state = { down: false, periods: [] as ReconciliationPeriod[] };
    const { clock, engines, metrics, scheduler } = await setup((c) => [job(c, state)]);
    const start = clock.now();
    scheduler.start();
    const outcomes = async (): Promise<string[]> => (await engines.integrity.listAudit({ provider: 'stripe' })).map((entry) => entry.outcome);
    await clock.advance(24 * HOUR);
    await vi.waitFor(async () => expect(await outcomes()).toHaveLength(1));
    await clock.advance(24 * HOUR);
    await vi.waitFor(async () => expect(await outcomes()).toHaveLength(2));
    expect(state.periods).toEqual([
      { from: start - HOUR, to: start + 23 * HOUR },
      { from: start + 23 * HOUR, to: start + 47 * HOUR },
    ]);
    const audit = await engines.integrity.listAudit({ provider: 'stripe' });
    expect(audit.map((entry) => [entry.actor, entry.action, entry.outcome])).toEqual([
      ['reconciler', 'reconcile', 'clean'],
      ['reconciler', 'reconcile', 'clean'],
    ]);
    expect(await metrics.registry.render()).toContain('interlock_reconciliation_differences{provider="stripe"} 0');
  });

  it('alerts on differences with the keys to look at', async () => {
    const state = { down: false, periods: [] as ReconciliationPeriod[] };
    const { engines, metrics, scheduler, warnings } = await setup((c) => [job(c, state, ['pi_lost'])]);
    const summary = await scheduler.runNow('stripe');
    expect(summary).toMatchObject({ differences: 1, missing: 1, sample: ['pi_lost'] });
    expect(warnings).toEqual(['reconciliation found differences']);
    const [entry] = await engines.integrity.listAudit({ provider: 'stripe' });
    expect(entry?.outcome).toBe('differences');
    expect(JSON.parse(entry?.detail ?? '{}')).toMatchObject({ missing: 1, sample: ['pi_lost'] });
    const rendered = await metrics.registry.render();
    expect(rendered).toContain('interlock_reconciliation_differences{provider="stripe"} 1');
    expect(rendered).toContain('interlock_reconciliation_runs_total{outcome="differences",provider="stripe"} 1');
  });

  it('tries a failed run again after retryMs instead of waiting a day, and records the failure', async () => {
    const state = { down: true, periods: [] as ReconciliationPeriod[] };
    const { clock, engines, scheduler, warnings } = await setup((c) => [job(c, state)]);
    scheduler.start();
    const outcomes = async (): Promise<string[]> => (await engines.integrity.listAudit({ provider: 'stripe' })).map((entry) => entry.outcome).sort();
    await clock.advance(24 * HOUR);
    await vi.waitFor(async () => expect(await outcomes()).toEqual(['failed']));
    state.down = false;
    await clock.advance(15 * 60_000);
    await vi.waitFor(async () => expect(await outcomes()).toEqual(['clean', 'failed']));
    expect(state.periods).toHaveLength(2);
    expect(warnings).toContain('reconciliation could not finish');
  });

  it('refuses a provider with no job', async () => {
    const { scheduler } = await setup(() => []);
    await expect(scheduler.runNow('razorpay')).rejects.toThrow('No reconciliation is configured for provider razorpay');
  });
});
