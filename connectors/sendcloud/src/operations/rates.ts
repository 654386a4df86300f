import type { Rate, RateRequest } from '@interlock/logistics';
import { toRate, toRateRequestBody } from '../transform/rate.js';
import type { SendcloudContext } from './context.js';

/** Prices from the carrier, every time: the hub's RateCache decides how long to keep them. */
export async function quoteRates(ctx: SendcloudContext, request: RateRequest): Promise<Rate[]> {
  const page = await ctx.api.call('quoteRates', { body: toRateRequestBody(request) });
  const quotedAt = ctx.clock.now();
  return page.data.map((rate) => toRate(rate, quotedAt));
}
