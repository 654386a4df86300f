import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock/fake-clock.js';
import { RequestQueue } from '../../src/queue/index.js';
import { RateLimiter, type AcquireRequest } from '../../src/rate-limit/index.js';

const JOBS = 100_000;

/** Pushes every job through the queue and the limiter at once; returns jobs per second. */
async function jobsPerSecond(endpoints: number): Promise<number> {
  const clock = new FakeClock();
  const limiter = new RateLimiter({ clock });
  const queue = new RequestQueue({ clock, provider: 'p', maxDepth: JOBS });
  const roomy = { limit: 10 * JOBS, windowMs: 60_000 };
  const requests: AcquireRequest[] = Array.from({ length: endpoints }, (_, i) => ({
    rules: [
      { key: `p:endpoint:e${i}`, windows: [roomy] },
      { key: 'p:account', windows: [roomy, { limit: 10 * JOBS, windowMs: 1000 }] },
    ],
    maxWaitMs: 0,
    scope: { provider: 'p', endpoint: `e${i}`, correlationId: 'bench' },
  }));
  const runs = requests.map((request) => () => limiter.acquire(request));
  const started = performance.now();
  const results: Promise<number>[] = [];
  for (let i = 0; i < JOBS; i++) {
    results.push(queue.add({ endpoint: `e${i % endpoints}`, priority: i % 3 === 0 ? 'urgent' : 'normal', run: runs[i % endpoints] as () => Promise<number> }));
  }
  const waits = await Promise.all(results);
  const elapsedMs = performance.now() - started;
  expect(waits.every((waited) => waited === 0)).toBe(true);
  expect(queue.running + queue.depth).toBe(0);
  return JOBS / (elapsedMs / 1000);
}

describe('queue and limiter throughput', () => {
  it('sustain at least 100,000 jobs/s when the limits allow', async () => {
    // The first pass warms the JIT; the figure that counts is the second.
    await jobsPerSecond(4);
    expect(await jobsPerSecond(4)).toBeGreaterThanOrEqual(100_000);
    expect(await jobsPerSecond(50)).toBeGreaterThanOrEqual(100_000);
  });
});
