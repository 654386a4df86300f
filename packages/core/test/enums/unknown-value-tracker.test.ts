import { afterEach, describe, expect, it, vi } from 'vitest';
import { UnknownValueTracker } from '../../src/enums/unknown-value-tracker.js';
import { MemoryTelemetrySink } from '../../src/telemetry/telemetry.js';

describe('UnknownValueTracker', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('emits every occurrence with its count, and only the first as firstSeen', () => {
    const sink = new MemoryTelemetrySink();
    let now = 100;
    const tracker = new UnknownValueTracker({ provider: 'dhl', emit: (event) => sink.emit(event), clock: { now: () => now++ } });

    tracker.record('dhl.status', 'LOST');
    tracker.record('dhl.status', 'LOST');
    tracker.record('dhl.status', 'HELD');
    tracker.record('dhl.reason', 'LOST');

    expect(sink.ofType('enum.unknown_value')).toEqual([
      { type: 'enum.unknown_value', at: 100, provider: 'dhl', enum: 'dhl.status', raw: 'LOST', count: 1, firstSeen: true },
      { type: 'enum.unknown_value', at: 101, provider: 'dhl', enum: 'dhl.status', raw: 'LOST', count: 2, firstSeen: false },
      { type: 'enum.unknown_value', at: 102, provider: 'dhl', enum: 'dhl.status', raw: 'HELD', count: 1, firstSeen: true },
      { type: 'enum.unknown_value', at: 103, provider: 'dhl', enum: 'dhl.reason', raw: 'LOST', count: 1, firstSeen: true },
    ]);
    expect(tracker.counts()).toEqual(
      new Map([
        ['dhl.status:LOST', 2],
        ['dhl.status:HELD', 1],
        ['dhl.reason:LOST', 1],
      ]),
    );
  });

  it('counts without an emitter, on the system clock', () => {
    vi.useFakeTimers({ now: 5_000 });
    const tracker = new UnknownValueTracker({ provider: 'ups' });
    tracker.record('ups.status', 'X');
    expect(tracker.counts().get('ups.status:X')).toBe(1);
  });

  it('stamps events with the system clock by default', () => {
    vi.useFakeTimers({ now: 5_000 });
    const sink = new MemoryTelemetrySink();
    new UnknownValueTracker({ provider: 'ups', emit: (event) => sink.emit(event) }).record('ups.status', 'X');
    expect(sink.events[0]?.at).toBe(5_000);
  });

  it('hands out a snapshot of the counts', () => {
    const tracker = new UnknownValueTracker({ provider: 'ups' });
    const before = tracker.counts();
    tracker.record('ups.status', 'X');
    expect(before.size).toBe(0);
  });
});
