import { openSqliteStore } from '@interlock/store-sqlite';
import { FakeClock } from '@interlock/testkit';
import { describe, expect, it } from 'vitest';
import { ALERTS_AUDIT_PROVIDER, alertsConfigSchema, AuditAlertStore, MemoryAlertStore, startAlerting, type AlertStore } from '../src/alerts/index.js';
import { MetricsRegistry } from '../src/metrics/registry.js';
import { MINUTE, linesInto, type LogLine } from './alerts-harness.js';

// Evaluations are run by hand here (the schedule is a day apart): SQLite answers on real I/O.
const config = alertsConfigSchema.parse({ evaluateEverySeconds: 86_400 });

async function start(clock: FakeClock, store: AlertStore, lines: LogLine[], metrics?: MetricsRegistry) {
  return startAlerting({ config, clock, store, metrics, log: linesInto(lines, clock) });
}

const told = (lines: readonly LogLine[]): string[] => lines.filter((line) => line.fields.notice !== undefined).map((line) => `${String(line.fields.type)} ${String(line.fields.rule)}`);

describe('alerts kept in the store', () => {
  it('over the audit trail: a restarted hub takes up the firing alert without sending it again, repeats it on schedule and resolves it; /metrics shows it', async () => {
    const clock = new FakeClock();
    const sqlite = openSqliteStore({ path: ':memory:', clock });
    try {
      const store = new AuditAlertStore(sqlite.integrity);
      const lines: LogLine[] = [];
      const first = await start(clock, store, lines);
      first.telemetry.emit({ type: 'queue.dead_lettered', at: clock.now(), provider: 'acme', endpoint: 'items.create', correlationId: 'c1', attempts: 3, errorKind: 'outcome_unknown', reason: 'http_504' });
      await first.evaluateNow();
      expect(told(lines)).toEqual(['alert.firing outcome_unknown']);
      await first.close();

      await clock.advance(5 * MINUTE);
      const metrics = new MetricsRegistry();
      const second = await start(clock, store, lines, metrics);
      expect(second.active().map((alert) => alert.rule)).toEqual(['outcome_unknown']);
      const rendered = await metrics.render();
      expect(rendered).toContain('interlock_alerts_active{rule="outcome_unknown",severity="P0"} 1');
      expect(rendered).toContain('interlock_alerts_active{rule="provider_down",severity="P0"} 0');
      expect(rendered).toContain('interlock_alerts_active{rule="unknown_enum",severity="P3"} 0');

      await second.evaluateNow();
      expect(told(lines)).toEqual(['alert.firing outcome_unknown']);
      await clock.advance(10 * MINUTE);
      await second.evaluateNow();
      expect(told(lines)).toEqual(['alert.firing outcome_unknown', 'alert.repeat outcome_unknown']);
      // The telemetry died with the first process: the alert waits one window (60 min) for it, then clears.
      await clock.advance(40 * MINUTE);
      await second.evaluateNow();
      expect(second.active()).toHaveLength(1);
      await clock.advance(20 * MINUTE);
      await second.evaluateNow();
      expect(told(lines)).toEqual(['alert.firing outcome_unknown', 'alert.repeat outcome_unknown', 'alert.repeat outcome_unknown', 'alert.resolved outcome_unknown']);
      expect(await metrics.render()).toContain('interlock_alerts_active{rule="outcome_unknown",severity="P0"} 0');
      await second.close();

      const trail = await sqlite.integrity.listAudit({ provider: ALERTS_AUDIT_PROVIDER });
      expect(trail.map((entry) => `${entry.action} ${entry.outcome} ${entry.recordId ?? ''}`)).toEqual([
        'alert.firing P0 outcome_unknown|provider=acme',
        'alert.repeat P0 outcome_unknown|provider=acme',
        'alert.repeat P0 outcome_unknown|provider=acme',
        'alert.resolved P0 outcome_unknown|provider=acme',
      ]);
      expect(await store.active()).toEqual([]);
      const history = await store.history({ since: clock.now() - 30 * MINUTE });
      expect(history.map((change) => change.kind)).toEqual(['repeat', 'resolved']);
      expect(history[1]?.alert).toMatchObject({ rule: 'outcome_unknown', severity: 'P0', resolvedAt: clock.now(), notifications: 3 });
    } finally {
      await sqlite.close();
    }
  });

  it('in memory: history keeps the most recent changes and the active set is the alerts not resolved', async () => {
    const store = new MemoryAlertStore();
    const alert = { id: 'a@1', key: 'a', rule: 'queue_depth', severity: 'P1' as const, owner: 'o', route: ['log'], subject: { queue: 'q' }, summary: 's', value: 1, peak: 1, firedAt: 1, notifications: 1 };
    await store.record({ kind: 'firing', at: 1, alert });
    await store.record({ kind: 'firing', at: 2, alert: { ...alert, id: 'b@2', key: 'b' } });
    await store.record({ kind: 'resolved', at: 3, alert: { ...alert, resolvedAt: 3 } });
    expect((await store.active()).map((a) => a.key)).toEqual(['b']);
    expect((await store.history({ limit: 2 })).map((change) => change.at)).toEqual([2, 3]);
    expect((await store.history({ since: 3 })).map((change) => change.kind)).toEqual(['resolved']);
  });
});
