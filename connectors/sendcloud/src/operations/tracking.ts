import type { TrackingResult } from '@interlock/logistics';
import { LIST_PARAMS } from '../fields.js';
import { toTrackingResult } from '../transform/tracking.js';
import type { SendcloudContext } from './context.js';

/** Numbers per tracking call. Template value: the carrier's documented maximum. */
const BATCH = 50;

/**
 * One result per number asked, in order: a number the carrier does not know is a `found: false`
 * result beside the others, and one it left out of its answer is reported as a broken contract.
 */
export async function track(ctx: SendcloudContext, trackingNumbers: readonly string[]): Promise<TrackingResult[]> {
  const results = new Map<string, TrackingResult>();
  for (let start = 0; start < trackingNumbers.length; start += BATCH) {
    const batch = trackingNumbers.slice(start, start + BATCH);
    const page = await ctx.api.call('track', { query: { [LIST_PARAMS.trackingNumbers]: batch.join(',') } });
    const receivedAt = ctx.clock.now();
    for (const wire of page.data) results.set(wire.tracking_number, toTrackingResult(wire, receivedAt));
  }
  return trackingNumbers.map(
    (trackingNumber): TrackingResult =>
      results.get(trackingNumber) ?? { trackingNumber, found: false, error: { kind: 'contract_violation', reason: 'result_missing', message: 'the carrier returned no result for this number' } },
  );
}
