import { UnrecoverableError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { limiterFor, resolveConsumeSettings } from '../src/consume-settings.js';
import { statusOf } from '../src/event-record.js';
import { dedupeIdFor, jobIdFor } from '../src/index.js';
import { resolveQueueSettings } from '../src/options.js';
import { outcomeOfError, RetryLater, settleOutcome } from '../src/outcome.js';

// Pure pieces, tested without Redis.
describe('job ids', () => {
  it('keeps ordinary ids as they are and escapes what BullMQ refuses, one-to-one', () => {
    expect(jobIdFor('0190f5c2-7a1b-7c3d-8e4f-123456789abc')).toBe('0190f5c2-7a1b-7c3d-8e4f-123456789abc');
    expect(jobIdFor('acme:evt:1')).toBe('acme%3Aevt%3A1');
    expect(jobIdFor('42')).toBe('%I42');
    const ids = ['42', '%I42', '%3A', ':', '%253A', '%', '007', '-1', 'a:b', 'a%3Ab'];
    const jobIds = ids.map(jobIdFor);
    expect(new Set(jobIds).size).toBe(ids.length);
    for (const jobId of jobIds) {
      expect(jobId).not.toContain(':');
      expect(`${Number.parseInt(jobId, 10)}`).not.toBe(jobId);
    }
    expect(() => jobIdFor('')).toThrow(TypeError);
  });

  it('keeps provider and event id apart in the dedupe id', () => {
    expect(dedupeIdFor('a:b', 'c')).not.toBe(dedupeIdFor('a', 'b:c'));
    expect(dedupeIdFor('stripe', 'evt_1')).toBe('stripe:evt_1');
  });
});

describe('settings', () => {
  it('applies the queue defaults and refuses bad options', () => {
    const settings = resolveQueueSettings({});
    expect(settings).toMatchObject({ queueName: 'interlock-events', prefix: 'bull', dedupeTtlMs: 7 * 24 * 60 * 60 * 1000 });
    expect(settings.queueConnection).toMatchObject({ host: '127.0.0.1', port: 6379, enableOfflineQueue: false });
    expect(() => resolveQueueSettings({ queueName: 'a:b' })).toThrow(/queueName/);
    expect(() => resolveQueueSettings({ dedupeTtlMs: 0 })).toThrow(/dedupeTtlMs/);
  });

  it('turns a rate per second into a BullMQ limiter', () => {
    expect(limiterFor(undefined)).toBeUndefined();
    expect(limiterFor(10)).toEqual({ max: 10, duration: 1000 });
    expect(limiterFor(0.5)).toEqual({ max: 1, duration: 2000 });
    expect(limiterFor(2.5)).toEqual({ max: 1, duration: 400 });
    expect(() => limiterFor(Number.NaN)).toThrow(/ratePerSecond/);
  });

  it('applies the consume defaults: lease 30 s checked every half lease, 5 attempts', () => {
    const settings = resolveConsumeSettings({}, {});
    expect(settings).toMatchObject({ concurrency: 1, maxAttempts: 5, leaseMs: 30_000, stalledIntervalMs: 15_000 });
    expect(resolveConsumeSettings({ leaseMs: 40, workerId: 'w1' }, {})).toMatchObject({ leaseMs: 40, stalledIntervalMs: 50, workerId: 'w1' });
    expect(() => resolveConsumeSettings({ maxAttempts: 1.5 }, {})).toThrow(/maxAttempts/);
  });
});

describe('outcomes', () => {
  it('maps each outcome to a return value or the error BullMQ acts on', () => {
    expect(settleOutcome({ status: 'applied' }, 1, 5)).toEqual({ status: 'applied' });
    expect(settleOutcome({ status: 'discarded', reason: 'stale' }, 1, 5)).toEqual({ status: 'discarded', reason: 'stale' });
    expect(() => settleOutcome({ status: 'dead', reason: 'bad' }, 1, 5)).toThrow(UnrecoverableError);
    expect(() => settleOutcome({ status: 'retry', reason: 'busy', retryInMs: 5 }, 4, 5)).toThrow(RetryLater);
    expect(() => settleOutcome({ status: 'retry', reason: 'busy' }, 5, 5)).toThrow(UnrecoverableError);
  });

  it('treats a thrown error as a transient failure', () => {
    expect(outcomeOfError(new Error('reset'))).toEqual({ status: 'retry', reason: 'reset' });
    expect(outcomeOfError(new TypeError(''))).toEqual({ status: 'retry', reason: 'TypeError' });
    expect(outcomeOfError('plain')).toEqual({ status: 'retry', reason: 'plain' });
  });

  it('maps BullMQ states (and return values) to our statuses', () => {
    expect(['waiting', 'delayed', 'prioritized', 'waiting-children'].map((s) => statusOf(s as 'waiting', null))).toEqual(['queued', 'queued', 'queued', 'queued']);
    expect(statusOf('active', null)).toBe('processing');
    expect(statusOf('completed', { status: 'applied' })).toBe('applied');
    expect(statusOf('completed', { status: 'discarded', reason: 'stale' })).toBe('discarded');
    expect(statusOf('failed', null)).toBe('dead');
    expect(statusOf('unknown', null)).toBeUndefined();
  });
});
