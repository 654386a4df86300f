import type { ReconciliationJob, ReconciliationReport } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { reportReconciliations, type QueueSample } from '../src/alerts/index.js';
import { alertHarness, attempts, circuit, MINUTE, SECOND } from './alerts-harness.js';

const types = (told: readonly { type: string }[]): string[] => told.map((notice) => notice.type);

describe('alert rules on a fake clock', () => {
  it('P0 provider down: fires once every endpoint has been open 5 minutes, repeats every 15, holds through half-open and a short recovery, resolves a minute after an endpoint closes', async () => {
    const h = await alertHarness();
    const start = h.clock.now();
    for (const endpoint of ['items.create', 'items.get']) attempts('acme', start, 1, 0, { endpoint }).forEach(h.emit);
    h.emit(circuit('acme', 'items.create', start, 'open'));
    await h.run(2 * MINUTE);
    h.emit(circuit('acme', 'items.get', h.clock.now(), 'open'));
    const allOpen = h.clock.now();

    await h.run(4 * MINUTE + 50 * SECOND);
    expect(h.told('provider_down')).toEqual([]);
    await h.run(20 * SECOND);
    expect(h.told('provider_down')).toEqual([{ at: allOpen + 5 * MINUTE, type: 'alert.firing', rule: 'provider_down', severity: 'P0', subject: '{"provider":"acme"}' }]);

    await h.run(14 * MINUTE);
    expect(types(h.told('provider_down'))).toEqual(['alert.firing']);
    await h.run(MINUTE);
    expect(types(h.told('provider_down'))).toEqual(['alert.firing', 'alert.repeat']);

    h.emit(circuit('acme', 'items.get', h.clock.now(), 'half_open'));
    await h.run(2 * MINUTE);
    h.emit(circuit('acme', 'items.get', h.clock.now(), 'closed'));
    await h.run(30 * SECOND);
    h.emit(circuit('acme', 'items.get', h.clock.now(), 'open'));
    await h.run(3 * MINUTE);
    expect(types(h.told('provider_down'))).toEqual(['alert.firing', 'alert.repeat']);

    h.emit(circuit('acme', 'items.get', h.clock.now(), 'closed'));
    const closed = h.clock.now();
    await h.run(2 * MINUTE);
    const resolved = h.told('provider_down')[2];
    expect(resolved?.type).toBe('alert.resolved');
    // Clear from the first evaluation that sees an endpoint closed, for a minute: never sooner, at most one interval later.
    expect(resolved!.at - closed).toBeGreaterThanOrEqual(MINUTE);
    expect(resolved!.at - closed).toBeLessThanOrEqual(MINUTE + 30 * SECOND);
    await h.run(30 * MINUTE);
    expect(h.told('provider_down')).toHaveLength(3);
    expect(h.alerting.active()).toEqual([]);
    await h.alerting.close();
  });

  it('P1 then P2 error rate: P1 above 20% holds P2 back, holds in the hysteresis band, resolves below 15%; then P2 speaks and resolves below 3%', async () => {
    const h = await alertHarness();
    const traffic = (failing: number) => (at: number) => attempts('acme', at, 100, failing).forEach(h.emit);

    await h.run(3 * MINUTE, traffic(30));
    expect(types(h.told('error_rate_high'))).toEqual(['alert.firing']);
    expect(h.told('error_rate_high')[0]?.severity).toBe('P1');
    expect(h.told('error_rate_elevated')).toEqual([]);
    expect(h.alerting.active().map((alert) => alert.rule).sort()).toEqual(['error_rate_elevated', 'error_rate_high']);

    await h.run(10 * MINUTE, traffic(17));
    expect(types(h.told('error_rate_high'))).toEqual(['alert.firing']);
    expect(h.told('error_rate_elevated')).toEqual([]);

    const improved = h.clock.now();
    await h.run(10 * MINUTE, traffic(10));
    const high = h.told('error_rate_high');
    expect(types(high)).toEqual(['alert.firing', 'alert.resolved']);
    // The window falls below 15% within 5 minutes, then it must stay there 2 minutes.
    expect(high[1]!.at - improved).toBeGreaterThanOrEqual(2 * MINUTE);
    expect(high[1]!.at - improved).toBeLessThanOrEqual(7 * MINUTE + 30 * SECOND);
    expect(h.told('error_rate_elevated')).toEqual([{ at: high[1]!.at, type: 'alert.firing', rule: 'error_rate_elevated', severity: 'P2', subject: '{"provider":"acme"}' }]);

    await h.run(10 * MINUTE, traffic(0));
    expect(types(h.told('error_rate_elevated'))).toEqual(['alert.firing', 'alert.resolved']);
    expect(types(h.told('error_rate_high'))).toEqual(['alert.firing', 'alert.resolved']);
    await h.alerting.close();
  });

  it('stays quiet on too few requests, on failures that are answers, and on an error rate under 5%', async () => {
    const h = await alertHarness();
    await h.run(20 * MINUTE, (at) => {
      if (at % MINUTE === 0) attempts('sparse', at, 1, 1).forEach(h.emit);
      attempts('declines', at, 20, 20, { kind: 'business_rejected' }).forEach(h.emit);
      attempts('healthy', at, 100, 4).forEach(h.emit);
    });
    expect(h.told()).toEqual([]);
    expect(h.alerting.active()).toEqual([]);
    await h.alerting.close();
  });

  it('P1 queue depth: quiet at 79%, fires on a rejection (a full queue), holds at 75%, resolves at 50%', async () => {
    let fill = 0.79;
    const sampler = (): Promise<readonly QueueSample[]> => Promise.resolve([{ queue: 'acme', depth: Math.round(fill * 1_000), maxDepth: 1_000 }]);
    const h = await alertHarness({}, { queueSamples: sampler });
    await h.run(10 * MINUTE);
    expect(h.told('queue_depth')).toEqual([]);

    h.emit({ type: 'queue.rejected', at: h.clock.now(), provider: 'acme', endpoint: 'items.create', depth: 1_000, maxDepth: 1_000, priority: 'normal' });
    fill = 0.75;
    await h.run(30 * SECOND);
    expect(h.told('queue_depth')).toEqual([expect.objectContaining({ type: 'alert.firing', severity: 'P1', subject: '{"queue":"acme"}' })]);
    await h.run(15 * MINUTE);
    expect(types(h.told('queue_depth'))).toEqual(['alert.firing']);

    fill = 0.5;
    await h.run(10 * MINUTE);
    expect(types(h.told('queue_depth'))).toEqual(['alert.firing', 'alert.resolved']);
    await h.alerting.close();
  });

  it('P2 p95 latency: fires when the last 5 minutes are over 150% of the 30 before, not at 120%, and resolves when latency returns', async () => {
    const h = await alertHarness();
    let ms = 100;
    const traffic = (at: number): void => attempts('acme', at, 10, 0, { durationMs: ms }).forEach(h.emit);
    await h.run(40 * MINUTE, traffic);
    ms = 120;
    await h.run(10 * MINUTE, traffic);
    expect(h.told('latency_p95')).toEqual([]);

    await h.run(35 * MINUTE, traffic);
    ms = 200;
    await h.run(5 * MINUTE, traffic);
    expect(h.told('latency_p95')).toEqual([expect.objectContaining({ type: 'alert.firing', severity: 'P2', subject: '{"provider":"acme","endpoint":"items.create"}' })]);

    ms = 120;
    await h.run(10 * MINUTE, traffic);
    expect(types(h.told('latency_p95'))).toEqual(['alert.firing', 'alert.resolved']);
    await h.alerting.close();
  });

  it("P1 SLA latency: fires when an endpoint's p95 reaches the provider's SLA, resolves under 90% of it; a provider without an SLA is not measured", async () => {
    const h = await alertHarness({ rules: { latency_sla: { slaMs: { acme: 500 } } } });
    let ms = 300;
    const traffic = (at: number): void => {
      attempts('acme', at, 10, 0, { durationMs: ms }).forEach(h.emit);
      attempts('other', at, 10, 0, { durationMs: 5_000 }).forEach(h.emit);
    };
    await h.run(10 * MINUTE, traffic);
    expect(h.told()).toEqual([]);
    ms = 800;
    await h.run(5 * MINUTE, traffic);
    expect(h.told('latency_sla')).toEqual([expect.objectContaining({ type: 'alert.firing', severity: 'P1', subject: '{"provider":"acme","endpoint":"items.create"}' })]);
    ms = 470;
    await h.run(10 * MINUTE, traffic);
    expect(types(h.told('latency_sla'))).toEqual(['alert.firing']);
    ms = 300;
    await h.run(10 * MINUTE, traffic);
    expect(types(h.told('latency_sla'))).toEqual(['alert.firing', 'alert.resolved']);
    expect(h.told().filter((notice) => notice.subject.includes('other'))).toEqual([]);
    await h.alerting.close();
  });

  it('P0 money difference and P2 count gap from reconciliation reports; a clean run resolves them', async () => {
    const h = await alertHarness();
    let next: ReconciliationReport<unknown, unknown>;
    const job: ReconciliationJob = { provider: 'acme', run: () => Promise.resolve(next) };
    const [reporting] = reportReconciliations([job], h.alerting.telemetry);
    const report = (theirsMinor: number, missing: number): ReconciliationReport<unknown, unknown> => ({
      name: 'settlements',
      provider: 'acme',
      period: { from: 0, to: 1 },
      startedAt: h.clock.now(),
      finishedAt: h.clock.now(),
      totals: { ours: { EUR: { count: 2, amountMinor: 1_000 } }, theirs: { EUR: { count: 2 - missing, amountMinor: theirsMinor } } },
      missing: Array.from({ length: missing }, (_, i) => ({ key: `k${i}`, record: {} })),
      extra: [],
      mismatched: [],
      duplicates: [],
      differences: missing,
    });
    const run = async (theirsMinor: number, missing: number): Promise<void> => {
      next = report(theirsMinor, missing);
      await reporting!.run({ from: 0, to: 1 });
      await h.run(MINUTE);
    };

    await run(1_000, 0);
    expect(h.told()).toEqual([]);
    await run(1_000, 1);
    expect(h.told()).toEqual([expect.objectContaining({ rule: 'reconciliation_counts', severity: 'P2', type: 'alert.firing', subject: '{"provider":"acme","reconciliation":"settlements"}' })]);
    await run(400, 1);
    expect(h.told('reconciliation_money')).toEqual([expect.objectContaining({ severity: 'P0', type: 'alert.firing' })]);
    await run(1_000, 0);
    expect(types(h.told('reconciliation_money'))).toEqual(['alert.firing', 'alert.resolved']);
    expect(types(h.told('reconciliation_counts'))).toEqual(['alert.firing', 'alert.resolved']);
    await h.alerting.close();
  });

  it('P0 outcome unknown: fires at the next evaluation, repeats, and resolves when an hour passes without one', async () => {
    const h = await alertHarness();
    h.emit({ type: 'queue.dead_lettered', at: h.clock.now(), provider: 'acme', endpoint: 'items.create', correlationId: 'c1', attempts: 3, errorKind: 'unavailable', reason: 'http_503' });
    await h.run(MINUTE);
    expect(h.told()).toEqual([]);
    h.emit({ type: 'queue.dead_lettered', at: h.clock.now(), provider: 'acme', endpoint: 'items.create', correlationId: 'c2', attempts: 3, errorKind: 'outcome_unknown', reason: 'http_504' });
    await h.run(30 * SECOND);
    expect(h.told('outcome_unknown')).toEqual([expect.objectContaining({ type: 'alert.firing', severity: 'P0' })]);
    await h.run(70 * MINUTE);
    expect(types(h.told('outcome_unknown'))).toEqual(['alert.firing', 'alert.repeat', 'alert.repeat', 'alert.repeat', 'alert.resolved']);
    await h.alerting.close();
  });

  it('P3 unknown enum, schema drift and rate limiting go to the daily digest only, once, at the configured hour', async () => {
    const h = await alertHarness({ digest: { hourUtc: 8 } });
    h.emit({ type: 'enum.unknown_value', at: h.clock.now(), provider: 'acme', enum: 'status', raw: 'on_hold', count: 1, firstSeen: true });
    h.emit({ type: 'contract.drift', at: h.clock.now(), provider: 'acme', contract: 'item', version: '1', policy: 'warn', drift: ['unknown_field data.extra'], firstSeen: [] });
    await h.run(10 * MINUTE, (at) => {
      for (let i = 0; i < 4; i++) h.emit({ type: 'rate_limit.waited', at, provider: 'acme', endpoint: 'items.create', correlationId: `w${i}`, waitMs: 500, limiter: 'burst' });
      attempts('quiet', at, 1, 0).forEach(h.emit);
    });
    h.emit({ type: 'rate_limit.waited', at: h.clock.now(), provider: 'quiet', endpoint: 'items.create', correlationId: 'q', waitMs: 500, limiter: 'burst' });
    expect(h.told()).toEqual([]);
    expect(h.alerting.active().map((alert) => `${alert.severity} ${alert.rule}`).sort()).toEqual(['P3 rate_limited', 'P3 schema_drift', 'P3 unknown_enum']);

    const digests = (): string[] => h.lines.filter((line) => line.fields.type === 'alert.digest').map((line) => `${new Date(line.at).toISOString()} ${String(line.fields.alerts)}`);
    await h.run(7 * 60 * MINUTE + 49 * MINUTE, undefined, 10 * MINUTE);
    expect(digests()).toEqual([]);
    await h.run(2 * MINUTE);
    expect(digests()).toEqual(['2026-01-01T08:00:00.000Z unknown_enum|provider=acme,schema_drift|provider=acme,rate_limited|provider=acme']);
    await h.run(60 * MINUTE, undefined, 10 * MINUTE);
    expect(digests()).toHaveLength(1);
    expect(h.told()).toEqual([]);
    await h.alerting.close();
  });

  it('an evaluation that throws is logged and the next one runs on time', async () => {
    let calls = 0;
    const sampler = (): Promise<readonly QueueSample[]> => (++calls === 1 ? Promise.reject(new Error('queue unreachable')) : Promise.resolve([{ queue: 'acme', depth: 95, maxDepth: 100 }]));
    const h = await alertHarness({}, { queueSamples: sampler });
    await h.run(30 * SECOND);
    expect(h.lines.map((line) => [line.message, line.fields.reason])).toEqual([['alert evaluation failed', 'queue unreachable']]);
    await h.run(30 * SECOND);
    expect(h.told('queue_depth')).toEqual([{ at: h.clock.now(), type: 'alert.firing', rule: 'queue_depth', severity: 'P1', subject: '{"queue":"acme"}' }]);
    await h.alerting.close();
  });
});
