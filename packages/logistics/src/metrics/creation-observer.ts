import type { BusinessObservation, BusinessObserver, TelemetryEvent } from '@interlock/core';
import { LOGISTICS_METRICS } from './definitions.js';

/**
 * The endpoint a carrier's connector creates a shipment (and buys its label) through, named after
 * the canonical operation, as Sendcloud's is. The hub never sees a creation itself, only the
 * connector's calls, so creations are counted from those.
 */
export const SHIPMENT_CREATION_ENDPOINT = 'createShipment';

/** Creations started and not yet finished are remembered up to this many; a call that never reports its end is dropped, oldest first. */
const MAX_IN_FLIGHT = 1_000;

/**
 * Counts shipment creations from the provider client's telemetry: one per call, not per attempt
 * (a call retried twice then answered is one creation, created), and times each from its first
 * attempt to its answer.
 */
export function creationObserver(): Required<Pick<BusinessObserver, 'observeTelemetry'>> {
  const startedAt = new Map<string, number>();
  return {
    observeTelemetry(event: TelemetryEvent): BusinessObservation[] {
      if (!('endpoint' in event) || event.endpoint !== SHIPMENT_CREATION_ENDPOINT || !('correlationId' in event)) return [];
      const call = `${event.provider}\u0000${event.correlationId}`;
      if (event.type === 'request.started') {
        if (!startedAt.has(call)) startedAt.set(call, event.at);
        if (startedAt.size > MAX_IN_FLIGHT) startedAt.delete(startedAt.keys().next().value as string);
        return [];
      }
      if (event.type === 'request.gave_up') {
        startedAt.delete(call);
        return [{ metric: LOGISTICS_METRICS.creations, labels: { outcome: 'failed' }, value: 1 }];
      }
      if (event.type !== 'request.finished' || event.outcome !== 'success') return [];
      const started = startedAt.get(call) ?? event.at - event.durationMs;
      startedAt.delete(call);
      return [
        { metric: LOGISTICS_METRICS.creations, labels: { outcome: 'created' }, value: 1 },
        { metric: LOGISTICS_METRICS.labelSeconds, labels: {}, value: (event.at - started) / 1_000 },
      ];
    },
  };
}
