import { startRateOf } from '@interlock/core';
import { UnrecoverableError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { limiterFor, resolveConsumeSettings } from '../src/consume-settings.js';
import { statusOf } from '../src/event-record.js';
import { dedupeIdFor, jobIdFor } from '../src/index.js';
import { resolveQueueSettings } from '../src/options.js';
import { jobResultFor, RetryLater } from '../src/outcome.js';

const noBackoff = (): number => 0;

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
    // The retry backoff is checked when the queue is made, not at the first retry.
    expect(() => resolveQueueSettings({ retryBackoff: { baseMs: 0 } })).toThrow(/baseMs/);
  });

  it("takes core's start rate as the BullMQ limiter", () => {
    expect(limiterFor(undefined)).toBeUndefined();
    expect(limiterFor(startRateOf(10))).toEqual({ max: 10, duration: 1000 });
    expect(limiterFor(startRateOf(0.5))).toEqual({ max: 1, duration: 2000 });
    expect(limiterFor(startRateOf(2.5))).toEqual({ max: 2, duration: 1000 });
  });

  it("applies core's consume defaults, with the stalled check every half lease", () => {
    expect(resolveConsumeSettings({}, noBackoff)).toMatchObject({ concurrency: 1, maxAttempts: 5, leaseMs: 30_000, workerId: 'worker', stalledIntervalMs: 15_000, limiter: undefined });
    expect(resolveConsumeSettings({ leaseMs: 40, workerId: 'w1', ratePerSecond: 4 }, noBackoff)).toMatchObject({
      leaseMs: 40,
      stalledIntervalMs: 50,
      workerId: 'w1',
      limiter: { max: 4, duration: 1000 },
    });
  });
});

describe('settlements', () => {
  const now = 1_000_000;

  it('maps each next state to a return value or the error BullMQ acts on, with the delay core chose', () => {
    expect(jobResultFor({ status: 'applied', visibleAt: now }, now)).toEqual({ status: 'applied' });
    expect(jobResultFor({ status: 'discarded', reason: 'stale', visibleAt: now }, now)).toEqual({ status: 'discarded', reason: 'stale' });
    expect(() => jobResultFor({ status: 'dead', reason: 'bad', visibleAt: now }, now)).toThrow(new UnrecoverableError('bad'));
    let thrown: unknown;
    try {
      jobResultFor({ status: 'queued', reason: 'busy', visibleAt: now + 1_234 }, now);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RetryLater);
    expect(thrown).toMatchObject({ message: 'busy', delayMs: 1_234 });
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
