import { JobFifo } from './job-fifo.js';
import type { WaitingJob } from './waiting-job.js';

/** One endpoint's concurrency cap, its running count, and its waiting jobs by priority. */
export class EndpointLane {
  running = 0;
  waiting = 0;
  private readonly byRank: readonly [JobFifo, JobFifo, JobFifo] = [new JobFifo(), new JobFifo(), new JobFifo()];

  constructor(
    readonly endpoint: string,
    readonly cap: number,
  ) {}

  get hasRoom(): boolean {
    return this.running < this.cap;
  }

  /** The job this lane would run next: its most urgent priority's oldest. */
  peek(): WaitingJob | undefined {
    return this.byRank[0].head ?? this.byRank[1].head ?? this.byRank[2].head;
  }

  push(job: WaitingJob): void {
    this.byRank[job.rank].push(job);
    this.waiting++;
  }

  remove(job: WaitingJob): void {
    this.byRank[job.rank].remove(job);
    this.waiting--;
  }
}
