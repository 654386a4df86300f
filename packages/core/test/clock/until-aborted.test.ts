import { describe, expect, it } from 'vitest';
import { untilAborted } from '../../src/clock/until-aborted.js';

describe('untilAborted', () => {
  it('returns the promise itself without a signal', () => {
    const promise = Promise.resolve(1);
    expect(untilAborted(promise)).toBe(promise);
  });

  it('settles as the promise does while the signal stays quiet', async () => {
    const signal = new AbortController().signal;
    await expect(untilAborted(Promise.resolve('v'), signal)).resolves.toBe('v');
    const failure = new Error('inner');
    await expect(untilAborted(Promise.reject(failure), signal)).rejects.toBe(failure);
  });

  it('rejects with the abort reason at once, or when the signal aborts', async () => {
    const never = new Promise<never>(() => undefined);
    const reason = new Error('aborted before');
    await expect(untilAborted(never, AbortSignal.abort(reason))).rejects.toBe(reason);
    const controller = new AbortController();
    const waiting = untilAborted(never, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
  });
});
