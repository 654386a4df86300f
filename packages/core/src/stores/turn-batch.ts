/**
 * What a store does with one batch: send it (and settle its callers itself), or say the batch
 * must wait (`'held'`, e.g. for a lock held elsewhere). A held batch goes back in front of the
 * queue, and nothing more is sent until {@link TurnBatch.flush} is called again.
 */
export type BatchSender<T> = (batch: T[]) => void | 'held';

/**
 * Collects the writes of one turn of the event loop and hands them over together, so a burst of
 * webhooks pays one commit (one round trip, one WAL flush) per batch instead of one per event.
 * Every engine's accept path batches the same way; what a batch is sent as is the engine's.
 *
 * A batch goes on `setImmediate`, after the I/O callbacks of the current turn, so every request
 * parsed in that turn joins it, or at once when `maxBatchSize` items are waiting. A larger backlog
 * (after a hold) goes as several batches of at most `maxBatchSize`, in arrival order.
 */
export class TurnBatch<T> {
  private pending: T[] = [];
  private scheduled = false;
  private held = false;

  constructor(
    private readonly maxBatchSize: number,
    private readonly send: BatchSender<T>,
  ) {
    if (!Number.isInteger(maxBatchSize) || maxBatchSize < 1) throw new RangeError(`maxBatchSize must be a whole number of at least 1, got ${maxBatchSize}`);
  }

  /** Items waiting for their batch. */
  get waiting(): number {
    return this.pending.length;
  }

  add(item: T): void {
    this.pending.push(item);
    // A held batch takes this item along when it goes.
    if (this.held) return;
    if (this.pending.length >= this.maxBatchSize) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        if (!this.held) this.flush();
      });
    }
  }

  /** Sends what is waiting now, ending a hold; stops at a batch the sender holds again. */
  flush(): void {
    this.held = false;
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.maxBatchSize);
      if (this.send(batch) === 'held') {
        this.pending.unshift(...batch);
        this.held = true;
        return;
      }
    }
  }

  /** Takes every waiting item out, for a sender that settles them another way (closing). */
  drain(): T[] {
    return this.pending.splice(0);
  }
}
