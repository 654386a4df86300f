import type { RecordPolling } from '@interlock/core';
import type { HubConfig } from '../config/config.js';

/** What a domain's records are polled for when neither the config nor the domain names a limit. */
export const DEFAULT_OPEN_FOR_HOURS = 24;

export interface PollSchedule {
  firstAfterMs: number;
  capMs: number;
  maxDurationMs: number;
}

/** The poller's schedule for one domain: the config's timings, and its limit or else the domain's. */
export function pollSchedule(settings: HubConfig['polling'], polling: Pick<RecordPolling<unknown>, 'openForHours'>): PollSchedule {
  const hours = settings.maxHours ?? polling.openForHours ?? DEFAULT_OPEN_FOR_HOURS;
  return { firstAfterMs: settings.firstAfterSeconds * 1_000, capMs: settings.capSeconds * 1_000, maxDurationMs: hours * 3_600_000 };
}
