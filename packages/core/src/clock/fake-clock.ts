import { abortReason, type Clock } from './clock.js';

interface Timer {
  at: number;
  seq: number;
  resolve: () => void;
}

export interface FakeClockOptions {
  /** Start time in epoch milliseconds. Defaults to 2026-01-01T00:00:00Z. */
  start?: number;
  /**
   * Jump to the next timer whenever nothing real is in flight. With real loopback HTTP in a
   * test, wrap the client's fetch with `clock.trackFetch` so time stands still while a request
   * is on the wire.
   */
  autoAdvance?: boolean;
}

/** Header that carries a hold id from `trackFetch` to a test server sharing this clock. */
export const FAKE_CLOCK_HOLD_HEADER = 'x-fake-clock-hold';

const nextMacrotask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * A clock whose time moves only when told to (or, in auto mode, when everything is waiting on
 * it). Real I/O takes no virtual time: a "hold" marks work in flight, and auto-advance waits
 * until no hold is active.
 */
export class FakeClock implements Clock {
  private current: number;
  private timers: Timer[] = [];
  private seq = 0;
  private readonly autoAdvance: boolean;
  private advanceScheduled = false;
  private nextHoldId = 1;
  /** Hold id -> active (true) or suspended while its owner waits on this clock (false). */
  private readonly holds = new Map<number, boolean>();

  constructor(options: FakeClockOptions = {}) {
    this.current = options.start ?? Date.UTC(2026, 0, 1);
    this.autoAdvance = options.autoAdvance ?? false;
  }

  now(): number {
    return this.current;
  }

  get pendingTimers(): number {
    return this.timers.length;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortReason(signal));
        return;
      }
      const timer: Timer = {
        at: this.current + Math.max(0, ms),
        seq: this.seq++,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = (): void => {
        this.timers = this.timers.filter((t) => t !== timer);
        reject(abortReason(signal as AbortSignal));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.insert(timer);
      this.scheduleAutoAdvance();
    });
  }

  setTimer(ms: number, callback: () => void): () => void {
    const timer: Timer = { at: this.current + Math.max(0, ms), seq: this.seq++, resolve: callback };
    this.insert(timer);
    this.scheduleAutoAdvance();
    return () => {
      const index = this.timers.indexOf(timer);
      if (index !== -1) this.timers.splice(index, 1);
    };
  }

  /** Moves time forward by `ms`, firing due timers in order and letting their continuations run. */
  async advance(ms: number): Promise<void> {
    await this.advanceTo(this.current + ms);
  }

  async advanceTo(target: number): Promise<void> {
    for (;;) {
      const next = this.timers[0];
      if (!next || next.at > target) break;
      this.fireDue(next.at);
      await nextMacrotask();
    }
    this.current = Math.max(this.current, target);
    await nextMacrotask();
  }

  /** Marks real work in flight: auto-advance waits until it is released. */
  hold(): number {
    const id = this.nextHoldId++;
    this.holds.set(id, true);
    return id;
  }

  release(id: number): void {
    this.holds.delete(id);
    this.scheduleAutoAdvance();
  }

  /**
   * For a test server sharing this clock: waits `ms` of virtual time on behalf of the request
   * whose hold id came in `FAKE_CLOCK_HOLD_HEADER`, letting time move meanwhile.
   */
  async sleepHeld(holdId: number | undefined, ms: number): Promise<void> {
    if (holdId !== undefined && this.holds.has(holdId)) this.holds.set(holdId, false);
    this.scheduleAutoAdvance();
    try {
      await this.sleep(ms);
    } finally {
      // The client may have given up (and released) while we slept.
      if (holdId !== undefined && this.holds.has(holdId)) this.holds.set(holdId, true);
    }
  }

  /**
   * Wraps fetch so that virtual time stands still while each request is on the wire, its
   * response body included: the body is read before the hold is released, since a large page
   * still streaming in would otherwise let time jump to the attempt's timeout.
   */
  trackFetch(inner: typeof fetch = fetch): typeof fetch {
    return async (input, init) => {
      const id = this.hold();
      try {
        // Tag the request in place: rebuilding a Request would copy its body stream.
        let response: Response;
        if (input instanceof Request) {
          input.headers.set(FAKE_CLOCK_HOLD_HEADER, String(id));
          response = await inner(input, init);
        } else {
          const headers = new Headers(init?.headers);
          headers.set(FAKE_CLOCK_HOLD_HEADER, String(id));
          response = await inner(input, { ...init, headers });
        }
        return await buffered(response);
      } finally {
        this.release(id);
      }
    };
  }

  private activeHolds(): number {
    let active = 0;
    for (const isActive of this.holds.values()) if (isActive) active++;
    return active;
  }

  private insert(timer: Timer): void {
    let index = this.timers.length;
    while (index > 0) {
      const before = this.timers[index - 1] as Timer;
      if (before.at < timer.at || (before.at === timer.at && before.seq < timer.seq)) break;
      index--;
    }
    this.timers.splice(index, 0, timer);
  }

  private fireDue(at: number): void {
    this.current = Math.max(this.current, at);
    while (this.timers.length > 0 && (this.timers[0] as Timer).at <= this.current) {
      (this.timers.shift() as Timer).resolve();
    }
  }

  private scheduleAutoAdvance(): void {
    if (!this.autoAdvance || this.advanceScheduled) return;
    this.advanceScheduled = true;
    setImmediate(() => {
      this.advanceScheduled = false;
      const next = this.timers[0];
      if (!next || this.activeHolds() > 0) return;
      this.fireDue(next.at);
      this.scheduleAutoAdvance();
    });
  }
}

// Statuses whose responses may not carry a body (the Response constructor refuses one).
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 204, 205, 304]);

async function buffered(response: Response): Promise<Response> {
  const body = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}
