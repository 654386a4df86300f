import { describe, expect, it } from 'vitest';
import type { EventQueue, InboundEvent, IntegrityStore, RecordChange, RecordPolling, RecordState, RecordWatching } from '@interlock/core';
import { FakeClock } from '@interlock/testkit';
import { silentLog, type HubLog } from '../src/index.js';
import { RecordPoller } from '../src/polling/record-poller.js';
import { WATCH_RENEW_EVERY_MS } from '../src/polling/record-watcher.js';
import { RecordingLog } from './recording-log.js';

const MINUTE = 60_000;
const START = Date.UTC(2026, 2, 1, 9);

/** A provider whose record is read as `status` (default `open`), last changed at `changedAt`, however often it is read. */
function provider(clock: FakeClock, changedAt: number, changeTime?: RecordPolling<unknown>['changeTime'], status = 'open'): RecordPolling<unknown> & { reads: number; readAt: number[] } {
  const polling = {
    reads: 0,
    readAt: [] as number[],
    recordType: 'ticket',
    isSettled: (candidate: string) => candidate === 'closed',
    read() {
      polling.reads++;
      polling.readAt.push(clock.now());
      return Promise.resolve({ status, updatedAt: changedAt, snapshot: '{}' });
    },
    ...(changeTime === undefined ? {} : { changeTime }),
  };
  return polling;
}

/** The record as the hub holds it: `open`, last updated at `updatedAt`. */
function heldAt(updatedAt: number): IntegrityStore {
  const record: RecordState = { provider: 'desk', recordType: 'ticket', recordId: 'T1', status: 'open', updatedAt, version: 1 };
  return { getRecord: () => Promise.resolve(record) } as Partial<IntegrityStore> as IntegrityStore;
}

function poller(clock: FakeClock, polling: RecordPolling<unknown>, integrity = heldAt(0), log: HubLog = silentLog): { poller: RecordPoller; queued: InboundEvent[] } {
  const queued: InboundEvent[] = [];
  const queue = { accept: (event: InboundEvent) => (queued.push(event), Promise.resolve('accepted' as const)) } as Partial<EventQueue> as EventQueue;
  const recordPoller = new RecordPoller({
    provider: 'desk',
    connector: {},
    polling,
    queue,
    integrity,
    clock,
    schedule: { firstAfterMs: MINUTE, capMs: MINUTE, maxDurationMs: 24 * 60 * MINUTE },
    log,
    onGiveUp: () => undefined,
  });
  return { poller: recordPoller, queued };
}

describe('the record poller', () => {
  it('stops reading a record once a change settles it (a webhook), though the provider still reads it as open', async () => {
    const clock = new FakeClock({ start: START });
    const polling = provider(clock, START);
    const { poller: recordPoller } = poller(clock, polling);
    try {
      recordPoller.track('T1', 'open');
      await clock.advance(10 * MINUTE);
      const readsWhileOpen = polling.reads;
      expect(readsWhileOpen).toBeGreaterThan(0);

      recordPoller.track('T1', 'closed');
      await clock.advance(60 * MINUTE);
      expect(polling.reads).toBe(readsWhileOpen);
      expect(recordPoller.tracked).toBe(0);
    } finally {
      await recordPoller.stop();
    }
  });

  it("dates a read by the provider's time of the change when its domain says the provider times them, received at the read", async () => {
    const clock = new FakeClock({ start: START });
    const changedAt = START - 3 * 60 * MINUTE;
    const polling = provider(clock, changedAt, 'provider');
    const { poller: recordPoller, queued } = poller(clock, polling);
    try {
      recordPoller.track('T1', 'open');
      await clock.advance(2 * MINUTE);
      const [event] = queued;
      expect(event).toMatchObject({ occurredAt: changedAt, receivedAt: polling.readAt[0] });
      expect((JSON.parse(event?.payload ?? '{}') as RecordChange).occurredAt).toBe(changedAt);
    } finally {
      await recordPoller.stop();
    }
  });

  it("never dates a settled read before the record's last update, so the read the poller stops at cannot be refused as stale", async () => {
    const clock = new FakeClock({ start: START });
    // The carrier's time in whole seconds, the hub's record dated by our clock within that second.
    const closedAt = START - 60 * MINUTE;
    const { poller: recordPoller, queued } = poller(clock, provider(clock, closedAt, 'provider', 'closed'), heldAt(closedAt + 750));
    try {
      recordPoller.track('T1', 'open');
      await clock.advance(2 * MINUTE);
      expect(queued.map((event) => event.occurredAt)).toEqual([closedAt + 750]);
      expect(recordPoller.tracked).toBe(0);
    } finally {
      await recordPoller.stop();
    }
  });

  it('dates a slow read by when it was asked for, so a change the provider made while it travelled is not stale against it', async () => {
    const clock = new FakeClock({ start: START });
    // Read as settled, so the poller reads it once.
    const polling = provider(clock, START - 3 * 60 * MINUTE, undefined, 'closed');
    const slow: RecordPolling<unknown> = { ...polling, read: async (...args) => {
      const answer = await polling.read(...args);
      // The limiter's wait, a retry, a slow answer: the state is as it was when asked.
      await clock.sleep(5 * MINUTE);
      return answer;
    } };
    const { poller: recordPoller, queued } = poller(clock, slow);
    try {
      recordPoller.track('T1', 'open');
      await clock.advance(7 * MINUTE);
      const [event] = queued;
      const [askedAt] = polling.readAt;
      expect(askedAt).toBeDefined();
      expect(event).toMatchObject({ occurredAt: askedAt, receivedAt: (askedAt ?? 0) + 5 * MINUTE });
      expect((JSON.parse(event?.payload ?? '{}') as RecordChange).occurredAt).toBe(askedAt);
    } finally {
      await recordPoller.stop();
    }
  });

  it('dates a read by the read itself for a provider that keeps no time of its changes (the default)', async () => {
    const clock = new FakeClock({ start: START });
    const polling = provider(clock, START - 3 * 60 * MINUTE);
    const { poller: recordPoller, queued } = poller(clock, polling);
    try {
      recordPoller.track('T1', 'open');
      await clock.advance(2 * MINUTE);
      const [event] = queued;
      const [readAt] = polling.readAt;
      expect(readAt).toBeGreaterThan(START);
      expect(event).toMatchObject({ occurredAt: readAt, receivedAt: readAt });
      expect((JSON.parse(event?.payload ?? '{}') as RecordChange).occurredAt).toBe(readAt);
    } finally {
      await recordPoller.stop();
    }
  });
});

/** A provider that pushes only for records subscribed to: what the poller asked of it, and when. */
function watchingProvider(clock: FakeClock, refuse: readonly string[] = [], failWatch = false) {
  const asked = { watched: [] as string[][], unwatched: [] as string[], renewedAt: [] as number[] };
  const polling = Object.assign(provider(clock, START), {
    watching: {
      watch(_connector: unknown, recordIds: readonly string[]) {
        asked.watched.push([...recordIds]);
        if (failWatch) return Promise.reject(new Error('subscriptions down'));
        return Promise.resolve({ watched: recordIds.filter((id) => !refuse.includes(id)), refused: recordIds.filter((id) => refuse.includes(id)) });
      },
      unwatch(_connector: unknown, recordId: string) {
        asked.unwatched.push(recordId);
      },
      renew() {
        asked.renewedAt.push(clock.now());
        return Promise.resolve({ watched: [], refused: [] });
      },
    } satisfies RecordWatching<unknown>,
  });
  return { polling, asked };
}

describe('the record poller, for a provider that pushes only for records subscribed to', () => {
  it('subscribes a record once when its polling starts, and lets it go when it settles', async () => {
    const clock = new FakeClock({ start: START });
    const { polling, asked } = watchingProvider(clock);
    const { poller: recordPoller } = poller(clock, polling);
    try {
      recordPoller.track('T1', 'open');
      recordPoller.track('T1', 'open');
      recordPoller.track('T2', 'open');
      await clock.advance(0);
      expect(asked.watched).toEqual([['T1'], ['T2']]);
      expect(asked.unwatched).toEqual([]);

      recordPoller.track('T1', 'closed');
      expect(asked.unwatched).toEqual(['T1']);
      expect(recordPoller.tracked).toBe(1);
    } finally {
      await recordPoller.stop();
    }
  });

  it('subscribes every record it resumes after a restart in one call, so the provider can batch them', async () => {
    const clock = new FakeClock({ start: START });
    const { polling, asked } = watchingProvider(clock);
    const held = (recordId: string, status: string): RecordState => ({ provider: 'desk', recordType: 'ticket', recordId, status, updatedAt: START, version: 1 });
    const integrity = { listRecords: () => Promise.resolve([held('T1', 'open'), held('T2', 'closed'), held('T3', 'open')]) } as Partial<IntegrityStore> as IntegrityStore;
    const { poller: recordPoller } = poller(clock, polling, integrity);
    try {
      await recordPoller.resume();
      await clock.advance(0);
      expect(asked.watched).toEqual([['T1', 'T3']]);
    } finally {
      await recordPoller.stop();
    }
  });

  it('asks the provider to renew every hour, and stops asking once stopped', async () => {
    const clock = new FakeClock({ start: START });
    const { polling, asked } = watchingProvider(clock);
    const { poller: recordPoller } = poller(clock, polling);
    try {
      await clock.advance(3 * WATCH_RENEW_EVERY_MS);
      expect(asked.renewedAt).toEqual([1, 2, 3].map((hours) => START + hours * WATCH_RENEW_EVERY_MS));
    } finally {
      await recordPoller.stop();
    }
    await clock.advance(3 * WATCH_RENEW_EVERY_MS);
    expect(asked.renewedAt).toHaveLength(3);
  });

  it('polls a record all the same when its subscription fails or is refused, and says why in the log', async () => {
    for (const [refuse, failWatch, level] of [[['T1'], false, 'info'], [[], true, 'warn']] as const) {
      const clock = new FakeClock({ start: START });
      const { polling } = watchingProvider(clock, refuse, failWatch);
      const log = new RecordingLog();
      const { poller: recordPoller } = poller(clock, polling, heldAt(0), log);
      try {
        recordPoller.track('T1', 'open');
        await clock.advance(10 * MINUTE);
        expect(polling.reads).toBeGreaterThan(0);
        expect(log.lines.filter((line) => line.level === level && line.message.startsWith('watch'))).toHaveLength(1);
      } finally {
        await recordPoller.stop();
      }
    }
  });

  it('lets a record go when it is given up', async () => {
    const clock = new FakeClock({ start: START });
    const { polling, asked } = watchingProvider(clock);
    const { poller: recordPoller } = poller(clock, polling);
    try {
      recordPoller.track('T1', 'open');
      await clock.advance(25 * 60 * MINUTE);
      expect(recordPoller.tracked).toBe(0);
      expect(asked.unwatched).toEqual(['T1']);
    } finally {
      await recordPoller.stop();
    }
  });
});
