import type { WaitingJob } from './waiting-job.js';

/** An intrusive doubly-linked FIFO: O(1) push, shift, and removal of an aborted job from anywhere. */
export class JobFifo {
  head: WaitingJob | undefined = undefined;
  private tail: WaitingJob | undefined = undefined;

  push(job: WaitingJob): void {
    job.prev = this.tail;
    job.next = undefined;
    if (this.tail) this.tail.next = job;
    else this.head = job;
    this.tail = job;
  }

  remove(job: WaitingJob): void {
    if (job.prev) job.prev.next = job.next;
    else this.head = job.next;
    if (job.next) job.next.prev = job.prev;
    else this.tail = job.prev;
    job.prev = undefined;
    job.next = undefined;
  }
}
