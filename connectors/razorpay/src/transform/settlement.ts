import { negateMoney, statusMap, subtractMoney, zoneOffsetMs } from '@interlock/core';
import type { SettlementKind, SettlementLine, SettlementPeriod } from '@interlock/payments';
import { readFields, RECON_FIELDS } from '../fields.js';
import { RAZORPAY_PROVIDER } from '../provider.js';
import { RECON_TYPE } from '../wire/enums.js';
import type { WireReconItem } from '../wire/index.js';
import { instantFromWire } from './instants.js';
import { fromWireAmount } from './money.js';

/** What a recon line settles; a transfer moves our balance to a linked account, neither charge nor refund. */
const RECON_KIND = statusMap(RECON_TYPE, {
  charge: ['payment'],
  refund: ['refund'],
  adjustment: ['transfer', 'adjustment'],
});

/** Razorpay reports settlements by calendar day in India. */
export const SETTLEMENT_ZONE = 'Asia/Kolkata';

const DAY_MS = 86_400_000;

/** A calendar day as the recon report is queried (`year`, `month` 1–12, `day`). */
export interface ReconDay {
  year: number;
  month: number;
  day: number;
}

function dayOf(epochMs: number): ReconDay {
  const local = new Date(epochMs + zoneOffsetMs(SETTLEMENT_ZONE, epochMs));
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

/** Every Indian calendar day that overlaps the period (`from` inclusive, `to` exclusive), oldest first. */
export function reconDays(period: SettlementPeriod): ReconDay[] {
  const days: ReconDay[] = [];
  if (period.to <= period.from) return days;
  const last = dayOf(period.to - 1);
  // India keeps one offset all year, so stepping 24 hours visits each calendar day exactly once.
  for (let cursor = period.from; ; cursor += DAY_MS) {
    const day = dayOf(cursor);
    days.push(day);
    if (day.year === last.year && day.month === last.month && day.day === last.day) return days;
  }
}

/**
 * One canonical settlement line from a recon item, or undefined while the item is not settled
 * yet. `gross` is signed as the money moved for us (a refund is negative), `net` is what reached
 * the balance (`credit − debit`) and `fee` is Razorpay's `fee`, which already includes the GST on
 * it (`tax` is that GST: a transfer's debit is its amount plus `fee`, fetch-recon docs), so
 * `gross − fee = net` on every line. The line points at the canonical payment (the order, when the
 * payment had one) and at the refund.
 */
export function toSettlementLine(item: WireReconItem): SettlementLine | undefined {
  const read = readFields(RECON_FIELDS, item);
  const settledAt = read.int('settledAt');
  if (settledAt === undefined) return undefined;
  const currency = read.requiredText('currency');
  const type = read.enumValue('type');
  const kind: SettlementKind = type === undefined ? 'unknown' : RECON_KIND.map(type).status;
  const entityId = read.requiredText('entityId');
  const amount = fromWireAmount(read.int('amountMinor'), currency, 'amount');
  const credit = fromWireAmount(read.int('credit'), currency, 'credit');
  const debit = fromWireAmount(read.int('debit'), currency, 'debit');
  const fee = fromWireAmount(read.int('fee') ?? 0, currency, 'fee');
  const line: SettlementLine = {
    provider: RAZORPAY_PROVIDER,
    id: `${read.text('settlementId') ?? 'unsettled'}:${entityId}`,
    kind,
    gross: read.int('debit') !== 0 && read.int('credit') === 0 ? negateMoney(amount) : amount,
    fee,
    net: subtractMoney(credit, debit),
    settledAt: instantFromWire(settledAt),
  };
  const paymentId = kind === 'charge' ? (read.text('orderId') ?? entityId) : (read.text('orderId') ?? read.text('paymentId'));
  if (paymentId !== undefined) line.paymentId = paymentId;
  if (kind === 'refund') line.refundId = entityId;
  return line;
}
