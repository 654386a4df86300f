import { startRateOf, type EventOutcome, type EventSettlement, type StoredEvent } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import { describe, expect, it, vi } from 'vitest';
import { ClaimLoop, type ClaimLoopSettings, type ClaimSource } from '../src/events/claim-loop.js';
import type { ClaimedEvent, ClaimRequest } from '../src/events/event-table.js';

/** An in-memory stand-in for the events table, to drive the loop's decisions without a server. */
class FakeSource implements ClaimSource {
  readonly waiting: StoredEvent[] = [];
  readonly claims: ClaimRequest[] = [];
  readonly settled: { id: string; settlement: EventSettlement }[] = [];
  failClaims = 0;
  failSettles = 0;
  nextVisible: number | undefined;

  add(count: number): void {
    for (let i = 0; i < count; i++) {
      const id = `evt_${this.waiting.length + this.claims.length}_${i}`;
      this.waiting.push({ id, provider: 'acme', eventId: id, type: 't', receivedAt: 0, payload: '{}', status: 'queued', attempts: 0, updatedAt: 0 });
    }
  }

  claim(request: ClaimRequest): Promise<ClaimedEvent[]> {
    this.claims.push(request);
    if (this.failClaims > 0) {
      this.failClaims--;
      return Promise.reject(new Error('Connection terminated unexpectedly'));
    }
    const taken = this.waiting.splice(0, request.limit);
    return Promise.resolve(taken.map((event) => ({ event: { ...event, status: 'processing', attempts: event.attempts + 1 }, leaseToken: 'lease' })));
  }

  settle(id: string, _leaseToken: string, settlement: EventSettlement): Promise<boolean> {
    if (this.failSettles > 0) {
      this.failSettles--;
      return Promise.reject(new Error('settle failed'));
    }
    this.settled.push({ id, settlement });
    return Promise.resolve(true);
  }

  nextVisibleAt(): Promise<number | undefined> {
    return Promise.resolve(this.nextVisible);
  }
}

function setup(overrides: Partial<ClaimLoopSettings> = {}) {
  const clock = new FakeClock();
  const source = new FakeSource();
  const errors: unknown[] = [];
  const settings: ClaimLoopSettings = {
    concurrency: 1,
    maxAttempts: 5,
    leaseMs: 30_000,
    workerId: 'worker:test',
    startRate: undefined,
    idlePollMs: 1_000,
    clock,
    onError: (error) => errors.push(error),
    ...overrides,
  };
  return { clock, source, errors, settings };
}

const applied = (): Promise<EventOutcome> => Promise.resolve({ status: 'applied' });

describe('ClaimLoop', () => {
  it('claims no more than its free slots and claims again as soon as one frees up', async () => {
    const { source, settings } = setup({ concurrency: 2 });
    source.add(5);
    const release: (() => void)[] = [];
    const loop = new ClaimLoop(source, () => new Promise<EventOutcome>((resolve) => release.push(() => resolve({ status: 'applied' }))), settings);
    await vi.waitFor(() => expect(release).toHaveLength(2));
    expect(source.claims.map((claim) => claim.limit)).toEqual([2]);
    release.shift()?.();
    await vi.waitFor(() => expect(release).toHaveLength(2));
    expect(source.claims.at(-1)?.limit).toBe(1);
    expect(source.claims.at(-1)).toMatchObject({ leaseMs: 30_000, maxAttempts: 5, workerId: 'worker:test' });
    const stopping = loop.stop();
    for (const finish of release.splice(0)) finish();
    await stopping;
    expect(source.settled).toHaveLength(3);
  });

  it('sleeps when idle until the next event is due, not a full poll interval', async () => {
    const { clock, source, settings } = setup();
    source.nextVisible = clock.now() + 200;
    const loop = new ClaimLoop(source, applied, settings);
    await vi.waitFor(() => expect(clock.pendingTimers).toBe(1));
    expect(source.claims).toHaveLength(1);
    await clock.advance(199);
    expect(source.claims).toHaveLength(1);
    await clock.advance(1);
    await vi.waitFor(() => expect(source.claims).toHaveLength(2));
    await loop.stop();
  });

  it('a wake cuts the idle sleep short, even one that arrives while the claim is in flight', async () => {
    const { clock, source, settings } = setup();
    const loop = new ClaimLoop(source, applied, settings);
    // Woken before its first claim has even answered: the wake must not be lost.
    loop.wake();
    await vi.waitFor(() => expect(source.claims.length).toBeGreaterThanOrEqual(2));
    await vi.waitFor(() => expect(clock.pendingTimers).toBe(1));
    const before = source.claims.length;
    source.add(1);
    loop.wake();
    await vi.waitFor(() => expect(source.settled).toHaveLength(1));
    expect(source.claims.length).toBeGreaterThan(before);
    await loop.stop();
  });

  it('reports a failed claim and tries again after the idle interval', async () => {
    const { clock, source, errors, settings } = setup();
    source.failClaims = 1;
    source.add(1);
    const loop = new ClaimLoop(source, applied, settings);
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(String(errors[0])).toContain('Connection terminated');
    await clock.advance(1_000);
    await vi.waitFor(() => expect(source.settled).toHaveLength(1));
    await loop.stop();
  });

  it('a throwing handler is a retry with its message; a failed settle is reported and the loop carries on', async () => {
    const { source, errors, settings } = setup();
    source.add(2);
    source.failSettles = 1;
    const loop = new ClaimLoop(source, () => Promise.reject(new Error('boom')), settings);
    await vi.waitFor(() => expect(source.settled).toHaveLength(1));
    expect(errors.map(String)).toEqual(['Error: settle failed']);
    expect(source.settled[0]?.settlement).toMatchObject({ status: 'queued', reason: 'handler threw Error: boom' });
    await loop.stop();
  });

  it('counts a non-Error throw too', async () => {
    const { source, settings } = setup();
    source.add(1);
    const loop = new ClaimLoop(source, () => Promise.reject('plain string'), settings);
    await vi.waitFor(() => expect(source.settled).toHaveLength(1));
    expect(source.settled[0]?.settlement.reason).toBe('handler threw plain string');
    await loop.stop();
  });

  it('abandon() does not wait for a stuck handler and drops its late result', async () => {
    const { source, errors, settings } = setup();
    source.add(1);
    let finish: (() => void) | undefined;
    const loop = new ClaimLoop(source, () => new Promise((resolve) => (finish = () => resolve({ status: 'applied' }))), settings);
    await vi.waitFor(() => expect(finish).toBeDefined());
    await loop.abandon();
    finish?.();
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.settled).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('holds back when its start rate is used up, until the window frees', async () => {
    const { clock, source, settings } = setup({ concurrency: 10, startRate: startRateOf(2) });
    source.add(5);
    const loop = new ClaimLoop(source, applied, settings);
    await vi.waitFor(() => expect(source.settled).toHaveLength(2));
    await vi.waitFor(() => expect(clock.pendingTimers).toBe(1));
    expect(source.claims.map((claim) => claim.limit)).toEqual([2]);
    await clock.advance(1_000);
    await vi.waitFor(() => expect(source.settled).toHaveLength(4));
    await loop.stop();
  });
});
