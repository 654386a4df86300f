import { describe, expect, it } from 'vitest';
import { readCall } from '../../src/connectors/read-options.js';

describe('readCall', () => {
  it("hands on the caller's signal and deadline, the connector's own bound capping it", () => {
    const signal = new AbortController().signal;
    expect(readCall()).toEqual({});
    expect(readCall({ signal })).toEqual({ signal });
    expect(readCall({ totalTimeoutMs: 30_000 })).toEqual({ totalTimeoutMs: 30_000 });
    expect(readCall({}, 60_000)).toEqual({ totalTimeoutMs: 60_000 });
    expect(readCall({ signal, totalTimeoutMs: 30_000 }, 60_000)).toEqual({ signal, totalTimeoutMs: 30_000 });
    expect(readCall({ totalTimeoutMs: 90_000 }, 60_000)).toEqual({ totalTimeoutMs: 60_000 });
  });
});
