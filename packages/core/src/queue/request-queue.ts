import { AsyncResource } from 'node:async_hooks';
import { abortReason, type Clock } from '../clock/clock.js';
import { IntegrationError } from '../errors/integration-error.js';
import type { Priority } from '../telemetry/events.js';
import { noopEmit, type Emit } from '../telemetry/telemetry.js';
import { EndpointLane } from './endpoint-lane.js';
import { WaitingJob, type Rank, type WaitingJobOwner } from './waiting-job.js';

export interface RequestQueueOptions {
  /** How many jobs may wait (not counting running ones) before new ones are refused. Default 1000. */
  maxDepth?: number;
  /** How many jobs may run at once across all endpoints. Default 64. */
  concurrency?: number;
  /** Per-endpoint running caps, for endpoints whose provider limit is tighter than the default. */
  endpointConcurrency?: Readonly<Record<string, number>>;
  /** The running cap of an endpoint not listed in `endpointConcurrency`. Default 16. */
  defaultEndpointConcurrency?: number;
  emit?: Emit;
  clock: Clock;
  provider: string;
}

/** One unit of work for the queue. */
export interface QueueJob<T> {
  endpoint: string;
  /** Default 'normal'. */
  priority?: Priority;
  run: () => Promise<T>;
  /** Aborting removes the job while it waits; once running, `run` owns the signal. */
  signal?: AbortSignal;
}

const RANK: Readonly<Record<Priority, Rank>> = { urgent: 0, normal: 1, batch: 2 };

function atLeast(minimum: number, name: string, value: number): number {
  if (!(value >= minimum)) throw new RangeError(`${name} must be at least ${minimum}, got ${value}`);
  return value;
}

/**
 * Bounds how much work is in flight towards one provider. Invariant after every operation: no
 * waiting job could run (either all global slots are taken or each waiting job's endpoint is at
 * its cap). So a job with room starts at once, and a finishing job hands its slot on in O(1) when
 * only its endpoint was the limit, or by comparing the endpoints' queue heads when the global cap was.
 */
export class RequestQueue implements WaitingJobOwner {
  private readonly maxDepth: number;
  private readonly concurrency: number;
  private readonly endpointCaps: Readonly<Record<string, number>>;
  private readonly defaultEndpointCap: number;
  private readonly emit: Emit;
  private readonly clock: Clock;
  private readonly provider: string;
  private readonly lanes = new Map<string, EndpointLane>();
  /** Lanes with a waiting job: the only candidates for a freed global slot. */
  private readonly backlogged = new Set<EndpointLane>();
  private readonly waitingByRank: [number, number, number] = [0, 0, 0];
  private waitingCount = 0;
  private runningCount = 0;
  private nextSeq = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(options: RequestQueueOptions) {
    this.maxDepth = atLeast(0, 'maxDepth', options.maxDepth ?? 1000);
    this.concurrency = atLeast(1, 'concurrency', options.concurrency ?? 64);
    this.defaultEndpointCap = atLeast(1, 'defaultEndpointConcurrency', options.defaultEndpointConcurrency ?? 16);
    this.endpointCaps = options.endpointConcurrency ?? {};
    for (const [endpoint, cap] of Object.entries(this.endpointCaps)) atLeast(1, `endpointConcurrency.${endpoint}`, cap);
    this.emit = options.emit ?? noopEmit;
    this.clock = options.clock;
    this.provider = options.provider;
  }

  /**
   * Runs the job when a slot is free: urgent before normal before batch, first come first served
   * within a priority, within its endpoint's cap and the global one. An endpoint at its cap never
   * holds back jobs for other endpoints. When `maxDepth` jobs already wait, rejects at once with a
   * `rate_limited` IntegrationError (reason `queue_full`) and emits `queue.rejected`. A job whose
   * signal aborts while it waits is dropped and rejects with the signal's reason.
   */
  add<T>(job: QueueJob<T>): Promise<T> {
    const { signal } = job;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const lane = this.laneOf(job.endpoint);
    // By the invariant, nothing that waits could take this slot instead.
    if (this.runningCount < this.concurrency && lane.hasRoom) return this.execute(lane, job.run);
    const priority = job.priority ?? 'normal';
    if (this.waitingCount >= this.maxDepth) return Promise.reject(this.queueFull(job.endpoint, priority));
    const seq = this.nextSeq++;
    return new Promise<unknown>((resolve, reject) => {
      // Run in its caller's async context: it starts later from whichever job frees the slot,
      // and its trace span and logs belong to its own caller. A plain AsyncResource rather than
      // AsyncResource.bind, whose bound function Node decorates with a deprecated property on
      // every call: most of a waiting job's cost in the queue-throughput bench.
      const scope = new AsyncResource('InterlockQueuedCall');
      this.enqueue(new WaitingJob(seq, RANK[priority], lane, () => scope.runInAsyncScope(job.run), signal, resolve, reject, this));
    }) as Promise<T>;
  }

  /** How many jobs are waiting for a slot. */
  get depth(): number {
    return this.waitingCount;
  }

  /** How many jobs wait at each priority. */
  depthByPriority(): Record<Priority, number> {
    const [urgent, normal, batch] = this.waitingByRank;
    return { urgent, normal, batch };
  }

  /** How many jobs are running. */
  get running(): number {
    return this.runningCount;
  }

  /** Resolves when nothing is waiting or running. */
  onIdle(): Promise<void> {
    if (this.runningCount === 0 && this.waitingCount === 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.idleWaiters.push(resolve);
    });
  }

  /** Drops a waiting job whose signal aborted. */
  cancel(job: WaitingJob): void {
    this.unlink(job);
    job.reject(abortReason(job.signal as AbortSignal));
  }

  private laneOf(endpoint: string): EndpointLane {
    let lane = this.lanes.get(endpoint);
    if (!lane) {
      lane = new EndpointLane(endpoint, this.endpointCaps[endpoint] ?? this.defaultEndpointCap);
      this.lanes.set(endpoint, lane);
    }
    return lane;
  }

  private async execute<T>(lane: EndpointLane, run: () => Promise<T>): Promise<T> {
    this.runningCount++;
    lane.running++;
    try {
      return await run();
    } finally {
      this.finish(lane);
    }
  }

  private finish(lane: EndpointLane): void {
    const globalWasFull = this.runningCount >= this.concurrency;
    this.runningCount--;
    lane.running--;
    // With global room to spare, only this endpoint's cap held its jobs back, so only they can move.
    const next = globalWasFull ? this.mostUrgentRunnable() : lane.peek();
    if (next) this.start(next);
    else if (this.runningCount === 0 && this.waitingCount === 0) this.settleIdle();
  }

  private mostUrgentRunnable(): WaitingJob | undefined {
    let best: WaitingJob | undefined;
    for (const lane of this.backlogged) {
      if (!lane.hasRoom) continue;
      const head = lane.peek() as WaitingJob;
      if (!best || head.rank < best.rank || (head.rank === best.rank && head.seq < best.seq)) best = head;
    }
    return best;
  }

  private enqueue(job: WaitingJob): void {
    job.lane.push(job);
    if (job.lane.waiting === 1) this.backlogged.add(job.lane);
    this.waitingCount++;
    this.waitingByRank[job.rank]++;
    job.signal?.addEventListener('abort', job, { once: true });
  }

  private unlink(job: WaitingJob): void {
    job.lane.remove(job);
    if (job.lane.waiting === 0) this.backlogged.delete(job.lane);
    this.waitingCount--;
    this.waitingByRank[job.rank]--;
  }

  private start(job: WaitingJob): void {
    job.signal?.removeEventListener('abort', job);
    this.unlink(job);
    this.execute(job.lane, job.run).then(job.resolve, job.reject);
  }

  private settleIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private queueFull(endpoint: string, priority: Priority): IntegrationError {
    this.emit({
      type: 'queue.rejected',
      at: this.clock.now(),
      provider: this.provider,
      endpoint,
      depth: this.waitingCount,
      maxDepth: this.maxDepth,
      priority,
    });
    return new IntegrationError('rate_limited', `The ${this.provider} request queue is full (${this.maxDepth} waiting)`, {
      provider: this.provider,
      endpoint,
      reason: 'queue_full',
      requestMayHaveReachedProvider: false,
    });
  }
}
