import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { money, reconcile, type ReconciliationJob, type TelemetrySink } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { AlertTelemetry } from '../src/alerts/alert-telemetry.js';
import { loadConfig, startHub, type Hub, type HubConfigInput } from '../src/index.js';
import { RecordingLog } from './recording-log.js';
import { ENV, observed, TOY, TOY_CONNECTOR } from './support.js';
import { ToyProvider } from './toy/toy-provider.js';

/** The toy provider's reconciliation: our side holds 100 INR more than theirs for one ticket. */
function moneyDrift(clock: FakeClock): ReconciliationJob {
  return {
    provider: TOY,
    run: async (period) =>
      reconcile({
        name: 'tickets.fees',
        provider: TOY,
        period,
        clock,
        ours: { records: [['t_1', 600]] as const, key: ([id]) => id, amount: ([, fee]) => money(fee, 'INR') },
        theirs: { records: [['t_1', 500]] as const, key: ([id]) => id, amount: ([, fee]) => money(fee, 'INR') },
      }),
  };
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function hubWith(overrides: HubConfigInput): Promise<{ hub: Hub; clock: FakeClock; sinks: TelemetrySink[]; log: RecordingLog }> {
  const dir = mkdtempSync(join(tmpdir(), 'interlock-alerts-wired-'));
  const toy = await ToyProvider.start();
  const clock = new FakeClock();
  const { sinks, descriptors } = observed();
  const log = new RecordingLog();
  const config = loadConfig(undefined, {
    port: 0,
    store: { kind: 'sqlite', path: join(dir, 'hub.db') },
    reconciliation: { enabled: false },
    polling: { enabled: false },
    retention: { enabled: false },
    providers: [{ name: TOY, connector: TOY_CONNECTOR, options: { baseUrl: toy.url } }],
    ...overrides,
  });
  const hub = await startHub({
    config,
    clock,
    env: { ...process.env, ...ENV },
    descriptors,
    reconciliations: [moneyDrift(clock)],
    startWorkers: false,
    log,
  });
  cleanup = async () => {
    await hub.close();
    await toy.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { hub, clock, sinks, log };
}

describe('the hub alerts on its own telemetry', () => {
  it('raises P0 when a reconciliation finds money that differs, logs it, keeps it in the audit trail and shows it in /metrics', async () => {
    const { hub, log } = await hubWith({});
    await hub.reconciliation.runNow(TOY);
    await hub.alerts?.evaluateNow();
    await hub.alerts?.idle();
    expect(hub.alerts?.active().map((alert) => [alert.rule, alert.severity])).toEqual([['reconciliation_money', 'P0']]);
    // Money at risk is P0: an error line.
    expect(log.lines.some((line) => line.level === 'error' && line.fields.rule === 'reconciliation_money')).toBe(true);
    expect((await hub.integrity.listAudit({ provider: '_alerts' })).length).toBeGreaterThan(0);
    const metrics = await (await fetch(`${hub.url}/metrics`)).text();
    expect(metrics).toMatch(/interlock_alerts_active\{rule="reconciliation_money",severity="P0"\} 1/);
  });

  it('hands the connectors its telemetry sink: a write whose outcome is unknown raises P0', async () => {
    const { hub, clock, sinks } = await hubWith({});
    expect(sinks).toContain(hub.alerts?.telemetry);
    for (const sink of sinks) sink.emit({ type: 'request.gave_up', at: clock.now(), provider: TOY, endpoint: 'createTicket', correlationId: 'c_1', attempts: 3, reason: 'timeout', errorKind: 'outcome_unknown' });
    await hub.alerts?.evaluateNow();
    expect(hub.alerts?.active().map((alert) => alert.rule)).toEqual(['outcome_unknown']);
  });

  it('runs no rules when alerting is disabled', async () => {
    const { hub, sinks } = await hubWith({ alerts: { enabled: false } });
    await hub.reconciliation.runNow(TOY);
    expect(hub.alerts).toBeUndefined();
    // The metrics', the business metrics', the log's and the spans': nothing for rules.
    expect(sinks.length).toBeGreaterThan(0);
    expect(sinks.some((sink) => sink instanceof AlertTelemetry)).toBe(false);
    expect(await (await fetch(`${hub.url}/metrics`)).text()).not.toContain('interlock_alerts_active');
  });
});
