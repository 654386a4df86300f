import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock/fake-clock.js';
import { IntegrationError } from '../../src/errors/integration-error.js';
import { RequestQueue, type QueueJob, type RequestQueueOptions } from '../../src/queue/index.js';
import type { Priority } from '../../src/telemetry/events.js';
import { MemoryTelemetrySink } from '../../src/telemetry/telemetry.js';

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A job the test finishes by hand, recording when it started. */
class ManualJob {
  started = false;
  private finish: ((value: string) => void) | undefined;
  private fail: ((reason: unknown) => void) | undefined;

  constructor(
    readonly name: string,
    private readonly log: string[],
  ) {}

  readonly run = (): Promise<string> => {
    this.started = true;
    this.log.push(this.name);
    return new Promise<string>((resolve, reject) => {
      this.finish = resolve;
      this.fail = reject;
    });
  };

  async complete(): Promise<void> {
    this.finish?.(this.name);
    await flush();
  }

  async failWith(reason: unknown): Promise<void> {
    this.fail?.(reason);
    await flush();
  }
}

function setup(options: Partial<RequestQueueOptions> = {}) {
  const sink = new MemoryTelemetrySink();
  const clock = new FakeClock();
  const queue = new RequestQueue({ clock, provider: 'stripe', emit: (event) => sink.emit(event), ...options });
  const log: string[] = [];
  const add = (name: string, endpoint = 'charges', priority?: Priority, signal?: AbortSignal) => {
    const job = new ManualJob(name, log);
    const spec: QueueJob<string> = { endpoint, run: job.run };
    if (priority) spec.priority = priority;
    if (signal) spec.signal = signal;
    const result = queue.add(spec);
    return { job, result };
  };
  return { queue, sink, clock, log, add };
}

describe('RequestQueue', () => {
  it('runs a job at once when there is room and resolves with its result', async () => {
    const { queue, add } = setup();
    const { job, result } = add('a');
    expect(job.started).toBe(true);
    expect(queue.running).toBe(1);
    expect(queue.depth).toBe(0);
    await job.complete();
    await expect(result).resolves.toBe('a');
    expect(queue.running).toBe(0);
  });

  it('holds jobs beyond the global concurrency until a slot frees', async () => {
    const { queue, add } = setup({ concurrency: 2 });
    const a = add('a', 'x');
    add('b', 'y');
    const c = add('c', 'z');
    expect(c.job.started).toBe(false);
    expect(queue.depth).toBe(1);
    await a.job.complete();
    expect(c.job.started).toBe(true);
    expect(queue.depth).toBe(0);
    expect(queue.running).toBe(2);
  });

  it('runs urgent before normal before batch, first come first served within each', async () => {
    const { queue, log, add } = setup({ concurrency: 1 });
    const first = add('first');
    const waiting = [add('batch1', 'a', 'batch'), add('normal1', 'b'), add('urgent1', 'c', 'urgent'), add('normal2', 'a', 'normal'), add('urgent2', 'b', 'urgent')];
    expect(queue.depthByPriority()).toEqual({ urgent: 2, normal: 2, batch: 1 });
    await first.job.complete();
    // With one slot, each completion starts exactly the next job in line.
    for (let i = 0; i < waiting.length; i++) {
      const current = waiting.find((entry) => entry.job.name === log.at(-1));
      await current?.job.complete();
    }
    expect(log).toEqual(['first', 'urgent1', 'urgent2', 'normal1', 'normal2', 'batch1']);
    expect(queue.depthByPriority()).toEqual({ urgent: 0, normal: 0, batch: 0 });
  });

  it('caps each endpoint without holding back the others', async () => {
    const { queue, add } = setup({ endpointConcurrency: { slow: 1 } });
    const slow1 = add('slow1', 'slow');
    const slow2 = add('slow2', 'slow');
    const fast = [add('fast1', 'fast'), add('fast2', 'fast')];
    expect(slow2.job.started).toBe(false);
    expect(fast.every((entry) => entry.job.started)).toBe(true);
    await fast[0]?.job.complete();
    expect(slow2.job.started).toBe(false);
    await slow1.job.complete();
    expect(slow2.job.started).toBe(true);
    expect(queue.running).toBe(2);
  });

  it('gives a freed global slot to the oldest job whose endpoint has room', async () => {
    const { log, add } = setup({ concurrency: 2, endpointConcurrency: { slow: 1 } });
    add('slow1', 'slow');
    const fast1 = add('fast1', 'fast');
    add('slow2', 'slow');
    add('fast2', 'fast');
    add('other', 'other');
    await fast1.job.complete();
    // slow2 is older but its endpoint is full; fast2 is the oldest runnable.
    expect(log).toEqual(['slow1', 'fast1', 'fast2']);
  });

  it('gives a freed global slot to the most urgent runnable job across endpoints', async () => {
    const { log, add } = setup({ concurrency: 1 });
    const first = add('first', 'a');
    add('normal', 'b');
    add('urgent', 'c', 'urgent');
    await first.job.complete();
    expect(log).toEqual(['first', 'urgent']);
  });

  it('hands an endpoint slot to that endpoint\'s most urgent waiting job', async () => {
    const { log, add } = setup({ defaultEndpointConcurrency: 1 });
    const first = add('first');
    add('normal');
    add('urgent', 'charges', 'urgent');
    await first.job.complete();
    expect(log).toEqual(['first', 'urgent']);
  });

  it('frees the slot of a job that fails, and passes its error on', async () => {
    const { queue, add } = setup({ concurrency: 1 });
    const a = add('a');
    const b = add('b');
    const failure = new Error('boom');
    const outcome = a.result.catch((caught: unknown) => caught);
    await a.job.failWith(failure);
    expect(await outcome).toBe(failure);
    expect(b.job.started).toBe(true);
    expect(queue.running).toBe(1);
  });

  it('treats a run that throws synchronously as a failed job', async () => {
    const { queue } = setup();
    const failure = new Error('sync');
    const result = queue.add({
      endpoint: 'x',
      run: () => {
        throw failure;
      },
    });
    await expect(result).rejects.toBe(failure);
    expect(queue.running).toBe(0);
  });

  it('refuses a job when maxDepth jobs already wait, and reports it', async () => {
    const { queue, sink, clock, add } = setup({ concurrency: 1, maxDepth: 1 });
    add('running');
    add('waiting');
    const refused = add('refused', 'refunds', 'urgent');
    const error = await refused.result.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({
      kind: 'rate_limited',
      reason: 'queue_full',
      provider: 'stripe',
      endpoint: 'refunds',
      requestMayHaveReachedProvider: false,
    });
    expect(refused.job.started).toBe(false);
    expect(queue.depth).toBe(1);
    expect(sink.ofType('queue.rejected')).toEqual([
      { type: 'queue.rejected', at: clock.now(), provider: 'stripe', endpoint: 'refunds', depth: 1, maxDepth: 1, priority: 'urgent' },
    ]);
  });

  it('counts only waiting jobs against maxDepth', async () => {
    const { add } = setup({ concurrency: 1, maxDepth: 0 });
    const first = add('first');
    const second = add('second');
    expect(first.job.started).toBe(true);
    await expect(second.result).rejects.toMatchObject({ reason: 'queue_full' });
  });

  it('drops a waiting job whose signal aborts, keeping the others in order', async () => {
    const { queue, log, add } = setup({ concurrency: 1 });
    const first = add('first');
    const controller = new AbortController();
    const middle = add('middle', 'charges', 'normal', controller.signal);
    const last = add('last');
    const reason = new Error('caller left');
    controller.abort(reason);
    await expect(middle.result).rejects.toBe(reason);
    expect(queue.depth).toBe(1);
    await first.job.complete();
    await last.job.complete();
    await expect(last.result).resolves.toBe('last');
    expect(log).toEqual(['first', 'last']);
  });

  it('drops the only waiting job of an endpoint, head or tail', async () => {
    const { queue, add } = setup({ concurrency: 1 });
    const first = add('first');
    const headController = new AbortController();
    const tailController = new AbortController();
    const head = add('head', 'a', 'normal', headController.signal);
    const tail = add('tail', 'a', 'normal', tailController.signal);
    tailController.abort();
    headController.abort();
    await expect(tail.result).rejects.toMatchObject({ name: 'AbortError' });
    await expect(head.result).rejects.toMatchObject({ name: 'AbortError' });
    expect(queue.depth).toBe(0);
    await first.job.complete();
    await queue.onIdle();
    expect(queue.running).toBe(0);
  });

  it('never runs a job whose signal is already aborted', async () => {
    const { queue, add } = setup();
    const reason = new Error('too late');
    const { job, result } = add('a', 'x', 'normal', AbortSignal.abort(reason));
    await expect(result).rejects.toBe(reason);
    expect(job.started).toBe(false);
    expect(queue.running).toBe(0);
  });

  it('leaves a job alone once it runs, even if its signal aborts', async () => {
    const { add } = setup({ concurrency: 1 });
    const first = add('first');
    const controller = new AbortController();
    const second = add('second', 'x', 'normal', controller.signal);
    await first.job.complete();
    expect(second.job.started).toBe(true);
    controller.abort();
    await second.job.complete();
    await expect(second.result).resolves.toBe('second');
  });

  it('resolves onIdle at once when idle, else once everything has finished', async () => {
    const { queue, add } = setup({ concurrency: 1 });
    await expect(queue.onIdle()).resolves.toBeUndefined();
    const a = add('a');
    const b = add('b');
    let idle = 0;
    void queue.onIdle().then(() => idle++);
    void queue.onIdle().then(() => idle++);
    await a.job.complete();
    expect(idle).toBe(0);
    await b.job.complete();
    expect(idle).toBe(2);
  });

  it.each([
    [{ concurrency: 0 }, /concurrency/],
    [{ maxDepth: -1 }, /maxDepth/],
    [{ defaultEndpointConcurrency: 0 }, /defaultEndpointConcurrency/],
    [{ endpointConcurrency: { charges: 0 } }, /endpointConcurrency.charges/],
    [{ concurrency: Number.NaN }, /concurrency/],
  ])('rejects the invalid option %o', (options, message) => {
    expect(() => setup(options)).toThrow(RangeError);
    expect(() => setup(options)).toThrow(message);
  });
});
