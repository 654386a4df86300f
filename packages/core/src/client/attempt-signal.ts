import type { Clock } from '../clock/clock.js';

export type AttemptAbortCause = 'attempt_timeout' | 'deadline' | 'caller';

export interface AttemptSignal {
  signal: AbortSignal;
  /** Why the signal aborted, once it has. */
  cause(): AttemptAbortCause | undefined;
  /** Cancels the pending timer; call when the attempt ends. */
  dispose(): void;
}

/**
 * One signal for an attempt that aborts on the first of: the attempt's timeout, the call's
 * deadline, or the caller's own signal. Timers run on the injected clock so tests stay virtual.
 * The AbortController is made only when a transport reads the signal: most attempts end long
 * before any deadline, and the controller is a measurable share of a call's cost.
 */
export function attemptSignal(clock: Clock, timeoutMs: number, deadlineMs: number, callerSignal?: AbortSignal): AttemptSignal {
  let controller: AbortController | undefined;
  let cause: AttemptAbortCause | undefined;
  const reason = (why: AttemptAbortCause): DOMException => new DOMException(`Attempt aborted: ${why}`, 'AbortError');
  const abort = (why: AttemptAbortCause): void => {
    if (cause !== undefined) return;
    cause = why;
    controller?.abort(reason(why));
  };
  const untilDeadline = deadlineMs - clock.now();
  const bySelf = timeoutMs <= untilDeadline;
  const cancelTimer = clock.setTimer(Math.min(timeoutMs, untilDeadline), () => abort(bySelf ? 'attempt_timeout' : 'deadline'));
  const onCallerAbort = (): void => abort('caller');
  if (callerSignal?.aborted) abort('caller');
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  return {
    get signal() {
      if (!controller) {
        controller = new AbortController();
        if (cause !== undefined) controller.abort(reason(cause));
      }
      return controller.signal;
    },
    cause: () => cause,
    dispose: () => {
      cancelTimer();
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}
