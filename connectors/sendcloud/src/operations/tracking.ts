import { isIntegrationError, readCall, type ReadOptions } from '@interlock/core';
import type { TrackingResult } from '@interlock/logistics';
import { notFound, toTrackingResult } from '../transform/tracking.js';
import type { SendcloudContext } from './context.js';

/** One number's answer: its track, or `not_found` when Sendcloud answers 404 (an S3 XML error document, v2-tracking.openapi.yml). */
async function trackOne(ctx: SendcloudContext, trackingNumber: string, options: ReadOptions): Promise<TrackingResult> {
  try {
    const wire = await ctx.api.call('track', { pathParams: { trackingNumber }, ...readCall(options) });
    return toTrackingResult(wire, trackingNumber, ctx.clock.now());
  } catch (error) {
    if (isIntegrationError(error) && error.kind === 'not_found') return notFound(trackingNumber);
    throw error;
  }
}

/**
 * One result per number asked, in order. Sendcloud tracks one number per call, so the numbers
 * are read one after another, each within the account's read limits; a number Sendcloud does not
 * know is a `found: false` result beside the others, and any other failure fails the batch.
 */
export async function track(ctx: SendcloudContext, trackingNumbers: readonly string[], options: ReadOptions = {}): Promise<TrackingResult[]> {
  const results: TrackingResult[] = [];
  for (const trackingNumber of trackingNumbers) results.push(await trackOne(ctx, trackingNumber, options));
  return results;
}
