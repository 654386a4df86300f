import { isIntegrationError, type IntegrationError, type ReadOptions } from '@interlock/core';
import type { TrackingResult } from '@interlock/logistics';
import { toTrack } from '../transform/tracking.js';
import type { DhlContext } from './context.js';
import { readShipments } from './pages.js';

/** What a number that could not be read reports beside the others, rather than failing the batch. */
function failedResult(trackingNumber: string, error: IntegrationError): TrackingResult {
  return { trackingNumber, found: false, error: { kind: error.kind, reason: error.reason ?? error.kind, message: error.message } };
}

/** Failures of one number: DHL does not know it (404), or today's quota could not serve it (429 or the limiter's refusal). */
const perNumber = (error: unknown): error is IntegrationError => isIntegrationError(error) && (error.kind === 'not_found' || error.kind === 'rate_limited');

async function readNumber(ctx: DhlContext, trackingNumber: string, options: ReadOptions): Promise<TrackingResult> {
  try {
    const shipments = [];
    for await (const shipment of readShipments(ctx, trackingNumber, options)) shipments.push(shipment);
    const receivedAt = ctx.clock.now();
    const result: TrackingResult = { trackingNumber, found: true, tracks: shipments.map((shipment) => toTrack(shipment, trackingNumber, receivedAt)) };
    ctx.ledger.record(result);
    return result;
  } catch (error) {
    if (perNumber(error)) return failedResult(trackingNumber, error);
    throw error;
  }
}

/**
 * One result per number asked, in order. DHL reads one number per call, and one number may hold
 * several shipments (one per service), each its own track. Settled numbers are answered from the
 * ledger at no cost; the others are read oldest first, so when the day's quota runs out mid-batch
 * the newest numbers are the ones reported `rate_limited`. DHL down or a bad key fails the batch.
 */
export async function track(ctx: DhlContext, trackingNumbers: readonly string[], options: ReadOptions = {}): Promise<TrackingResult[]> {
  const { settled, toRead } = ctx.ledger.plan(trackingNumbers);
  const results = new Map(settled.map((result) => [result.trackingNumber, result]));
  for (const number of toRead) results.set(number, await readNumber(ctx, number, options));
  return trackingNumbers.map((number) => results.get(number) as TrackingResult);
}
