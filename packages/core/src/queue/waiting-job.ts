import type { EndpointLane } from './endpoint-lane.js';

/** 0 for urgent, 1 for normal, 2 for batch: the lower, the sooner. */
export type Rank = 0 | 1 | 2;

/** What a waiting job reports its abort to. */
export interface WaitingJobOwner {
  cancel(job: WaitingJob): void;
}

/**
 * A job waiting for a slot, and its own node in its lane's FIFO. It is also the abort listener
 * (via `handleEvent`), so queuing a job with a signal allocates no closure.
 */
export class WaitingJob {
  prev: WaitingJob | undefined = undefined;
  next: WaitingJob | undefined = undefined;

  constructor(
    /** Arrival order across the whole queue: the lower, the sooner within a priority. */
    readonly seq: number,
    readonly rank: Rank,
    readonly lane: EndpointLane,
    readonly run: () => Promise<unknown>,
    readonly signal: AbortSignal | undefined,
    readonly resolve: (value: unknown) => void,
    readonly reject: (reason: unknown) => void,
    private readonly owner: WaitingJobOwner,
  ) {}

  handleEvent(): void {
    this.owner.cancel(this);
  }
}
