import { FakeClock } from '@interlock/testkit';
import { HandlerProbe, timeDriver } from '@interlock/testkit/vitest';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleCrashChild, startChild, type Child } from './crash/child-process.js';
import { tempStores, type TempStores } from './temp-store.js';

// Real processes, real SIGKILL: the parent's clock is fake but starts at the real time, because
// the child stamps its lease with Date.now().
describe('crash recovery across processes', () => {
  let script: string;
  let stores: TempStores | undefined;
  let child: Child | undefined;

  beforeAll(async () => {
    script = await bundleCrashChild();
  }, 60_000);

  afterEach(async () => {
    await child?.kill();
    child = undefined;
    await stores?.cleanup();
    stores = undefined;
  });

  it('an event claimed by a process killed before completing is handed out again after its lease, exactly once, and applied', async () => {
    stores = tempStores();
    const clock = new FakeClock({ start: Date.now() });
    const first = stores.open({ clock });
    await first.events.accept({ id: 'evt-crash-1', provider: 'acme', eventId: 'evt_1', type: 'payment.updated', receivedAt: clock.now(), payload: '{"customer":"Müller GmbH"}' });
    await first.close();

    child = startChild(script, [stores.path, 'claim', '60000']);
    await expect(child.waitFor((line) => 'claimed' in line)).resolves.toEqual({ claimed: 'evt-crash-1', attempts: 1 });
    await child.kill();

    const clockAfter = new FakeClock({ start: Date.now() });
    const time = timeDriver(clockAfter);
    const survivor = stores.open({ clock: clockAfter });
    expect((await survivor.events.get('evt-crash-1'))?.status).toBe('processing');
    const probe = new HandlerProbe(clockAfter);
    const consumer = survivor.events.consume(probe.handler, { leaseMs: 60_000 });
    await time.pass(30_000, 500);
    expect(probe.deliveries).toHaveLength(0);
    await time.eventually(async () => expect((await survivor.events.get('evt-crash-1'))?.status).toBe('applied'), { withinMs: 40_000, stepMs: 1_000 });
    await time.pass(120_000, 2_000);
    await time.settle(consumer.stop());
    expect(probe.deliveries.map((e) => e.id)).toEqual(['evt-crash-1']);
    expect(await survivor.events.get('evt-crash-1')).toMatchObject({ status: 'applied', attempts: 2, payload: '{"customer":"Müller GmbH"}' });
  }, 30_000);

  it('every event a killed process acknowledged as accepted is on disk, and is applied once', async () => {
    stores = tempStores();
    child = startChild(script, [stores.path, 'accept-stream']);
    // Killed while it is still accepting: some batches are acknowledged, one may be mid-commit.
    await child.waitFor((line) => line.acknowledged === 'child-640');
    await child.kill();
    const acknowledged = child.lines.filter((line) => line.answer === 'accepted').map((line) => line.acknowledged as string);
    expect(acknowledged.length).toBeGreaterThanOrEqual(640);

    const clock = new FakeClock({ start: Date.now() });
    const survivor = stores.open({ clock });
    for (const id of acknowledged) expect((await survivor.events.get(id))?.status, id).toBe('queued');
    const stored = (await survivor.events.counts()).queued;
    // What was committed but not yet printed when the kill came is there too, and nothing else:
    // the child's accepts commit in the order it made them, so the store holds exactly the first
    // `stored` of its events, the acknowledged ones among them (no stray, no gap, no copy).
    const storedIds = (await survivor.events.list({ limit: stored + 1 })).map((event) => event.id);
    expect(new Set(storedIds)).toEqual(new Set(Array.from({ length: stored }, (_, i) => `child-${i + 1}`)));
    expect(stored).toBeGreaterThanOrEqual(acknowledged.length);
    const probe = new HandlerProbe(clock);
    const consumer = survivor.events.consume(probe.handler, { concurrency: 8 });
    await timeDriver(clock).eventually(async () => expect((await survivor.events.counts()).applied).toBe(stored), { withinMs: 60_000 });
    await timeDriver(clock).settle(consumer.stop());
    expect(probe.deliveries).toHaveLength(stored);
    expect(new Set(probe.deliveries.map((e) => e.id)).size).toBe(stored);
  }, 30_000);
});
