import { isIntegrationError, readCall, type ReadOptions } from '@interlock/core';
import type { TrackingResult } from '@interlock/logistics';
import { toTrackingResult } from '../transform/tracking.js';
import type { UpsContext } from './context.js';

/** Tracking.yaml reads one number per call; a few at once keep a batch quick under the limiter. */
const CONCURRENCY = 4;

/**
 * How long a read may wait for its turn under the limiter. At 20 reads a minute a burst of a
 * hundred distinct numbers drains in five; waiting is what keeps UPS from answering 429, and a
 * tracking read is never urgent to the second.
 */
const TRACK_WAIT_MS = 5 * 60_000;

async function trackOne(ctx: UpsContext, trackingNumber: string, options: ReadOptions): Promise<TrackingResult> {
  try {
    const body = await ctx.api.call('track', { pathParams: { inquiryNumber: trackingNumber }, query: { locale: 'en_US' }, ...readCall(options, TRACK_WAIT_MS) });
    return toTrackingResult(body, trackingNumber, ctx.clock.now(), ctx.localZone);
  } catch (error) {
    // "Tracking number information not found" is this number's answer, not the batch's failure.
    if (isIntegrationError(error) && error.kind === 'not_found') {
      return { trackingNumber, found: false, error: { kind: error.kind, reason: error.context.reason ?? 'tracking_number_unknown', message: 'UPS does not know this tracking number' } };
    }
    throw error;
  }
}

/**
 * One result per number asked, in order. UPS answers one number per `details` call, so a batch is
 * that many calls, each through the limiter; a number UPS does not know is a `found: false`
 * result, and only a failure of the whole service (auth, outage) rejects.
 */
export async function track(ctx: UpsContext, trackingNumbers: readonly string[], options: ReadOptions = {}): Promise<TrackingResult[]> {
  const results: TrackingResult[] = new Array<TrackingResult>(trackingNumbers.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < trackingNumbers.length) {
      const index = next++;
      results[index] = await trackOne(ctx, trackingNumbers[index] as string, options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, trackingNumbers.length) }, worker));
  return results;
}
