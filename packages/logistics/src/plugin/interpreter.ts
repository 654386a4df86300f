import type { EventInterpreter, RecordChange, StoredEvent } from '@interlock/core';
import type { LogisticsConnector } from '../connector.js';
import { trackingStatusMachine } from '../tracking-status.js';
import { trackChange } from './track-change.js';

/**
 * How a carrier's stored webhooks are applied: the connector turns the verified body into
 * canonical events, and the track one becomes the tracking number's new state, ordered by the
 * tracking machine (a late `in_transit` after `delivered` is refused as backward). Events that
 * carry no track (an integration changed) are discarded with their reason, not failed.
 */
export function logisticsInterpreter(connector: Pick<LogisticsConnector, 'eventsFromVerifiedBody'>): EventInterpreter {
  return {
    machine: trackingStatusMachine,
    interpret(event: StoredEvent): RecordChange | undefined {
      const found = connector.eventsFromVerifiedBody(event.payload, event.eventId).find((candidate) => candidate.track !== undefined);
      return found?.track === undefined ? undefined : trackChange(found.track);
    },
  };
}
