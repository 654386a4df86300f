import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/index.js';
import { DEFAULT_OPEN_FOR_HOURS, pollSchedule } from '../src/polling/schedule.js';

const HOUR = 3_600_000;

describe('the poll schedule of a domain', () => {
  it("gives up on a record after the domain's own limit when the config names none, and after the config's when it does", () => {
    const settings = loadConfig(undefined, {}).polling;
    expect(pollSchedule(settings, { openForHours: 720 })).toEqual({ firstAfterMs: 60_000, capMs: 1_800_000, maxDurationMs: 720 * HOUR });
    expect(pollSchedule(settings, {}).maxDurationMs).toBe(DEFAULT_OPEN_FOR_HOURS * HOUR);
    const capped = loadConfig(undefined, { polling: { maxHours: 48 } }).polling;
    expect(pollSchedule(capped, { openForHours: 720 }).maxDurationMs).toBe(48 * HOUR);
  });
});
