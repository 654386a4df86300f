import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock/fake-clock.js';
import {
  CircuitBreaker,
  type AllowedPermit,
  type CircuitBreakerOptions,
  type CircuitPermit,
} from '../../src/circuit-breaker/circuit-breaker.js';
import type { CircuitState } from '../../src/telemetry/events.js';

interface Transition {
  from: CircuitState;
  to: CircuitState;
  reason: string;
  at: number;
}

function setup(options: CircuitBreakerOptions = {}) {
  const clock = new FakeClock({ start: 0 });
  const transitions: Transition[] = [];
  const breaker = new CircuitBreaker({
    minimumThroughput: 4,
    openMs: 10_000,
    windowMs: 30_000,
    ...options,
    clock,
    onStateChange: (from, to, reason) => transitions.push({ from, to, reason, at: clock.now() }),
  });
  return { clock, breaker, transitions };
}

function allowed(permit: CircuitPermit): AllowedPermit {
  if (!permit.allowed) throw new Error('expected the breaker to allow the call');
  return permit;
}

function succeed(breaker: CircuitBreaker, times = 1): void {
  for (let i = 0; i < times; i++) breaker.recordSuccess(allowed(breaker.tryAcquire()));
}

function fail(breaker: CircuitBreaker, times = 1): void {
  for (let i = 0; i < times; i++) breaker.recordFailure(allowed(breaker.tryAcquire()));
}

/** Trips the breaker with the default test options and waits until it is half-open. */
async function halfOpen(options: CircuitBreakerOptions = {}) {
  const ctx = setup(options);
  fail(ctx.breaker, 4);
  await ctx.clock.advance(10_000);
  expect(ctx.breaker.state).toBe('half_open');
  return ctx;
}

describe('CircuitBreaker', () => {
  it('starts closed and lets calls through as non-probes', () => {
    const { breaker } = setup();
    expect(breaker.state).toBe('closed');
    expect(breaker.tryAcquire()).toEqual({ allowed: true, probe: false });
    expect(breaker.snapshot()).toEqual({ state: 'closed', calls: 0, failures: 0 });
  });

  it('makes no decision below the minimum throughput', () => {
    const { breaker, transitions } = setup();
    fail(breaker, 3);
    expect(breaker.state).toBe('closed');
    expect(breaker.snapshot()).toEqual({ state: 'closed', calls: 3, failures: 3 });
    expect(transitions).toEqual([]);
  });

  it('opens once the failure ratio is reached at the minimum throughput', () => {
    const { breaker, transitions } = setup();
    succeed(breaker, 2);
    fail(breaker, 1);
    expect(breaker.state).toBe('closed');
    fail(breaker, 1);
    expect(breaker.state).toBe('open');
    expect(transitions).toEqual([{ from: 'closed', to: 'open', reason: 'failure_ratio', at: 0 }]);
    expect(breaker.snapshot()).toEqual({ state: 'open', calls: 4, failures: 2, openedAt: 0 });
  });

  it('stays closed while the failure ratio is below the threshold', () => {
    const { breaker } = setup({ failureRatio: 0.5 });
    succeed(breaker, 6);
    fail(breaker, 5);
    expect(breaker.state).toBe('closed');
    fail(breaker, 1);
    expect(breaker.state).toBe('open');
  });

  it('does not open on a success, only on the next failure', () => {
    const { breaker, transitions } = setup({ minimumThroughput: 4, failureRatio: 0.5 });
    fail(breaker, 3);
    succeed(breaker, 1);
    expect(breaker.state).toBe('closed');
    fail(breaker, 1);
    expect(transitions.map((t) => t.reason)).toEqual(['failure_ratio']);
  });

  it('forgets failures that slid out of the window', async () => {
    const { clock, breaker } = setup({ windowMs: 10_000 });
    fail(breaker, 3);
    await clock.advance(10_000);
    fail(breaker, 1);
    expect(breaker.state).toBe('closed');
    expect(breaker.snapshot()).toMatchObject({ calls: 1, failures: 1 });
  });

  it('refuses calls while open, with the remaining open time', async () => {
    const { clock, breaker } = setup();
    fail(breaker, 4);
    expect(breaker.tryAcquire()).toEqual({ allowed: false, retryAfterMs: 10_000 });
    await clock.advance(9_999);
    expect(breaker.tryAcquire()).toEqual({ allowed: false, retryAfterMs: 1 });
    expect(breaker.state).toBe('open');
  });

  it('becomes half-open on reading the state once the open time has passed', async () => {
    const { clock, breaker, transitions } = setup();
    fail(breaker, 4);
    await clock.advance(10_000);
    expect(transitions).toHaveLength(1);
    expect(breaker.state).toBe('half_open');
    expect(breaker.state).toBe('half_open');
    expect(transitions).toEqual([
      { from: 'closed', to: 'open', reason: 'failure_ratio', at: 0 },
      { from: 'open', to: 'half_open', reason: 'open_timeout', at: 10_000 },
    ]);
    expect(breaker.snapshot()).toMatchObject({ state: 'half_open', openedAt: 0 });
  });

  it('lets one probe through while half-open and refuses the rest', async () => {
    const { breaker } = await halfOpen();
    expect(breaker.tryAcquire()).toEqual({ allowed: true, probe: true });
    expect(breaker.tryAcquire()).toEqual({ allowed: false, retryAfterMs: 1_000 });
  });

  it('hints no longer than the open time while a probe is out', async () => {
    const { breaker } = await halfOpen({ openMs: 200 });
    breaker.tryAcquire();
    expect(breaker.tryAcquire()).toEqual({ allowed: false, retryAfterMs: 200 });
  });

  it('allows as many concurrent probes as configured', async () => {
    const { breaker } = await halfOpen({ halfOpenMaxProbes: 3 });
    const permits = [breaker.tryAcquire(), breaker.tryAcquire(), breaker.tryAcquire()];
    expect(permits.every((permit) => permit.allowed && permit.probe)).toBe(true);
    expect(breaker.tryAcquire().allowed).toBe(false);
  });

  it('closes and resets the window when a probe succeeds', async () => {
    const { breaker, transitions } = await halfOpen();
    breaker.recordSuccess(allowed(breaker.tryAcquire()));
    expect(breaker.state).toBe('closed');
    expect(transitions.at(-1)).toEqual({ from: 'half_open', to: 'closed', reason: 'probe_succeeded', at: 10_000 });
    expect(breaker.snapshot()).toEqual({ state: 'closed', calls: 0, failures: 0 });
    // The old failures are gone: it takes a full minimum throughput again to trip.
    fail(breaker, 3);
    expect(breaker.state).toBe('closed');
  });

  it('reopens for a fresh open period when a probe fails', async () => {
    const { clock, breaker, transitions } = await halfOpen();
    await clock.advance(500);
    breaker.recordFailure(allowed(breaker.tryAcquire()));
    expect(breaker.state).toBe('open');
    expect(transitions.at(-1)).toEqual({ from: 'half_open', to: 'open', reason: 'probe_failed', at: 10_500 });
    expect(breaker.tryAcquire()).toEqual({ allowed: false, retryAfterMs: 10_000 });
    expect(breaker.snapshot().openedAt).toBe(10_500);
    await clock.advance(10_000);
    expect(breaker.state).toBe('half_open');
  });

  it('frees the probe slot of an ignored probe without deciding anything', async () => {
    const { breaker, transitions } = await halfOpen();
    const probe = allowed(breaker.tryAcquire());
    expect(breaker.tryAcquire().allowed).toBe(false);
    breaker.recordIgnored(probe);
    expect(breaker.state).toBe('half_open');
    expect(transitions).toHaveLength(2);
    expect(breaker.tryAcquire()).toEqual({ allowed: true, probe: true });
  });

  it('counts nothing for an ignored call while closed', () => {
    const { breaker } = setup();
    breaker.recordIgnored(allowed(breaker.tryAcquire()));
    expect(breaker.snapshot()).toMatchObject({ calls: 0, failures: 0 });
  });

  it('ignores late answers to calls let through before the circuit opened', async () => {
    const { clock, breaker, transitions } = setup();
    const late = [allowed(breaker.tryAcquire()), allowed(breaker.tryAcquire())];
    fail(breaker, 4);
    const [lateSuccess, lateFailure] = late as [AllowedPermit, AllowedPermit];
    breaker.recordSuccess(lateSuccess);
    breaker.recordFailure(lateFailure);
    expect(breaker.snapshot()).toEqual({ state: 'open', calls: 4, failures: 4, openedAt: 0 });
    await clock.advance(10_000);
    // Nor does a pre-trip call answering during half-open take the probe's place.
    breaker.recordSuccess(lateSuccess);
    expect(breaker.state).toBe('half_open');
    expect(transitions).toHaveLength(2);
  });

  it('does not let a probe from an earlier half-open period decide a later one', async () => {
    const { clock, breaker, transitions } = await halfOpen({ halfOpenMaxProbes: 2 });
    const first = allowed(breaker.tryAcquire());
    const stale = allowed(breaker.tryAcquire());
    breaker.recordFailure(first);
    await clock.advance(10_000);
    expect(breaker.state).toBe('half_open');
    const current = allowed(breaker.tryAcquire());
    breaker.recordSuccess(stale);
    breaker.recordIgnored(stale);
    expect(breaker.state).toBe('half_open');
    // Both slots of this period are still counted correctly: one taken, one free.
    expect(breaker.tryAcquire().allowed).toBe(true);
    expect(breaker.tryAcquire().allowed).toBe(false);
    breaker.recordSuccess(current);
    expect(breaker.state).toBe('closed');
    expect(transitions.map((t) => t.reason)).toEqual(['failure_ratio', 'open_timeout', 'probe_failed', 'open_timeout', 'probe_succeeded']);
  });

  it('counts a probe answering after another probe closed the circuit as an ordinary call', async () => {
    const { breaker, transitions } = await halfOpen({ halfOpenMaxProbes: 2 });
    const winner = allowed(breaker.tryAcquire());
    const straggler = allowed(breaker.tryAcquire());
    breaker.recordSuccess(winner);
    breaker.recordFailure(straggler);
    expect(breaker.snapshot()).toEqual({ state: 'closed', calls: 1, failures: 1 });
    expect(transitions).toHaveLength(3);
  });

  it('goes half-open at once with a zero open time', () => {
    const { breaker } = setup({ openMs: 0 });
    fail(breaker, 4);
    expect(breaker.state).toBe('half_open');
    expect(breaker.tryAcquire()).toEqual({ allowed: true, probe: true });
    expect(breaker.tryAcquire()).toEqual({ allowed: false, retryAfterMs: 0 });
  });

  it('uses the documented defaults', () => {
    const clock = new FakeClock({ start: 0 });
    const breaker = new CircuitBreaker({ clock });
    for (let i = 0; i < 9; i++) breaker.recordFailure(allowed(breaker.tryAcquire()));
    expect(breaker.state).toBe('closed');
    breaker.recordFailure(allowed(breaker.tryAcquire()));
    expect(breaker.tryAcquire()).toEqual({ allowed: false, retryAfterMs: 30_000 });
  });

  it('works without a state listener', async () => {
    const clock = new FakeClock({ start: 0 });
    const breaker = new CircuitBreaker({ clock, minimumThroughput: 1, openMs: 5 });
    breaker.recordFailure(allowed(breaker.tryAcquire()));
    await clock.advance(5);
    breaker.recordSuccess(allowed(breaker.tryAcquire()));
    expect(breaker.state).toBe('closed');
  });

  it.each([
    [{ failureRatio: 0 }, /failureRatio/],
    [{ failureRatio: 1.5 }, /failureRatio/],
    [{ failureRatio: Number.NaN }, /failureRatio/],
    [{ minimumThroughput: 0 }, /minimumThroughput/],
    [{ minimumThroughput: 2.5 }, /minimumThroughput/],
    [{ windowMs: -1 }, /windowMs/],
    [{ openMs: -1 }, /openMs/],
    [{ openMs: Number.POSITIVE_INFINITY }, /openMs/],
    [{ halfOpenMaxProbes: 0 }, /halfOpenMaxProbes/],
  ])('rejects %o', (options, message) => {
    expect(() => new CircuitBreaker({ ...options, clock: new FakeClock() })).toThrow(TypeError);
    expect(() => new CircuitBreaker({ ...options, clock: new FakeClock() })).toThrow(message);
  });
});
