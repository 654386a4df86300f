import type { TelemetryEvent } from '@interlock/core';
import { BusinessMetricsProbe } from '@interlock/core/testing';
import { describe, expect, it } from 'vitest';
import { LOGISTICS_METRICS, logisticsDomain, logisticsMetrics, SHIPMENT_CREATION_ENDPOINT, summarizeTrack, trackChange, trackingStatusMachine, type Track } from '../src/index.js';

const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);
const SECOND = 1_000;

function track(trackingNumber: string, status: Track['status'], occurredAt: number): Track {
  return summarizeTrack({ provider: 'carrier', trackingNumber }, [{ trackingNumber, status, rawCode: status.toUpperCase(), rawText: status, occurredAt, receivedAt: occurredAt }]);
}

const probe = (): BusinessMetricsProbe => new BusinessMetricsProbe(trackingStatusMachine, logisticsMetrics.observer());

describe('logistics business metrics', () => {
  it('is the logistics domain’s declaration, every observed metric declared', () => {
    expect(logisticsDomain.metrics).toBe(logisticsMetrics);
    expect(new Set(Object.values(LOGISTICS_METRICS))).toEqual(new Set(logisticsMetrics.definitions.map((definition) => definition.name)));
  });

  it('measures how late each applied status reached us and counts the outcomes shipments reach', () => {
    const metrics = probe();
    expect(metrics.apply(trackChange(track('TN1', 'label_created', T0)), T0 + 2 * SECOND)).toBe(true);
    expect(metrics.apply(trackChange(track('TN1', 'in_transit', T0 + 60 * SECOND)), T0 + 3_660 * SECOND)).toBe(true);
    expect(metrics.apply(trackChange(track('TN1', 'delivered', T0 + 7_200 * SECOND)), T0 + 7_230 * SECOND)).toBe(true);
    // A later scan of the same status (the signature taken) is applied, but the shipment was already delivered.
    expect(metrics.apply(trackChange(track('TN1', 'delivered', T0 + 7_260 * SECOND)), T0 + 7_260 * SECOND)).toBe(true);
    expect(metrics.apply(trackChange(track('TN2', 'exception', T0)), T0 + 5 * SECOND)).toBe(true);
    expect(metrics.apply(trackChange(track('TN2', 'in_transit', T0 + 10 * SECOND)), T0 + 10 * SECOND)).toBe(true);
    expect(metrics.apply(trackChange(track('TN2', 'returned_to_sender', T0 + 20 * SECOND)), T0 + 20 * SECOND)).toBe(true);
    // The carrier's clock ahead of ours: it reached us at once, not before it happened.
    expect(metrics.apply(trackChange(track('TN3', 'delivered', T0 + 9 * SECOND)), T0)).toBe(true);

    expect(metrics.values(LOGISTICS_METRICS.trackingLagSeconds)).toEqual([2, 3_600, 30, 0, 5, 0, 0, 0]);
    expect(metrics.total(LOGISTICS_METRICS.outcomes, { outcome: 'delivered' })).toBe(2);
    expect(metrics.total(LOGISTICS_METRICS.outcomes, { outcome: 'exception' })).toBe(1);
    expect(metrics.total(LOGISTICS_METRICS.outcomes, { outcome: 'returned_to_sender' })).toBe(1);
    expect(metrics.total(LOGISTICS_METRICS.outcomes)).toBe(4);
  });

  it('moves nothing for a duplicate, a stale or a backward status the guard refuses', () => {
    const metrics = probe();
    const delivered = trackChange(track('TN1', 'delivered', T0 + 100 * SECOND));
    metrics.apply(trackChange(track('TN1', 'in_transit', T0)), T0 + SECOND);
    metrics.apply(delivered, T0 + 101 * SECOND);

    expect(metrics.apply(delivered, T0 + 500 * SECOND)).toBe(false);
    expect(metrics.apply(trackChange(track('TN1', 'in_transit', T0 + 50 * SECOND)), T0 + 600 * SECOND)).toBe(false);
    expect(metrics.apply(trackChange(track('TN1', 'out_for_delivery', T0 + 200 * SECOND)), T0 + 700 * SECOND)).toBe(false);

    expect(metrics.values(LOGISTICS_METRICS.trackingLagSeconds)).toEqual([1, 1]);
    expect(metrics.total(LOGISTICS_METRICS.outcomes)).toBe(1);
  });

  it('counts a shipment creation once per call from the connector’s telemetry, timing it from its first attempt to its label', () => {
    const metrics = probe();
    const call = (correlationId: string, endpoint = SHIPMENT_CREATION_ENDPOINT) => ({ provider: 'carrier', endpoint, correlationId, method: 'POST' });
    const events: TelemetryEvent[] = [
      // Created at the second attempt, 4.5 s after the first began.
      { ...call('c1'), type: 'request.started', at: T0, attempt: 1 },
      { ...call('c1'), type: 'request.finished', at: T0 + 1_000, attempt: 1, durationMs: 1_000, outcome: 'failure', status: 503, errorKind: 'unavailable' },
      { ...call('c1'), type: 'request.retried', at: T0 + 1_000, attempt: 1, delayMs: 2_000, reason: 'http_503', errorKind: 'unavailable' },
      { ...call('c1'), type: 'request.started', at: T0 + 3_000, attempt: 2 },
      { ...call('c1'), type: 'request.finished', at: T0 + 4_500, attempt: 2, durationMs: 1_500, outcome: 'success', status: 200 },
      // Refused and given up on.
      { ...call('c2'), type: 'request.started', at: T0, attempt: 1 },
      { ...call('c2'), type: 'request.finished', at: T0 + 200, attempt: 1, durationMs: 200, outcome: 'failure', status: 422, errorKind: 'invalid_request' },
      { ...call('c2'), type: 'request.gave_up', at: T0 + 200, attempts: 1, reason: 'http_422', errorKind: 'invalid_request' },
      // Another endpoint's calls are not creations.
      { ...call('c3', 'track'), type: 'request.started', at: T0, attempt: 1 },
      { ...call('c3', 'track'), type: 'request.finished', at: T0 + 100, attempt: 1, durationMs: 100, outcome: 'success', status: 200 },
    ];
    for (const event of events) metrics.telemetry(event);

    expect(metrics.total(LOGISTICS_METRICS.creations, { outcome: 'created' })).toBe(1);
    expect(metrics.total(LOGISTICS_METRICS.creations, { outcome: 'failed' })).toBe(1);
    expect(metrics.values(LOGISTICS_METRICS.labelSeconds)).toEqual([4.5]);
  });

  it('times a creation whose start it did not see by its last attempt', () => {
    const metrics = probe();
    metrics.telemetry({ provider: 'carrier', endpoint: SHIPMENT_CREATION_ENDPOINT, correlationId: 'c9', method: 'POST', type: 'request.finished', at: T0 + 800, attempt: 1, durationMs: 800, outcome: 'success', status: 200 });
    expect(metrics.values(LOGISTICS_METRICS.labelSeconds)).toEqual([0.8]);
  });

  it('forgets the oldest creation in flight past a thousand, so calls that never end cannot grow it', () => {
    const metrics = probe();
    const start = (correlationId: string, at: number): TelemetryEvent => ({ provider: 'carrier', endpoint: SHIPMENT_CREATION_ENDPOINT, correlationId, method: 'POST', type: 'request.started', at, attempt: 1 });
    const finish = (correlationId: string): TelemetryEvent => ({ provider: 'carrier', endpoint: SHIPMENT_CREATION_ENDPOINT, correlationId, method: 'POST', type: 'request.finished', at: T0 + 10_000, attempt: 1, durationMs: 500, outcome: 'success', status: 200 });
    for (let index = 0; index <= 1_000; index++) metrics.telemetry(start(`c${index}`, T0));
    metrics.telemetry(finish('c0'));
    metrics.telemetry(finish('c1'));
    expect(metrics.values(LOGISTICS_METRICS.labelSeconds)).toEqual([0.5, 10]);
  });

  it('observes only shipment records', () => {
    const change = { recordType: 'other', recordId: 'x', status: 'delivered', occurredAt: T0 };
    expect(logisticsMetrics.observer().observeChange?.({ change, previous: undefined, receivedAt: T0 })).toEqual([]);
  });
});
