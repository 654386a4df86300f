import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testHub, type TestHub } from './support.js';

/** A full collection on demand: the flag exposes `gc` to contexts made after it is set. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** The value of one series in a Prometheus text page, or undefined when it is not there. */
function sample(page: string, series: string): number | undefined {
  const line = page.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

let running: TestHub | undefined;
afterEach(async () => {
  await running?.cleanup();
  running = undefined;
});

describe('/metrics', () => {
  it('shows the process beside the hub: event-loop lag, memory and garbage-collection pauses', async () => {
    running = await testHub({ polling: { enabled: false } });
    const scrape = async (): Promise<string> => (await fetch(`${running?.hub.url}/metrics`)).text();
    collectGarbage();
    // The GC observer reports after the collection, on a later turn of the loop.
    await vi.waitFor(async () => expect(sample(await scrape(), 'interlock_process_gc_pause_seconds_count{kind="major"}')).toBeGreaterThanOrEqual(1), { timeout: 5_000, interval: 20 });
    // A loop held for 50 ms shows in the next scrape (which forgets the delays before it, so the
    // monitor needs one sample after the previous scrape first: hence the retries).
    let page = '';
    await vi.waitFor(
      async () => {
        const heldUntil = performance.now() + 50;
        while (performance.now() < heldUntil);
        page = await scrape();
        expect(sample(page, 'interlock_process_event_loop_lag_seconds{quantile="1"}')).toBeGreaterThanOrEqual(0.035);
      },
      { timeout: 5_000, interval: 20 },
    );
    expect(page).toContain('# TYPE interlock_process_gc_pause_seconds histogram');
    expect(sample(page, 'interlock_process_gc_pause_seconds_sum{kind="major"}')).toBeGreaterThan(0);
    for (const kind of ['rss', 'heap_used', 'heap_total', 'external', 'array_buffers']) expect(sample(page, `interlock_process_memory_bytes{kind="${kind}"}`)).toBeGreaterThan(0);
    expect(page).toContain('# TYPE interlock_process_event_loop_lag_seconds gauge');
    const lag = ['0.5', '0.99', '1'].map((quantile) => sample(page, `interlock_process_event_loop_lag_seconds{quantile="${quantile}"}`) ?? Number.NaN);
    expect(lag.every((seconds) => seconds >= 0 && seconds < 60)).toBe(true);
    expect(lag).toEqual([...lag].sort((a, b) => a - b));
    // The hub's own metrics are still there beside them.
    expect(page).toContain('# TYPE interlock_webhooks_received_total counter');
  });
});
