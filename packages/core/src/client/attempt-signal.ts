import type { Clock } from '../clock/clock.js';

export type AttemptAbortCause = 'attempt_timeout' | 'deadline' | 'caller';

function abortError(why: AttemptAbortCause): DOMException {
  return new DOMException(`Attempt aborted: ${why}`, 'AbortError');
}

/**
 * One signal for an attempt that aborts on the first of: the attempt's timeout, the call's
 * deadline, or the caller's own signal. Timers run on the injected clock so tests stay virtual.
 *
 * Nothing is set up until a transport reads `signal`: a transport that never reads it cannot be
 * aborted, so for it the timer and the caller's listener could only ever have named the cause of
 * a failure, and `cause()` works that out from the clock instead. The controller, the timer and
 * the listener were most of an attempt's fixed cost.
 */
export class AttemptSignal {
  private controller: AbortController | undefined;
  private abortedBy: AttemptAbortCause | undefined;
  private cancelTimer: (() => void) | undefined;
  private listening = false;
  private readonly dueAt: number;
  private readonly dueCause: AttemptAbortCause;

  constructor(
    private readonly clock: Clock,
    startedAt: number,
    timeoutMs: number,
    deadlineMs: number,
    private readonly callerSignal: AbortSignal | undefined,
  ) {
    const bySelf = startedAt + timeoutMs <= deadlineMs;
    this.dueAt = bySelf ? startedAt + timeoutMs : deadlineMs;
    this.dueCause = bySelf ? 'attempt_timeout' : 'deadline';
  }

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      this.arm();
      if (this.abortedBy !== undefined) this.controller.abort(abortError(this.abortedBy));
    }
    return this.controller.signal;
  }

  /** Why the signal aborted, once it has (or would have, for a transport that never read it). */
  cause(): AttemptAbortCause | undefined {
    if (this.abortedBy !== undefined || this.controller) return this.abortedBy;
    if (this.callerSignal?.aborted) return 'caller';
    return this.clock.now() >= this.dueAt ? this.dueCause : undefined;
  }

  /** Cancels the pending timer; call when the attempt ends. */
  dispose(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    if (this.listening) this.callerSignal?.removeEventListener('abort', this);
    this.listening = false;
  }

  /** The caller's signal aborted (this object is its listener, so no closure is made per attempt). */
  handleEvent(): void {
    this.abort('caller');
  }

  private arm(): void {
    if (this.callerSignal?.aborted) {
      this.abort('caller');
      return;
    }
    this.cancelTimer = this.clock.setTimer(this.dueAt - this.clock.now(), () => this.abort(this.dueCause));
    if (this.callerSignal) {
      this.callerSignal.addEventListener('abort', this, { once: true });
      this.listening = true;
    }
  }

  private abort(why: AttemptAbortCause): void {
    if (this.abortedBy !== undefined) return;
    this.abortedBy = why;
    this.controller?.abort(abortError(why));
  }
}
