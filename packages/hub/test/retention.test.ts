import { describe, expect, it } from 'vitest';
import { FakeClock } from '@interlock/testkit';
import { timeDriver } from '@interlock/testkit/vitest';
import { openSqliteStore } from '@interlock/store-sqlite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, silentLog, startHub } from '../src/index.js';
import { RetentionJob } from '../src/retention/retention-job.js';
import { retentionWindowMs } from '../src/retention/retention-window.js';
import { DESCRIPTORS, ENV, signedPost, TOY, TOY_CONNECTOR } from './support.js';
import { ToyProvider } from './toy/toy-provider.js';

const HOUR = 60 * 60 * 1000;

describe('retention', () => {
  it('remembers events at least as long as the longest redelivery window of the configured providers', () => {
    const providers = [
      { provider: 'fast', redeliveryWindowMs: 24 * HOUR },
      { provider: 'slow', redeliveryWindowMs: 72 * HOUR },
    ];
    expect(retentionWindowMs(undefined, providers)).toBe(72 * HOUR);
    expect(retentionWindowMs(96, providers)).toBe(96 * HOUR);
    expect(() => retentionWindowMs(48, providers)).toThrow(/retention.keepHours \(48\) is shorter than slow's redelivery window \(72 h\)/);
    expect(retentionWindowMs(undefined, [])).toBe(72 * HOUR);
  });

  it('forgets settled events and their applied marks older than the window, every round, and keeps dead letters and recent events', async () => {
    const clock = new FakeClock();
    const store = openSqliteStore({ path: ':memory:', clock });
    const job = new RetentionJob({ queue: store.events, integrity: store.integrity, clock, keepMs: 72 * HOUR, everyMs: HOUR, log: silentLog });
    try {
      const accept = (eventId: string) => store.events.accept({ id: `q-${eventId}`, provider: 'acme', eventId, type: 't', receivedAt: clock.now(), payload: '{}' });
      await accept('old-applied');
      await accept('old-dead');
      const consumer = store.events.consume(async (event) => {
        if (event.eventId === 'old-dead') return { status: 'dead', reason: 'uninterpretable payload' };
        await store.integrity.applyEvent({
          provider: 'acme',
          eventId: event.eventId,
          queueId: event.id,
          record: { provider: 'acme', recordType: 'payment', recordId: event.eventId, status: 'succeeded', updatedAt: clock.now() },
          expectedVersion: undefined,
          effects: [],
          audit: { at: clock.now(), actor: 'worker:test', action: 'apply', provider: 'acme', eventId: event.eventId, outcome: 'applied' },
        });
        return { status: 'applied' };
      });
      const time = timeDriver(clock);
      await time.eventually(async () => expect(await store.events.counts()).toMatchObject({ applied: 1, dead: 1 }));
      await time.settle(consumer.stop());

      job.start();
      await time.pass(71 * HOUR, HOUR);
      // Still inside the window: a provider may resend it yet.
      expect(await store.events.get('q-old-applied')).toBeDefined();
      await accept('recent');
      // A round ends with its audit entry, written after the events are gone.
      await time.eventually(
        async () => {
          expect(await store.events.get('q-old-applied')).toBeUndefined();
          expect(await store.integrity.listAudit({ provider: '*' })).toHaveLength(1);
        },
        { stepMs: HOUR, withinMs: 3 * HOUR },
      );
      expect(await store.integrity.wasApplied({ provider: 'acme', eventId: 'old-applied' })).toBe(false);
      expect((await store.events.get('q-old-dead'))?.status).toBe('dead');
      expect((await store.events.get('q-recent'))?.status).toBe('queued');
      // The record and its trail stay; the prune itself is audited.
      expect(await store.integrity.getRecord({ provider: 'acme', recordType: 'payment', recordId: 'old-applied' })).toMatchObject({ status: 'succeeded' });
      const trail = await store.integrity.listAudit({ provider: '*' });
      expect(trail.map((entry) => [entry.actor, entry.outcome, JSON.parse(entry.detail ?? '{}') as unknown])).toEqual([['retention', 'pruned', { before: expect.any(Number) as unknown, events: 1, appliedMarks: 1 }]]);
    } finally {
      await job.close();
      await store.close();
    }
  });

  describe('in a running hub', () => {
    const hubWith = async (retention: { keepHours?: number; everyMinutes?: number }, clock = new FakeClock()) => {
      const dir = mkdtempSync(join(tmpdir(), 'interlock-hub-retention-'));
      const toy = await ToyProvider.start();
      const config = loadConfig(undefined, {
        port: 0,
        store: { kind: 'sqlite', path: join(dir, 'hub.db') },
        reconciliation: { enabled: false },
        polling: { enabled: false },
        retention,
        providers: [{ name: TOY, connector: TOY_CONNECTOR, options: { baseUrl: toy.url } }],
      });
      const cleanup = async (): Promise<void> => {
        await toy.close();
        rmSync(dir, { recursive: true, force: true });
      };
      try {
        const hub = await startHub({ config, clock, env: { ...process.env, ...ENV }, descriptors: DESCRIPTORS, log: silentLog });
        return { hub, toy, clock, cleanup: async () => (await hub.close(), await cleanup()) };
      } catch (error) {
        await cleanup();
        throw error;
      }
    };

    it('refuses to start with a window shorter than a configured provider redelivers in', async () => {
      await expect(hubWith({ keepHours: 1 })).rejects.toThrow(/retention.keepHours \(1\) is shorter than toy's redelivery window \(72 h\)/);
    });

    it('forgets an applied event once the window has passed, on its own schedule', async () => {
      const { hub, toy, clock, cleanup } = await hubWith({ keepHours: 72, everyMinutes: 60 });
      try {
        const time = timeDriver(clock);
        await expect(signedPost(`${hub.url}/webhooks/${TOY}`, toy.change('T1', 'open', clock.now()), clock.now())).resolves.toMatchObject({ status: 200 });
        await time.eventually(async () => expect(await hub.queue.counts()).toMatchObject({ applied: 1 }));
        await time.pass(71 * HOUR, HOUR);
        expect(await hub.queue.counts()).toMatchObject({ applied: 1 });
        await time.eventually(async () => expect(await hub.queue.counts()).toMatchObject({ applied: 0 }), { stepMs: HOUR, withinMs: 3 * HOUR });
        expect(await hub.integrity.getRecord({ provider: TOY, recordType: 'ticket', recordId: 'T1' })).toMatchObject({ status: 'open' });
      } finally {
        await cleanup();
      }
    });
  });
});
