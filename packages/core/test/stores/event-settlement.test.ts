import { afterEach, describe, expect, it, vi } from 'vitest';
import { handlerOutcome, nextEventState, type EventOutcome, type StoredEvent } from '../../src/index.js';

const NOW = 1_000_000;

/** A backoff that says which delivery it was asked about. */
const byAttempt = vi.fn((attempts: number) => attempts * 1_000 + 7);

/** What an untyped handler may hand back. */
const untyped = (value: unknown): EventOutcome => value as EventOutcome;

describe('nextEventState', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    byAttempt.mockClear();
  });

  it('applies, clearing any earlier reason', () => {
    expect(nextEventState({ status: 'applied' }, 1, 5, NOW, byAttempt)).toEqual({ status: 'applied', visibleAt: NOW });
  });

  it('discards and dead-letters at once with the reason, whatever attempts are left', () => {
    expect(nextEventState({ status: 'discarded', reason: 'stale' }, 1, 5, NOW, byAttempt)).toEqual({ status: 'discarded', reason: 'stale', visibleAt: NOW });
    expect(nextEventState({ status: 'dead', reason: 'no interpreter' }, 1, 5, NOW, byAttempt)).toEqual({ status: 'dead', reason: 'no interpreter', visibleAt: NOW });
    expect(byAttempt).not.toHaveBeenCalled();
  });

  it('queues a retry with its reason, visible after the backoff for this delivery', () => {
    expect(nextEventState({ status: 'retry', reason: 'provider 503' }, 3, 5, NOW, byAttempt)).toEqual({ status: 'queued', reason: 'provider 503', visibleAt: NOW + 3_007 });
    expect(byAttempt).toHaveBeenCalledWith(3);
  });

  it('dead-letters a retry on the maxAttempts-th delivery, with the retry reason, and not one delivery earlier', () => {
    const retry: EventOutcome = { status: 'retry', reason: 'timeout #5', retryInMs: 100 };
    expect(nextEventState(retry, 4, 5, NOW, byAttempt).status).toBe('queued');
    expect(nextEventState(retry, 5, 5, NOW, byAttempt)).toEqual({ status: 'dead', reason: 'timeout #5', visibleAt: NOW });
    // Deliveries lost to expired leases can take the count past the limit.
    expect(nextEventState(retry, 7, 5, NOW, byAttempt).status).toBe('dead');
    expect(nextEventState(retry, 1, 1, NOW, byAttempt).status).toBe('dead');
  });

  it("waits the handler's retryInMs instead of the backoff, zero included", () => {
    expect(nextEventState({ status: 'retry', reason: 'r', retryInMs: 250 }, 1, 5, NOW, byAttempt).visibleAt).toBe(NOW + 250);
    expect(nextEventState({ status: 'retry', reason: 'r', retryInMs: 0 }, 1, 5, NOW, byAttempt).visibleAt).toBe(NOW);
    expect(byAttempt).not.toHaveBeenCalled();
  });

  it('keeps a retryInMs in whole ms and never in the past', () => {
    expect(nextEventState({ status: 'retry', reason: 'r', retryInMs: 250.2 }, 1, 5, NOW, byAttempt).visibleAt).toBe(NOW + 251);
    expect(nextEventState({ status: 'retry', reason: 'r', retryInMs: -5 }, 1, 5, NOW, byAttempt).visibleAt).toBe(NOW);
  });

  it('falls back to the backoff for a retryInMs that is not a finite number', () => {
    for (const retryInMs of [Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(nextEventState({ status: 'retry', reason: 'r', retryInMs }, 2, 5, NOW, byAttempt).visibleAt).toBe(NOW + 2_007);
    }
  });

  it("uses the events' full-jitter backoff when given none", () => {
    const random = vi.spyOn(Math, 'random').mockReturnValue(0);
    expect(nextEventState({ status: 'retry', reason: 'r' }, 3, 5, NOW).visibleAt).toBe(NOW);
    random.mockReturnValue(0.999_999_9);
    expect(nextEventState({ status: 'retry', reason: 'r' }, 3, 5, NOW).visibleAt).toBe(NOW + 4_000);
  });

  it.each([
    ['nothing', undefined, 'undefined'],
    ['null', null, 'null'],
    ['a bare status', 'applied', '"applied"'],
    ['an unknown status', { status: 'maybe' }, '{"status":"maybe"}'],
    ['a discard without a reason', { status: 'discarded' }, '{"status":"discarded"}'],
    ['a death without a reason', { status: 'dead', reason: 3 }, '{"status":"dead","reason":3}'],
    ['a retry without a reason', { status: 'retry', retryInMs: 5 }, '{"status":"retry","retryInMs":5}'],
    ['a retry with a delay that is not a number', { status: 'retry', reason: 'r', retryInMs: '5' }, '{"status":"retry","reason":"r","retryInMs":"5"}'],
  ])('retries %s, saying it was an unknown outcome', (_name, value, shown) => {
    expect(nextEventState(untyped(value), 2, 5, NOW, byAttempt)).toEqual({
      status: 'queued',
      reason: `handler returned an unknown outcome: ${shown}`,
      visibleAt: NOW + 2_007,
    });
  });

  it('dead-letters an unknown outcome on the last delivery, and shows what JSON cannot write', () => {
    const cyclic: Record<string, unknown> = { status: 'weird' };
    cyclic.self = cyclic;
    expect(nextEventState(untyped(cyclic), 5, 5, NOW, byAttempt)).toEqual({ status: 'dead', reason: 'handler returned an unknown outcome: [object Object]', visibleAt: NOW });
    expect(nextEventState(untyped(10n), 1, 5, NOW, byAttempt).reason).toBe('handler returned an unknown outcome: 10');
  });
});

describe('handlerOutcome', () => {
  const event: StoredEvent = { id: 'e1', provider: 'acme', eventId: 'evt_1', type: 't', receivedAt: 0, payload: '{}', status: 'processing', attempts: 1, updatedAt: 0 };

  it("passes the handler's outcome through and hands it the event", async () => {
    const outcome: EventOutcome = { status: 'discarded', reason: 'stale' };
    const handler = vi.fn(() => Promise.resolve(outcome));
    await expect(handlerOutcome(handler, event)).resolves.toBe(outcome);
    expect(handler).toHaveBeenCalledWith(event);
  });

  it('turns a rejection or a synchronous throw into a retry carrying the error', async () => {
    await expect(handlerOutcome(() => Promise.reject(new TypeError('boom')), event)).resolves.toEqual({ status: 'retry', reason: 'handler threw TypeError: boom' });
    const throwing = (): Promise<EventOutcome> => {
      throw new Error('socket hang up');
    };
    await expect(handlerOutcome(throwing, event)).resolves.toEqual({ status: 'retry', reason: 'handler threw Error: socket hang up' });
    await expect(handlerOutcome(() => Promise.reject('plain'), event)).resolves.toEqual({ status: 'retry', reason: 'handler threw plain' });
  });
});
