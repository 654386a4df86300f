import { IntegrationError, type RecordChange } from '@interlock/core';
import type { TrackingResult } from '../connector.js';
import type { Track } from '../models/tracking.js';
import { SHIPMENT_RECORD_TYPE } from './records.js';

/** A track as a record change, with the track kept as the record's snapshot. */
export function trackChange(track: Track): RecordChange {
  return { recordType: SHIPMENT_RECORD_TYPE, recordId: track.trackingNumber, status: track.status, occurredAt: track.updatedAt, snapshot: JSON.stringify(track) };
}

/**
 * The one track of a tracking result. A carrier that holds several shipments under one number
 * (DHL across its services) should be narrowed by its connector (a service hint); when several
 * remain, the one the carrier updated last is taken, as the live one.
 */
export function trackOf(result: TrackingResult | undefined, provider: string, trackingNumber: string): Track {
  if (result === undefined) {
    throw new IntegrationError('contract_violation', `${provider} returned no result for a tracking number`, { provider, endpoint: 'track', reason: 'result_missing' });
  }
  if (!result.found) throw new IntegrationError(result.error.kind, `${provider}: ${result.error.message}`, { provider, endpoint: 'track', reason: result.error.reason });
  const [latest] = [...result.tracks].sort((a, b) => b.updatedAt - a.updatedAt);
  if (latest === undefined) {
    throw new IntegrationError('contract_violation', `${provider} found ${trackingNumber} with no track`, { provider, endpoint: 'track', reason: 'empty_track' });
  }
  return latest;
}
