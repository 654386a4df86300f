import type { SimObject } from '@interlock/testkit/simulator';
import type { Expander } from './lists.js';
import { balanceTransactionObject } from './objects.js';
import type { SimulationState } from './state.js';

/** Stripe's standard card pricing as a stand-in fee: 2.9 % + 30 minor units, rounded. */
const FEE_RATE_PER_MILLE = 29;
const FEE_FIXED_MINOR = 30;

/** `expand[]=source`: the charge or refund in place of its id. */
export function withSource(state: SimulationState): Expander {
  return (line, paths) => {
    const source = line['source'];
    if (!paths.includes('source') || typeof source !== 'string') return line;
    return { ...line, source: state.collection('charges').read(source) ?? state.collection('refunds').read(source) ?? source };
  };
}

function book(state: SimulationState, collection: 'charges' | 'refunds', source: SimObject, line: SimObject): void {
  state.collection('balance_transactions').put(line);
  state.collection(collection).put({ ...source, balance_transaction: line['id'] });
}

/**
 * Books a balance transaction for every captured charge and succeeded refund not booked yet.
 * An authorisation released before capture moved no money, so nothing settles for it.
 */
export function settle(state: SimulationState, at: number): void {
  const charges = state.collection('charges');
  for (const charge of charges.list()) {
    const id = charge['id'] as string;
    if (charge['captured'] !== true || state.settled.has(id) || state.lostLines.has(charge['payment_intent'] as string)) continue;
    state.settled.add(id);
    const amount = charge['amount'] as number;
    const fee = Math.round((amount * FEE_RATE_PER_MILLE) / 1000) + FEE_FIXED_MINOR;
    const currency = charge['currency'] as string;
    book(state, 'charges', charge, balanceTransactionObject({ id: state.nextId('txn_'), type: 'charge', source: id, amount, fee, currency, at }));
  }
  for (const refund of state.collection('refunds').list()) {
    const id = refund['id'] as string;
    if (refund['status'] !== 'succeeded' || state.settled.has(id) || charges.read(refund['charge'] as string)?.['captured'] !== true) continue;
    state.settled.add(id);
    const amount = -(refund['amount'] as number);
    const currency = refund['currency'] as string;
    book(state, 'refunds', refund, balanceTransactionObject({ id: state.nextId('txn_'), type: 'refund', source: id, amount, fee: 0, currency, at }));
  }
}

/** Loses the charge line of one payment, booked or still to come: what reconciliation must find. */
export function dropSettlementLineFor(state: SimulationState, paymentId: string): void {
  state.lostLines.add(paymentId);
  const ledger = state.collection('balance_transactions');
  for (const line of ledger.list()) {
    const source = state.collection('charges').read(line['source'] as string);
    if (line['type'] === 'charge' && source?.['payment_intent'] === paymentId) ledger.delete(line['id'] as string);
  }
}
