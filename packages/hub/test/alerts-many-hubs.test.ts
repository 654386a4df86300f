import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { IntegrityStore } from '@interlock/core';
import { openSqliteStore } from '@interlock/store-sqlite';
import { openPostgresStore } from '@interlock/store-postgres';
import { FakeClock, POSTGRES_SERVICE, requireServices } from '@interlock/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { alertsConfigSchema, startAlerting, type Alerting, type AlertsConfig, type AlertsConfigInput, type DeliveryReport } from '../src/alerts/index.js';
import { linesInto, MINUTE, SECOND, type LogLine } from './alerts-harness.js';

const SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const URL = 'https://hooks.example.test/interlock';

// Evaluations are run by hand (the schedule is a day apart): the stores answer on real I/O.
const configWith = (rules: AlertsConfigInput['rules'] = {}) =>
  alertsConfigSchema.parse({
    evaluateEverySeconds: 86_400,
    sinks: [{ id: 'oncall', kind: 'webhook', url: URL, secretEnv: 'ALERT_WEBHOOK_SECRET', retry: { attempts: 2, baseMs: 1_000, capMs: 1_000 } }],
    routes: { P0: ['oncall'], P1: [], P2: [], P3: [] },
    rules,
  });

interface Received {
  at: number;
  instance: string;
  type: string;
}

/** One receiver behind both hubs: what the on-call person got, and from which hub. */
function receiver(clock: FakeClock) {
  const received: Received[] = [];
  const failing = new Set<string>();
  const fetchOf =
    (instance: string): typeof fetch =>
    (_input, init) => {
      if (failing.has(instance)) return Promise.resolve(new Response(null, { status: 503 }));
      received.push({ at: clock.now(), instance, type: (JSON.parse(init?.body as string) as { type: string }).type });
      return Promise.resolve(new Response(null, { status: 204 }));
    };
  return { received, failing, fetchOf };
}

const outcomeUnknown = (at: number) => ({ type: 'queue.dead_lettered' as const, at, provider: 'acme', endpoint: 'items.create', correlationId: `c-${at}`, attempts: 3, errorKind: 'outcome_unknown' as const, reason: 'http_504' });

const realPause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1));

/**
 * Waits for the hubs' deliveries to end. The stores answer on real I/O, which takes no virtual
 * time; the clock moves (a second at a time) only while a delivery sleeps on it (a backoff, a claim
 * held elsewhere), i.e. while it holds more timers than the schedules' own `baseline`.
 */
async function settle(clock: FakeClock, hubs: readonly Alerting[], baseline: number): Promise<void> {
  let done = false;
  const idle = Promise.all(hubs.map((hub) => hub.idle())).then(() => {
    done = true;
  });
  while (!done) {
    await realPause();
    if (!done && clock.pendingTimers > baseline) await clock.advance(SECOND);
  }
  await idle;
}

interface Hubs {
  clock: FakeClock;
  a: Alerting;
  b: Alerting;
  received: Received[];
  failing: Set<string>;
  settle(): Promise<void>;
  reports: (DeliveryReport & { instance: string })[];
  /** Both hubs see the same failing calls; B evaluates 20 s after A, every minute. */
  minutes(count: number, failingUntil: number): Promise<void>;
}

type Integrity = Pick<IntegrityStore, 'appendAudit' | 'listAudit' | 'begin' | 'complete' | 'release'>;

async function twoHubs(clock: FakeClock, integrityA: Integrity, integrityB: Integrity, config: AlertsConfig): Promise<Hubs> {
  const { received, failing, fetchOf } = receiver(clock);
  const reports: Hubs['reports'] = [];
  const lines: LogLine[] = [];
  const start = (instance: string, integrity: Integrity) =>
    startAlerting({
      config,
      clock,
      integrity,
      instance,
      log: linesInto(lines, clock),
      env: { ALERT_WEBHOOK_SECRET: SECRET },
      fetch: fetchOf(instance),
      random: () => 0.5,
      onDelivery: (report) => reports.push({ ...report, instance }),
    });
  const a = await start('hub-a', integrityA);
  const b = await start('hub-b', integrityB);
  const hubs = [a, b];
  const baseline = clock.pendingTimers;
  const settled = () => settle(clock, hubs, baseline);
  return {
    clock,
    a,
    b,
    received,
    failing,
    settle: settled,
    reports,
    async minutes(count, failingUntil) {
      const end = clock.now() + count * MINUTE;
      while (clock.now() < end) {
        const step = clock.now() + MINUTE;
        for (const hub of hubs) {
          if (clock.now() < failingUntil) hub.telemetry.emit(outcomeUnknown(clock.now()));
          await hub.evaluateNow();
          await settled();
          if (hub === a) await clock.advance(20 * SECOND);
        }
        await clock.advance(step - clock.now());
      }
    },
  };
}

const types = (received: readonly Received[]): string[] => received.map((r) => r.type);

/** The same two checks on each store: one delivery per change between two hubs, and a failed one taken over. */
interface SharedStore {
  integrity: Integrity;
  close(): Promise<void>;
}

/** The same checks on each store, two connections to it, one per hub. */
function sharedStoreSuite(open: () => Promise<{ clock: FakeClock; stores: readonly [SharedStore, SharedStore]; removed?: () => void }>): void {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  async function hubsOnOneStore(rules?: AlertsConfigInput['rules']): Promise<Hubs> {
    const { clock, stores, removed } = await open();
    const hubs = await twoHubs(clock, stores[0].integrity, stores[1].integrity, configWith(rules));
    close = async () => {
      await hubs.a.close();
      await hubs.b.close();
      for (const store of stores) await store.close();
      removed?.();
    };
    return hubs;
  }

  it('two hubs with the same failing signal: one firing, one repeat per interval and one resolution at the sink, not two', async () => {
    const hubs = await hubsOnOneStore();
    const start = hubs.clock.now();
    // Failing for 5 minutes; outcome_unknown (P0) counts over 60 minutes, repeats every 15 and resolves when the hour holds none.
    await hubs.minutes(70, start + 5 * MINUTE);
    expect(types(hubs.received)).toEqual(['alert.firing', 'alert.repeat', 'alert.repeat', 'alert.repeat', 'alert.repeat', 'alert.resolved']);
    // Each hub was told of every change and thinks it notified: the other instance's deliveries are reported as claimed elsewhere.
    const skipped = hubs.reports.filter((report) => report.outcome === 'claimed_elsewhere');
    expect(skipped).toHaveLength(6);
    for (const report of skipped) expect(report.by).toBe(hubs.received.find((r) => r.type === report.type)?.instance);
    expect(hubs.reports.filter((report) => report.outcome === 'failed')).toEqual([]);
  });

  it('an alert that resolves and fires again within one repeat interval is sent again, once', async () => {
    const hubs = await hubsOnOneStore({ outcome_unknown: { windowMinutes: 1 } });
    const start = hubs.clock.now();
    await hubs.minutes(3, start + MINUTE);
    await hubs.minutes(3, hubs.clock.now() + MINUTE);
    expect(hubs.clock.now() - start).toBeLessThan(15 * MINUTE);
    expect(types(hubs.received)).toEqual(['alert.firing', 'alert.resolved', 'alert.firing', 'alert.resolved']);
  });

  it('a delivery that fails at one hub is delivered by the next that tries: its claim is freed, not left to the lock timeout', async () => {
    const hubs = await hubsOnOneStore();
    const start = hubs.clock.now();
    hubs.failing.add('hub-a');
    await hubs.minutes(2, start + 5 * MINUTE);
    expect(hubs.received.map((r) => [r.type, r.instance])).toEqual([['alert.firing', 'hub-b']]);
    expect(hubs.reports.filter((report) => report.instance === 'hub-a').map((report) => report.outcome)).toEqual(['failed']);
    // B's evaluation 20 s after A's, not once the store's 60 s lock timeout has passed.
    expect(hubs.received[0]?.at).toBeLessThan(start + 30 * SECOND);
  });

  it('a hub that finds the delivery under way elsewhere waits for it, and delivers when the other fails', async () => {
    const hubs = await hubsOnOneStore();
    const start = hubs.clock.now();
    hubs.failing.add('hub-a');
    for (const hub of [hubs.a, hubs.b]) {
      hub.telemetry.emit(outcomeUnknown(start));
      await hub.evaluateNow();
    }
    await hubs.settle();
    expect(hubs.received.map((r) => [r.type, r.instance])).toEqual([['alert.firing', 'hub-b']]);
    expect(hubs.reports.map((report) => [report.instance, report.outcome])).toEqual([
      ['hub-a', 'failed'],
      ['hub-b', 'delivered'],
    ]);
  });
}

describe('alerts across hubs sharing a SQLite store (two connections to one file)', () => {
  sharedStoreSuite(() => {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-alerts-hubs-'));
    const clock = new FakeClock();
    const open = () => openSqliteStore({ path: join(dir, 'hub.db'), clock });
    return Promise.resolve({ clock, stores: [open(), open()], removed: () => rmSync(dir, { recursive: true, force: true }) });
  });
});

const postgresUp = await requireServices('alerts across hubs on PostgreSQL', [POSTGRES_SERVICE]);

describe.skipIf(!postgresUp)('alerts across hubs sharing a PostgreSQL store', () => {
  sharedStoreSuite(async () => {
    const clock = new FakeClock();
    const schema = `alerthubs${Date.now()}${randomBytes(2).toString('hex')}`;
    const connectionString = process.env['INTERLOCK_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
    const open = () => openPostgresStore({ connectionString, clock, schema });
    return { clock, stores: [await open(), await open()] };
  });
});
