import { isIntegrationError, type EventInterpreter, type RecordChange, type StoredEvent } from '@interlock/core';
import type { LogisticsConnector } from '../connector.js';
import type { LogisticsEvent } from '../models/logistics-event.js';
import { trackingStatusMachine } from '../tracking-status.js';
import { readTrack } from './polling.js';
import { trackChange } from './track-change.js';

type InterpretedConnector = Pick<LogisticsConnector, 'provider' | 'track' | 'eventsFromVerifiedBody'>;

/**
 * How long a read a push asks for may take, its wait under the carrier's tracking limit included.
 * It runs in a hub worker, and at UPS's 20 reads a minute a burst of pushes could otherwise hold
 * every worker for minutes (payments' events behind them); the read is advice, the poller's is not.
 */
export const READ_REQUEST_TIMEOUT_MS = 30_000;

/**
 * A read request the carrier's limiter could not start in time changes nothing: the poller reads
 * the number on its schedule. The connector's telemetry keeps the refusal and its reason.
 */
async function readRequested(connector: InterpretedConnector, trackingNumber: string): Promise<RecordChange | undefined> {
  try {
    return trackChange(await readTrack(connector, trackingNumber, { totalTimeoutMs: READ_REQUEST_TIMEOUT_MS }));
  } catch (error) {
    if (isIntegrationError(error) && error.kind === 'rate_limited' && error.reason === 'rate_limit_wait_exceeds_budget') return undefined;
    throw error;
  }
}

function eventsOf(connector: InterpretedConnector, event: StoredEvent): LogisticsEvent[] {
  return connector.eventsFromVerifiedBody(event.payload, event.eventId);
}

function changeCarried(events: readonly LogisticsEvent[]): RecordChange | undefined {
  const found = events.find((candidate) => candidate.track !== undefined);
  return found?.track === undefined ? undefined : trackChange(found.track);
}

/**
 * How a carrier's stored webhooks are applied: the connector turns the verified body into
 * canonical events, and the track one becomes the tracking number's new state, ordered by the
 * tracking machine (a late `in_transit` after `delivered` is refused as backward). Events that
 * carry no track (an integration changed) are discarded with their reason, not failed.
 *
 * An event that only asks for a read (a carrier that signs nothing, whose body proves nothing)
 * changes nothing by itself: the workers' `read` asks the carrier for that number once and applies
 * its answer, so the state is the carrier's, never the push's. `interpret` (what the console
 * checks a corrected payload with) reads nothing and so sees no change in such an event.
 */
export function logisticsInterpreter(connector: InterpretedConnector): EventInterpreter {
  return {
    machine: trackingStatusMachine,
    interpret: (event) => changeCarried(eventsOf(connector, event)),
    async read(event) {
      const events = eventsOf(connector, event);
      const carried = changeCarried(events);
      if (carried !== undefined) return carried;
      const request = events.find((candidate) => candidate.readRequest !== undefined)?.readRequest;
      return request === undefined ? undefined : readRequested(connector, request.trackingNumber);
    },
  };
}
