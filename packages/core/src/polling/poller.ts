import { backoffDelay } from '../retry/backoff.js';
import { pollGaveUpError } from './give-up.js';
import type { PolledState, PollTarget } from './poll-target.js';
import { resolvePollerOptions, type PollerOptions, type ResolvedPollerOptions } from './poller-options.js';
import { Slots } from './slots.js';

interface Waiter<S extends string> {
  resolve(state: PolledState<S>): void;
  reject(reason: unknown): void;
}

/** One tracked record's schedule and bookkeeping. */
interface Tracked<S extends string> {
  readonly recordId: string;
  /** When tracking began, as a sequence: a lower one reads first when reads queue for a slot. */
  readonly trackOrder: number;
  readonly deadline: number;
  /** Aborted by untrack and stop: ends the sleep, the read and the loop. */
  readonly stop: AbortController;
  /** The current sleep's controller; a nudge aborts it to read at once. */
  wake: AbortController | undefined;
  /** A nudge arrived while a read was under way: read again straight after it. */
  nudged: boolean;
  /** Backoff retry number of the next wait (1 = the first). */
  retry: number;
  previousDelayMs: number | undefined;
  reads: number;
  /** The last state handed to `onState` successfully. */
  seen: PolledState<S> | undefined;
  lastError: unknown;
  readonly waiters: Waiter<S>[];
}

type PollOutcome = 'settled' | 'unsettled' | 'stopped';

function stoppedError(recordId: string): DOMException {
  return new DOMException(`Polling of ${recordId} stopped`, 'AbortError');
}

/**
 * Reads each tracked record on a backoff schedule until it settles, so that every record reaches
 * its final state even when every webhook is lost: a webhook is advice, and `nudge` only moves
 * the next read forward. Read errors of any kind are retried on the same schedule until
 * `maxDurationMs`, then the record is given up and reported.
 *
 * The first read comes one backoff delay after `track` (the webhook usually arrives first). Each
 * record has one loop, so its reads and `onState` calls never overlap; across records at most
 * `concurrency` reads are in flight. When more are due than that (a provider's limiter holds each
 * read back), the record tracked longest reads first, whatever order they fell due in, so a
 * provider's allowance goes to the oldest open records and the newest wait.
 */
export class Poller<S extends string> {
  private readonly options: ResolvedPollerOptions;
  private readonly slots: Slots;
  private readonly records = new Map<string, Tracked<S>>();
  private readonly loops = new Set<Promise<void>>();
  private stopped = false;
  private tracks = 0;

  constructor(
    private readonly target: PollTarget<S>,
    options: PollerOptions,
  ) {
    this.options = resolvePollerOptions(options);
    this.slots = new Slots(this.options.concurrency);
  }

  /** Records being polled now. */
  get tracked(): number {
    return this.records.size;
  }

  /** Whether `recordId` is being polled now. */
  has(recordId: string): boolean {
    return this.records.has(recordId);
  }

  /** Starts polling `recordId`; tracking a record already tracked changes nothing. */
  track(recordId: string): void {
    if (this.stopped) throw new Error(`Poller is stopped: cannot track ${recordId}`);
    if (this.records.has(recordId)) return;
    const entry: Tracked<S> = {
      recordId,
      trackOrder: this.tracks++,
      deadline: this.options.clock.now() + this.options.maxDurationMs,
      stop: new AbortController(),
      wake: undefined,
      nudged: false,
      retry: 1,
      previousDelayMs: undefined,
      reads: 0,
      seen: undefined,
      lastError: undefined,
      waiters: [],
    };
    this.records.set(recordId, entry);
    const loop = this.run(entry).finally(() => this.loops.delete(loop));
    this.loops.add(loop);
  }

  /**
   * A webhook arrived: poll this record now instead of at its scheduled time. During a read, the
   * record is read again as soon as that read ends (the news may postdate it). Records not tracked
   * are ignored: a webhook alone does not start polling.
   */
  nudge(recordId: string): void {
    const entry = this.records.get(recordId);
    if (!entry) return;
    entry.nudged = true;
    entry.wake?.abort();
  }

  /** Stops polling `recordId`; its pending `whenSettled` promises reject with an AbortError. */
  untrack(recordId: string): void {
    const entry = this.records.get(recordId);
    if (entry) this.end(entry, stoppedError(recordId));
  }

  /**
   * Resolves with the settled state once a read finds one (after `onState` accepted it), or
   * rejects when the record is given up (a `timeout` IntegrationError, reason `poll_gave_up`) or
   * untracked. Tracks the record if it is not tracked yet, so a settlement is never missed for
   * having happened before the call.
   */
  whenSettled(recordId: string): Promise<PolledState<S>> {
    if (this.stopped) return Promise.reject(stoppedError(recordId));
    this.track(recordId);
    const entry = this.records.get(recordId) as Tracked<S>;
    return new Promise((resolve, reject) => entry.waiters.push({ resolve, reject }));
  }

  /**
   * Stops every record: pending sleeps are cancelled at once, reads in flight get an aborted
   * signal, and nothing is reported afterwards. Resolves when every loop has ended.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const entry of [...this.records.values()]) this.end(entry, stoppedError(entry.recordId));
    await Promise.all([...this.loops]);
  }

  private async run(entry: Tracked<S>): Promise<void> {
    const { clock } = this.options;
    while (await this.waitForTurn(entry)) {
      const outcome = await this.poll(entry);
      if (outcome !== 'unsettled') return;
      if (clock.now() >= entry.deadline) {
        this.giveUp(entry);
        return;
      }
    }
  }

  /** Sleeps until the next read is due or a nudge comes; false once the record stops being tracked. */
  private async waitForTurn(entry: Tracked<S>): Promise<boolean> {
    if (entry.nudged) return !entry.stop.signal.aborted;
    const { clock, backoff, random } = this.options;
    const delay = backoffDelay(entry.retry, backoff, entry.previousDelayMs, random);
    entry.retry++;
    entry.previousDelayMs = delay;
    // The last read falls on the deadline itself, so giving up always follows a fresh failure.
    const wait = Math.min(delay, Math.max(0, entry.deadline - clock.now()));
    const wake = new AbortController();
    entry.wake = wake;
    try {
      await clock.sleep(wait, wake.signal);
    } catch {
      // Woken early by a nudge or by untrack; which one is read from the stop signal below.
    } finally {
      entry.wake = undefined;
    }
    return !entry.stop.signal.aborted;
  }

  /** One read, with `onState` for a new state; never throws. */
  private async poll(entry: Tracked<S>): Promise<PollOutcome> {
    const { signal } = entry.stop;
    try {
      const state = await this.read(entry);
      if (signal.aborted) return 'stopped';
      if (entry.seen?.status !== state.status || entry.seen.updatedAt !== state.updatedAt) {
        await this.options.hooks.onState?.(entry.recordId, { status: state.status, updatedAt: state.updatedAt });
        if (signal.aborted) return 'stopped';
        entry.seen = state;
      }
      entry.lastError = undefined;
      if (!this.target.isSettled(state.status)) return 'unsettled';
      this.settle(entry, state);
      return 'settled';
    } catch (error) {
      if (signal.aborted) return 'stopped';
      entry.lastError = error;
      return 'unsettled';
    }
  }

  /** Reads through a slot, held only for the provider call. */
  private async read(entry: Tracked<S>): Promise<PolledState<S>> {
    const release = await this.slots.acquire(entry.trackOrder);
    try {
      const { signal } = entry.stop;
      if (signal.aborted) throw signal.reason;
      // Cleared here, not earlier: a nudge while this read waited for its slot is answered by it.
      entry.nudged = false;
      entry.reads++;
      return await this.target.read(entry.recordId, signal);
    } finally {
      release();
    }
  }

  private settle(entry: Tracked<S>, state: PolledState<S>): void {
    this.forget(entry);
    for (const waiter of entry.waiters.splice(0)) waiter.resolve(state);
  }

  private giveUp(entry: Tracked<S>): void {
    const { provider, maxDurationMs, hooks } = this.options;
    this.forget(entry);
    const error = pollGaveUpError(provider, entry.recordId, maxDurationMs, entry.reads, entry.lastError);
    for (const waiter of entry.waiters.splice(0)) waiter.reject(error);
    try {
      hooks.onGiveUp?.(entry.recordId, entry.lastError);
    } catch {
      // A failing report must not break the poller; the record is already given up.
    }
  }

  private end(entry: Tracked<S>, reason: DOMException): void {
    this.forget(entry);
    entry.stop.abort(reason);
    entry.wake?.abort(reason);
    for (const waiter of entry.waiters.splice(0)) waiter.reject(reason);
  }

  /** Removes the entry, unless the record was untracked and tracked again meanwhile. */
  private forget(entry: Tracked<S>): void {
    if (this.records.get(entry.recordId) === entry) this.records.delete(entry.recordId);
  }
}
