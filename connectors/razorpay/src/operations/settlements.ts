import type { SettlementLine, SettlementPeriod } from '@interlock/payments';
import { reconDays, toSettlementLine } from '../transform/settlement.js';
import type { WireSettlement } from '../wire/index.js';
import type { RazorpayContext } from './context.js';
import { listQuery, readCollection, RECON_PAGE_SIZE } from './pages.js';

/**
 * The settlement lines of the period: the combined recon report (`year`/`month`/`day`) of every
 * Indian calendar day the period touches, each read to its last page, keeping the lines settled
 * inside the period (`from` inclusive, `to` exclusive).
 */
export function listSettlements(ctx: RazorpayContext, period: SettlementPeriod): AsyncIterable<SettlementLine> {
  return {
    async *[Symbol.asyncIterator]() {
      for (const day of reconDays(period)) {
        for await (const item of readCollection(ctx, 'settlementRecon', listQuery(day), RECON_PAGE_SIZE)) {
          const line = toSettlementLine(item);
          if (line !== undefined && line.settledAt >= period.from && line.settledAt < period.to) yield line;
        }
      }
    },
  };
}

/** Razorpay's settlements (the transfers to the bank account) created in the period, as Razorpay sends them. */
export function listSettlementTransfers(ctx: RazorpayContext, period: SettlementPeriod): AsyncIterable<WireSettlement> {
  const query = listQuery({ createdFrom: Math.floor(period.from / 1000), createdTo: Math.ceil(period.to / 1000) - 1 });
  return readCollection(ctx, 'listSettlements', query);
}
