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
 */
export function attemptSignal(clock: Clock, timeoutMs: number, deadlineMs: number, callerSignal?: AbortSignal): AttemptSignal {
  const controller = new AbortController();
  const timerCancel = new AbortController();
  let cause: AttemptAbortCause | undefined;
  const abort = (why: AttemptAbortCause): void => {
    if (cause !== undefined) return;
    cause = why;
    controller.abort(new DOMException(`Attempt aborted: ${why}`, 'AbortError'));
  };
  const untilDeadline = deadlineMs - clock.now();
  const bySelf = timeoutMs <= untilDeadline;
  clock.sleep(Math.max(0, Math.min(timeoutMs, untilDeadline)), timerCancel.signal).then(
    () => abort(bySelf ? 'attempt_timeout' : 'deadline'),
    () => undefined,
  );
  const onCallerAbort = (): void => abort('caller');
  if (callerSignal?.aborted) abort('caller');
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    cause: () => cause,
    dispose: () => {
      timerCancel.abort();
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}
