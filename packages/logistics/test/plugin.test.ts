import { IntegrationError, type ReadOptions, type StoredEvent } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { logisticsDomain, READ_REQUEST_TIMEOUT_MS, SHIPMENT_RECORD_TYPE, summarizeTrack, trackSchema, type LogisticsConnector, type Track, type TrackingResult } from '../src/index.js';

function track(status: Track['status'], updatedAt: number, carrierShipmentId?: string): Track {
  return summarizeTrack({ provider: 'carrier', trackingNumber: '1Z999', carrierShipmentId }, [
    { trackingNumber: '1Z999', status, rawCode: status.toUpperCase(), rawText: status, occurredAt: updatedAt, receivedAt: updatedAt + 1 },
  ]);
}

function stored(body: unknown): StoredEvent {
  return { id: 'e1', provider: 'carrier', eventId: 'evt_1', type: 'tracking', receivedAt: 5_000, occurredAt: 5_000, payload: JSON.stringify(body), status: 'processing', attempts: 1, updatedAt: 5_000 };
}

function connector(result: TrackingResult | undefined, reads: (readonly string[])[] = []): LogisticsConnector {
  return {
    provider: 'carrier',
    track: (numbers: readonly string[]) => (reads.push(numbers), Promise.resolve(result === undefined ? [] : [result])),
    eventsFromVerifiedBody: (rawBody, eventId) => {
      const body = JSON.parse(rawBody) as { track?: Track; readRequest?: { trackingNumber: string } };
      const type = body.track || body.readRequest ? 'tracking.updated' : 'unknown';
      return [{ id: eventId, provider: 'carrier', providerEventId: eventId, type, rawType: 'x', occurredAt: 4_000, ...(body.track ? { track: body.track } : {}), ...(body.readRequest ? { readRequest: body.readRequest } : {}) }];
    },
  } as Partial<LogisticsConnector> as LogisticsConnector;
}

describe('the logistics domain plug-in', () => {
  it('keeps polling a shipment for weeks, longer than a carrier push subscription lasts (14 days), not the hub default of a day', () => {
    expect(logisticsDomain.polling?.openForHours).toBeGreaterThanOrEqual(14 * 24);
  });

  it("polls with the poller's signal, so a read waiting for its turn ends when the hub closes", async () => {
    const signals: (AbortSignal | undefined)[] = [];
    const carrier = { ...connector(undefined), track: (_numbers: readonly string[], options?: { signal?: AbortSignal | undefined }) => (signals.push(options?.signal), Promise.reject(options?.signal?.reason as Error)) };
    const closing = new AbortController();
    closing.abort(new Error('hub closing'));
    await expect(logisticsDomain.polling?.read(carrier as LogisticsConnector, 'TN1', closing.signal)).rejects.toThrow('hub closing');
    expect(signals).toEqual([closing.signal]);
  });

  it('names itself and its record type, ordered by the tracking machine', () => {
    expect(logisticsDomain.name).toBe('logistics');
    expect(logisticsDomain.recordTypes).toEqual([SHIPMENT_RECORD_TYPE]);
    expect(logisticsDomain.machine.isState('out_for_delivery')).toBe(true);
    expect(logisticsDomain.reconciliation).toBeUndefined();
  });

  it('turns a verified body into the tracking number\'s record change, with the track as its snapshot', () => {
    const interpreter = logisticsDomain.interpreter(connector(undefined));
    const change = interpreter.interpret?.(stored({ track: track('delivered', 3_000) }));
    expect(change).toMatchObject({ recordType: SHIPMENT_RECORD_TYPE, recordId: '1Z999', status: 'delivered', occurredAt: 3_000 });
    expect(trackSchema.parse(JSON.parse(change?.snapshot ?? '{}'))).toEqual(track('delivered', 3_000));
    expect(interpreter.interpret?.(stored({}))).toBeUndefined();
  });

  it('answers an event that only asks for a read with exactly one read of that number, applying the read and not the event', async () => {
    const reads: (readonly string[])[] = [];
    const answer: TrackingResult = { trackingNumber: '1Z999', found: true, tracks: [track('out_for_delivery', 3_000)] };
    const interpreter = logisticsDomain.interpreter(connector(answer, reads));
    const request = stored({ readRequest: { trackingNumber: '1Z999' } });
    const change = await interpreter.read?.(request);
    expect(reads).toEqual([['1Z999']]);
    expect(change).toMatchObject({ recordType: SHIPMENT_RECORD_TYPE, recordId: '1Z999', status: 'out_for_delivery', occurredAt: 3_000 });
    expect(trackSchema.parse(JSON.parse(change?.snapshot ?? '{}'))).toEqual(track('out_for_delivery', 3_000));
    // What the console checks a corrected payload with reads nothing, and finds no change in a bare request.
    expect(interpreter.interpret?.(request)).toBeUndefined();
    expect(reads).toHaveLength(1);
  });

  it('applies a track an event carries without reading, and reads nothing for an event about no record', async () => {
    const reads: (readonly string[])[] = [];
    const interpreter = logisticsDomain.interpreter(connector(undefined, reads));
    await expect(interpreter.read?.(stored({ track: track('delivered', 3_000) }))).resolves.toMatchObject({ recordId: '1Z999', status: 'delivered', occurredAt: 3_000 });
    await expect(interpreter.read?.(stored({}))).resolves.toBeUndefined();
    expect(reads).toEqual([]);
  });

  it('fails a read request the carrier cannot answer, with the kind the workers retry or dead-letter on', async () => {
    const missing: TrackingResult = { trackingNumber: '1Z999', found: false, error: { kind: 'not_found', reason: 'unknown_number', message: 'no such number' } };
    await expect(logisticsDomain.interpreter(connector(missing)).read?.(stored({ readRequest: { trackingNumber: '1Z999' } }))).rejects.toMatchObject({ kind: 'not_found' });
  });

  it("bounds a requested read's wait for the carrier's limit, leaves one the limiter could not start to the poller, and fails any other refusal", async () => {
    const asked: (number | undefined)[] = [];
    const refusing = (reason: string): LogisticsConnector => ({
      ...connector(undefined),
      track: (_numbers: readonly string[], options?: ReadOptions) => (asked.push(options?.totalTimeoutMs), Promise.reject(new IntegrationError('rate_limited', 'limited', { provider: 'carrier', endpoint: 'track', reason }))),
    });
    const request = stored({ readRequest: { trackingNumber: '1Z999' } });
    await expect(logisticsDomain.interpreter(refusing('rate_limit_wait_exceeds_budget')).read?.(request)).resolves.toBeUndefined();
    await expect(logisticsDomain.interpreter(refusing('http_429')).read?.(request)).rejects.toMatchObject({ kind: 'rate_limited', reason: 'http_429' });
    expect(asked).toEqual([READ_REQUEST_TIMEOUT_MS, READ_REQUEST_TIMEOUT_MS]);
  });

  it("watches numbers through a carrier's subscriptions where it has them, and asks nothing of one without", async () => {
    const watching = logisticsDomain.polling?.watching;
    if (watching === undefined) throw new Error('logistics polling watches no numbers');
    const asked: string[] = [];
    const subscribing: LogisticsConnector = {
      ...connector(undefined),
      watch: (numbers) => (asked.push(...numbers.map((number) => `watch ${number}`)), Promise.resolve({ watched: [...numbers], refused: [] })),
      unwatch: (number) => void asked.push(`unwatch ${number}`),
      renewWatches: () => (asked.push('renew'), Promise.resolve({ watched: ['TN1'], refused: [] })),
    };
    expect(await watching.watch(subscribing, ['TN1'])).toEqual({ watched: ['TN1'], refused: [] });
    watching.unwatch(subscribing, 'TN1');
    expect(await watching.renew(subscribing)).toEqual({ watched: ['TN1'], refused: [] });
    expect(asked).toEqual(['watch TN1', 'unwatch TN1', 'renew']);

    const plain = connector(undefined);
    expect(await watching.watch(plain, ['TN1'])).toEqual({ watched: [], refused: [] });
    expect(() => watching.unwatch(plain, 'TN1')).not.toThrow();
    expect(await watching.renew(plain)).toEqual({ watched: [], refused: [] });
  });

  it('polls a tracking number until it is final, taking the latest of several shipments under it', async () => {
    const polling = logisticsDomain.polling!;
    const result: TrackingResult = { trackingNumber: '1Z999', found: true, tracks: [track('in_transit', 2_000, 'old'), track('out_for_delivery', 3_000, 'live')] };
    const read = await polling.read(connector(result), '1Z999');
    expect(read).toMatchObject({ status: 'out_for_delivery', updatedAt: 3_000 });
    expect(JSON.parse(read.snapshot ?? '{}')).toMatchObject({ carrierShipmentId: 'live' });
    expect([polling.isSettled('out_for_delivery'), polling.isSettled('delivered'), polling.isSettled('returned_to_sender'), polling.isSettled('unknown')]).toEqual([false, true, true, false]);
    // The read is dated by the carrier's latest scan (3_000 above), not by when it was read.
    expect(polling.changeTime).toBe('provider');
  });

  it('fails a read the carrier could not answer, for the poller to retry', async () => {
    const polling = logisticsDomain.polling!;
    const missing: TrackingResult = { trackingNumber: '1Z999', found: false, error: { kind: 'not_found', reason: 'unknown_number', message: 'no such number' } };
    await expect(polling.read(connector(missing), '1Z999')).rejects.toMatchObject({ kind: 'not_found', reason: 'unknown_number' });
    await expect(polling.read(connector(undefined), '1Z999')).rejects.toMatchObject({ kind: 'contract_violation', reason: 'result_missing' });
    await expect(polling.read(connector({ trackingNumber: '1Z999', found: true, tracks: [] }), '1Z999')).rejects.toMatchObject({ reason: 'empty_track' });
  });
});
