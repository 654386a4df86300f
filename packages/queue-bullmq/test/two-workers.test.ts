import { afterEach, beforeEach, expect, it } from 'vitest';
import { eventually, makeEvent, openTestQueues, type TestQueues } from './harness.js';
import { describeWithRedis } from './redis-service.js';

describeWithRedis('two machines draining one queue', () => {
  let queues: TestQueues;
  beforeEach(async () => {
    queues = await openTestQueues();
  });
  afterEach(async () => {
    await queues.cleanup();
  });

  it('applies each event exactly once, with both workers taking part', async () => {
    const machineA = queues.queue;
    const machineB = await queues.reopen();
    const deliveries = new Map<string, string[]>();
    const handlerFor = (machine: string) => async (event: { id: string }) => {
      deliveries.set(event.id, [...(deliveries.get(event.id) ?? []), machine]);
      // A little work, so both machines have jobs in hand at once.
      await new Promise((resolve) => setTimeout(resolve, 2));
      return { status: 'applied' as const };
    };
    const consumerA = machineA.consume(handlerFor('a'), { concurrency: 4, workerId: 'machine-a' });
    const consumerB = machineB.consume(handlerFor('b'), { concurrency: 4, workerId: 'machine-b' });
    const events = Array.from({ length: 200 }, () => makeEvent());
    // Both machines accept too, and every event is offered twice, as a provider retrying would.
    await Promise.all(events.flatMap((event, i) => [(i % 2 ? machineA : machineB).accept(event), (i % 2 ? machineB : machineA).accept(event)]));
    await eventually(async () => expect((await machineA.counts()).applied).toBe(200), 10_000);
    await Promise.all([consumerA.stop(), consumerB.stop()]);
    expect(deliveries.size).toBe(200);
    expect([...deliveries.values()].every((machines) => machines.length === 1)).toBe(true);
    const byMachine = [...deliveries.values()].flat();
    expect(byMachine.filter((m) => m === 'a').length).toBeGreaterThan(0);
    expect(byMachine.filter((m) => m === 'b').length).toBeGreaterThan(0);
    expect(await machineB.counts()).toEqual({ queued: 0, processing: 0, applied: 200, discarded: 0, dead: 0 });
  });
});
