import { describe, expect, it, vi } from 'vitest';
import { IntegrationError } from '../../src/errors/index.js';
import { Poller, type PollTarget, type PolledState, type PollerOptions } from '../../src/polling/index.js';
import { FakeClock } from '../../src/testing.js';

type Status = 'pending' | 'processing' | 'succeeded' | 'failed';

const T = Date.UTC(2026, 0, 1);
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** A provider record whose status moves on with virtual time alone, whatever the poller does. */
function timeline(clock: FakeClock, steps: readonly [atMs: number, status: Status][]): PollTarget<Status> & { reads: number } {
  const target = {
    reads: 0,
    read: async (): Promise<PolledState<Status>> => {
      target.reads++;
      let current = steps[0] as [number, Status];
      for (const step of steps) if (clock.now() >= step[0]) current = step;
      return { status: current[1], updatedAt: current[0] };
    },
    isSettled: (status: Status) => status === 'succeeded' || status === 'failed',
  };
  return target;
}

const PAYMENT: readonly [number, Status][] = [
  [T, 'pending'],
  [T + 2 * MINUTE, 'processing'],
  [T + 10 * MINUTE, 'succeeded'],
];

/** Advances in steps until `done()` or `limitMs`, so continuations between timers get to run. */
async function runUntil(clock: FakeClock, done: () => boolean, limitMs: number, stepMs = SECOND): Promise<void> {
  const end = clock.now() + limitMs;
  while (!done() && clock.now() < end) await clock.advance(stepMs);
}

function poller(clock: FakeClock, target: PollTarget<Status>, options: Partial<PollerOptions> = {}): Poller<Status> {
  // A fixed draw makes full jitter deterministic: every wait is half its ceiling.
  return new Poller(target, { clock, random: () => 0.5, ...options });
}

describe('Poller', () => {
  it('reaches the final state with every webhook dropped (no nudge at all)', async () => {
    const clock = new FakeClock({ start: T });
    const target = timeline(clock, PAYMENT);
    const seen: string[] = [];
    const p = poller(clock, target, { onState: (_id, state) => void seen.push(state.status) });
    let settled: PolledState<Status> | undefined;
    void p.whenSettled('pi_1').then((state) => (settled = state));
    expect(p.tracked).toBe(1);

    await runUntil(clock, () => settled !== undefined, 2 * HOUR);

    expect(settled).toEqual({ status: 'succeeded', updatedAt: T + 10 * MINUTE });
    expect(seen).toEqual(['pending', 'processing', 'succeeded']);
    expect(p.tracked).toBe(0);
    expect(clock.pendingTimers).toBe(0);
    // Waits of 2.5 s, 5 s, 10 s … capped at 150 s (half of 5 min): the read after 10 min is the 9th.
    expect(target.reads).toBe(9);
  });

  it('settles sooner when a webhook nudges it', async () => {
    const settleTime = async (nudgeAt: number | undefined): Promise<number> => {
      const clock = new FakeClock({ start: T });
      const p = poller(clock, timeline(clock, [[T, 'pending'], [T + 320 * SECOND, 'succeeded']]));
      let settledAt: number | undefined;
      void p.whenSettled('pi_1').then(() => (settledAt = clock.now()));
      if (nudgeAt !== undefined) {
        await clock.advanceTo(nudgeAt);
        p.nudge('pi_1');
        await clock.advance(0); // lets the nudged read run before time moves on
      }
      await runUntil(clock, () => settledAt !== undefined, HOUR);
      return settledAt as number;
    };
    const alone = await settleTime(undefined);
    const nudged = await settleTime(T + 320 * SECOND);
    expect(nudged).toBe(T + 320 * SECOND);
    expect(alone).toBe(T + 457_500);
  });

  it('gives up on a permanently failing read after maxDurationMs, and reports it once', async () => {
    const clock = new FakeClock({ start: T });
    const failure = new IntegrationError('unavailable', 'HTTP 503', { provider: 'acme', endpoint: 'get_payment', reason: 'http_503' });
    const read = vi.fn(async (): Promise<PolledState<Status>> => {
      throw failure;
    });
    const gaveUp: [string, unknown, number][] = [];
    const p = poller(clock, { read, isSettled: () => true }, {
      maxDurationMs: HOUR,
      provider: 'acme',
      onGiveUp: (id, error) => void gaveUp.push([id, error, clock.now()]),
    });
    const outcome = p.whenSettled('pi_1').then(
      () => undefined,
      (error: unknown) => error,
    );

    await runUntil(clock, () => gaveUp.length > 0, 3 * HOUR, MINUTE);
    await clock.advance(HOUR);

    expect(gaveUp).toEqual([['pi_1', failure, T + HOUR]]);
    const error = await outcome;
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({
      kind: 'timeout',
      retryable: true,
      provider: 'acme',
      reason: 'poll_gave_up',
      attempts: read.mock.calls.length,
      causeSummary: { name: 'IntegrationError', message: 'HTTP 503', code: 'http_503' },
    });
    expect((error as Error).message).toMatch(/reads kept failing/);
    expect(read.mock.calls.length).toBeGreaterThan(10);
    expect(p.tracked).toBe(0);
    expect(clock.pendingTimers).toBe(0);
  });

  it('gives up on a record that never settles, with no last error', async () => {
    const clock = new FakeClock({ start: T });
    const onGiveUp = vi.fn(() => {
      throw new Error('the report itself failed');
    });
    const p = poller(clock, timeline(clock, [[T, 'pending']]), { maxDurationMs: 10 * MINUTE, onGiveUp });
    const outcome = p.whenSettled('pi_1').catch((error: unknown) => error);
    await runUntil(clock, () => onGiveUp.mock.calls.length > 0, HOUR);
    expect(onGiveUp).toHaveBeenCalledWith('pi_1', undefined);
    expect(await outcome).toMatchObject({ reason: 'poll_gave_up', causeSummary: undefined, message: expect.stringMatching(/never settled/) as string });
  });

  it('summarises a thrown non-error without keeping it', async () => {
    const clock = new FakeClock({ start: T });
    const p = poller(clock, { read: () => Promise.reject(new Error('socket hang up')), isSettled: () => false }, { maxDurationMs: MINUTE });
    const other = poller(clock, { read: () => Promise.reject({ secret: 'sk_live_x' }), isSettled: () => false }, { maxDurationMs: MINUTE });
    const first = p.whenSettled('a').catch((error: unknown) => error);
    const second = other.whenSettled('b').catch((error: unknown) => error);
    await clock.advance(2 * MINUTE);
    expect(await first).toMatchObject({ causeSummary: { name: 'Error', message: 'socket hang up' } });
    const summarised = await second;
    expect(summarised).toMatchObject({ causeSummary: { name: 'Error', message: 'a thrown object' } });
    expect(JSON.stringify(summarised)).not.toContain('sk_live_x');
  });

  it('retries read errors on the backoff and still settles', async () => {
    const clock = new FakeClock({ start: T });
    let calls = 0;
    const target: PollTarget<Status> = {
      read: async () => {
        calls++;
        if (calls <= 2) throw new TypeError('fetch failed');
        return { status: 'succeeded', updatedAt: T };
      },
      isSettled: (status) => status === 'succeeded',
    };
    const states: string[] = [];
    const p = poller(clock, target, { onState: (_id, state) => void states.push(state.status) });
    const settled = p.whenSettled('pi_1');
    await runUntil(clock, () => p.tracked === 0, HOUR);
    await expect(settled).resolves.toEqual({ status: 'succeeded', updatedAt: T });
    expect(calls).toBe(3);
    expect(states).toEqual(['succeeded']);
  });

  it('offers a state again when onState fails, and settles only once it is accepted', async () => {
    const clock = new FakeClock({ start: T });
    let failures = 1;
    const accepted: string[] = [];
    const p = poller(clock, timeline(clock, [[T, 'succeeded']]), {
      onState: async (_id, state) => {
        if (failures-- > 0) throw new Error('store unavailable');
        accepted.push(state.status);
      },
    });
    const settled = p.whenSettled('pi_1');
    await runUntil(clock, () => p.tracked === 0, HOUR);
    await expect(settled).resolves.toMatchObject({ status: 'succeeded' });
    expect(accepted).toEqual(['succeeded']);
  });

  it('reports only changes of state', async () => {
    const clock = new FakeClock({ start: T });
    const onState = vi.fn();
    const p = poller(clock, timeline(clock, [[T, 'pending'], [T + 30 * MINUTE, 'succeeded']]), { onState });
    const settled = p.whenSettled('pi_1');
    await runUntil(clock, () => p.tracked === 0, HOUR, 10 * SECOND);
    await settled;
    expect(onState.mock.calls.map(([, state]) => (state as { status: string }).status)).toEqual(['pending', 'succeeded']);
  });

  it('reads again straight after a read during which a webhook arrived', async () => {
    const clock = new FakeClock({ start: T });
    let calls = 0;
    const target: PollTarget<Status> = {
      read: async () => {
        calls++;
        if (calls === 1) {
          await clock.sleep(SECOND);
          return { status: 'pending', updatedAt: T };
        }
        return { status: 'succeeded', updatedAt: clock.now() };
      },
      isSettled: (status) => status === 'succeeded',
    };
    const p = poller(clock, target);
    let settledAt: number | undefined;
    void p.whenSettled('pi_1').then(() => (settledAt = clock.now()));
    await clock.advance(2_500); // the first read starts
    expect(calls).toBe(1);
    p.nudge('pi_1');
    await clock.advance(SECOND); // the first read ends
    expect(calls).toBe(2);
    expect(settledAt).toBe(T + 3_500);
  });

  it('keeps at most `concurrency` reads in flight', async () => {
    const clock = new FakeClock({ start: T });
    let inFlight = 0;
    let peak = 0;
    const target: PollTarget<Status> = {
      read: async () => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await clock.sleep(5 * SECOND);
        inFlight--;
        return { status: 'succeeded', updatedAt: T };
      },
      isSettled: () => true,
    };
    const p = poller(clock, target, { concurrency: 2 });
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const all = Promise.all(ids.map((id) => p.whenSettled(id)));
    for (const id of ids) p.nudge(id);
    await runUntil(clock, () => p.tracked === 0, HOUR);
    await expect(all).resolves.toHaveLength(5);
    expect(peak).toBe(2);
  });

  it('ignores nudges for records it does not track, and tracks a record once', async () => {
    const clock = new FakeClock({ start: T });
    const target = timeline(clock, PAYMENT);
    const p = poller(clock, target);
    p.nudge('unknown');
    expect(p.tracked).toBe(0);
    p.track('pi_1');
    p.track('pi_1');
    expect(p.tracked).toBe(1);
    expect(clock.pendingTimers).toBe(1);
    await p.stop();
  });

  it('untracks a record: its sleep is cancelled, its waiters rejected, a read in flight ignored', async () => {
    const clock = new FakeClock({ start: T });
    const onState = vi.fn();
    let signal: AbortSignal | undefined;
    const target: PollTarget<Status> = {
      read: async (_id, given) => {
        signal = given;
        await clock.sleep(SECOND);
        return { status: 'succeeded', updatedAt: T };
      },
      isSettled: () => true,
    };
    const p = poller(clock, target, { onState });
    const sleeping = p.whenSettled('asleep').catch((error: unknown) => error);
    expect(clock.pendingTimers).toBe(1);
    p.untrack('asleep');
    expect(await sleeping).toMatchObject({ name: 'AbortError' });
    expect(clock.pendingTimers).toBe(0);
    p.untrack('asleep');

    const reading = p.whenSettled('reading').catch((error: unknown) => error);
    await clock.advance(2_500); // the read is in flight
    p.untrack('reading');
    expect(signal?.aborted).toBe(true);
    // Tracked again while the old read is still out: the old loop must not disturb the new entry.
    p.track('reading');
    await clock.advance(SECOND);
    expect(await reading).toMatchObject({ name: 'AbortError' });
    expect(p.tracked).toBe(1);
    expect(onState).not.toHaveBeenCalled();
    await p.stop();
  });

  it('stop() cancels pending sleeps and ends every record', async () => {
    const clock = new FakeClock({ start: T });
    const target = timeline(clock, PAYMENT);
    const p = poller(clock, target);
    const waits = ['a', 'b', 'c'].map((id) => p.whenSettled(id).catch((error: unknown) => error));
    expect(clock.pendingTimers).toBe(3);

    await p.stop();

    expect(clock.pendingTimers).toBe(0);
    expect(p.tracked).toBe(0);
    for (const wait of waits) expect(await wait).toMatchObject({ name: 'AbortError' });
    expect(target.reads).toBe(0);
    await clock.advance(HOUR);
    expect(target.reads).toBe(0);
    expect(() => p.track('d')).toThrow(/stopped/);
    await expect(p.whenSettled('d')).rejects.toMatchObject({ name: 'AbortError' });
    p.nudge('a');
    p.untrack('a');
  });

  it('stop() waits for reads in flight, which see an aborted signal, and reports nothing after', async () => {
    const clock = new FakeClock({ start: T });
    const onState = vi.fn();
    let release: (() => void) | undefined;
    const target: PollTarget<Status> = {
      read: (_id, signal) =>
        new Promise((resolve) => {
          release = () => resolve({ status: 'succeeded', updatedAt: T });
          signal?.addEventListener('abort', () => release?.());
        }),
      isSettled: () => true,
    };
    const p = poller(clock, target, { onState, concurrency: 1 });
    void p.whenSettled('a').catch(() => undefined);
    void p.whenSettled('b').catch(() => undefined);
    p.nudge('a');
    p.nudge('b');
    await clock.advance(0);
    expect(release).toBeDefined();
    await p.stop();
    expect(onState).not.toHaveBeenCalled();
  });

  it('calls callbacks on the options object, so a class instance keeps its `this`', async () => {
    const clock = new FakeClock({ start: T });
    class Sink {
      readonly applied: string[] = [];
      readonly clock = clock;
      readonly random = () => 0.5;
      readonly maxDurationMs = MINUTE;
      onState(recordId: string, state: { status: string }): void {
        this.applied.push(`${recordId}:${state.status}`);
      }
      onGiveUp(recordId: string): void {
        this.applied.push(`${recordId}:gave_up`);
      }
    }
    const sink = new Sink();
    const p = new Poller(timeline(clock, [[T, 'pending']]), sink);
    p.track('pi_1');
    await runUntil(clock, () => p.tracked === 0, HOUR);
    expect(sink.applied).toEqual(['pi_1:pending', 'pi_1:gave_up']);
  });

  it('rejects options under which polling could not work', () => {
    const clock = new FakeClock();
    const target = timeline(clock, PAYMENT);
    expect(() => new Poller(target, { clock, concurrency: 0 })).toThrow(/concurrency/);
    expect(() => new Poller(target, { clock, concurrency: 1.5 })).toThrow(/concurrency/);
    expect(() => new Poller(target, { clock, maxDurationMs: 0 })).toThrow(/maxDurationMs/);
    expect(() => new Poller(target, { clock, maxDurationMs: Number.POSITIVE_INFINITY })).toThrow(/maxDurationMs/);
    expect(() => new Poller(target, { clock, backoff: { capMs: 1_000 } })).toThrow(/capMs/);
  });

  it("spends a provider's quota of reads on the oldest open records, whatever order they fell due in", async () => {
    const clock = new FakeClock({ start: T });
    const QUOTA = 4;
    const read: string[] = [];
    // One read every ten minutes under the provider's limiter, which holds each read back, and four in all today.
    const target: PollTarget<Status> = {
      read: async (recordId, signal) => {
        await clock.sleep(10 * MINUTE, signal);
        if (read.length >= QUOTA) throw new IntegrationError('rate_limited', 'daily quota spent', { provider: 'carrier', endpoint: 'track', reason: 'quota_spent' });
        read.push(recordId);
        return { status: 'pending', updatedAt: T };
      },
      isSettled: () => false,
    };
    const p = poller(clock, target, { concurrency: 1, backoff: { baseMs: 6 * HOUR, capMs: 6 * HOUR, jitter: 'none' } });
    const records = ['oldest', 'older', 'old', 'new', 'newer', 'newest'];
    try {
      for (const id of ['blocker', ...records]) {
        p.track(id);
        await clock.advance(SECOND);
      }
      // Pushes nudge the newest first, while the blocker's read holds the one slot.
      for (const id of ['blocker', ...[...records].reverse()]) {
        p.nudge(id);
        await clock.advance(SECOND);
      }
      await runUntil(clock, () => false, HOUR);
      expect(read).toEqual(['blocker', 'oldest', 'older', 'old']);
    } finally {
      await p.stop();
    }
  });
});
