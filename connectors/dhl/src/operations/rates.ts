import type { Rate, RateRequest } from '@interlock/logistics';
import { toRateRequestBody, toRates } from '../transform/rates.js';
import type { DhlContext } from './context.js';
import { expressOf } from './unsupported.js';

/**
 * Prices from DHL Express's multi-piece POST /rates, for every product it offers on the route (or
 * only `request.services`, by product code). Weights and dimensions go in the unit system the
 * request declares, converted exactly; a declaration given is validated before any call.
 */
export async function quoteRates(ctx: DhlContext, request: RateRequest): Promise<Rate[]> {
  const express = expressOf(ctx, 'quoteRates');
  const now = ctx.clock.now();
  const body = toRateRequestBody(request, express.accountNumber, now);
  return toRates(await express.api.call('rates', { body }), now, request.services);
}
