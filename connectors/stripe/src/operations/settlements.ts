import type { SettlementLine, SettlementPeriod } from '@interlock/payments';
import { LIST_PARAMS } from '../fields.js';
import { toSettlementLine } from '../transform/settlement.js';
import type { StripeContext } from './context.js';
import { createdRange, mapEach, readPages } from './pages.js';

/**
 * The balance transactions created in the period. The source, expanded, names the PaymentIntent
 * (a charge's or a refund's) the line settles.
 */
export function listSettlements(ctx: StripeContext, period: SettlementPeriod): AsyncIterable<SettlementLine> {
  const query = { ...createdRange(period.from, period.to), [LIST_PARAMS.expand]: ['data.source'] };
  return mapEach(readPages(ctx, 'listBalanceTransactions', query), (line) => [toSettlementLine(line, ctx.transform)]);
}
