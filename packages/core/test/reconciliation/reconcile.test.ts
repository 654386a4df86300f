import { describe, expect, it } from 'vitest';
import { MemoryTelemetrySink, money, reconcile, type Money, type ReconcileOptions } from '../../src/index.js';
import { FakeClock } from '../../src/testing.js';

interface Ours {
  id: string;
  amount: Money;
  status: string;
}
interface Theirs {
  ref: string;
  gross: Money;
  status: string;
}

const period = { from: 1_767_225_600_000, to: 1_767_312_000_000 };

function options(ours: Ours[], theirs: Iterable<Theirs> | AsyncIterable<Theirs>, sink = new MemoryTelemetrySink()): ReconcileOptions<Ours, Theirs> {
  return {
    name: 'payments.settlements',
    provider: 'stripe',
    period,
    clock: new FakeClock({ start: period.to }),
    emit: (event) => sink.emit(event),
    ours: { records: ours, key: (r) => r.id, amount: (r) => r.amount },
    theirs: { records: theirs, key: (r) => r.ref, amount: (r) => r.gross },
    compare: (o, t) => (o.status === t.status ? [] : ['status']),
  };
}

async function* slowly<T>(items: readonly T[]): AsyncIterable<T> {
  for (const item of items) yield await Promise.resolve(item);
}

describe('reconcile', () => {
  it('reports zero differences and equal totals when both sides agree', async () => {
    const sink = new MemoryTelemetrySink();
    const ours = [
      { id: 'a', amount: money(1050, 'INR'), status: 'paid' },
      { id: 'b', amount: money(500, 'JPY'), status: 'paid' },
    ];
    const theirs = [
      { ref: 'b', gross: money(500, 'JPY'), status: 'paid' },
      { ref: 'a', gross: money(1050, 'INR'), status: 'paid' },
    ];
    const report = await reconcile(options(ours, slowly(theirs), sink));
    expect(report.differences).toBe(0);
    expect(report.totals.ours).toEqual({ INR: { count: 1, amountMinor: 1050 }, JPY: { count: 1, amountMinor: 500 } });
    expect(report.totals.theirs).toEqual(report.totals.ours);
    expect(sink.ofType('reconciliation.completed')).toEqual([expect.objectContaining({ differences: 0, compared: 2, provider: 'stripe' })]);
    expect(sink.ofType('reconciliation.difference')).toEqual([]);
  });

  it('finds missing, extra, mismatched and duplicated records and alerts once', async () => {
    const sink = new MemoryTelemetrySink();
    const ours = [
      { id: 'kept', amount: money(100, 'INR'), status: 'paid' },
      { id: 'lost', amount: money(200, 'INR'), status: 'paid' },
      { id: 'short', amount: money(300, 'INR'), status: 'paid' },
      { id: 'other-currency', amount: money(400, 'INR'), status: 'paid' },
      { id: 'refunded', amount: money(500, 'INR'), status: 'paid' },
    ];
    const theirs = [
      { ref: 'kept', gross: money(100, 'INR'), status: 'paid' },
      { ref: 'short', gross: money(299, 'INR'), status: 'paid' },
      { ref: 'other-currency', gross: money(400, 'USD'), status: 'paid' },
      { ref: 'refunded', gross: money(500, 'INR'), status: 'refunded' },
      { ref: 'surprise', gross: money(700, 'INR'), status: 'paid' },
      { ref: 'surprise', gross: money(700, 'INR'), status: 'paid' },
    ];
    const report = await reconcile(options(ours, theirs, sink));
    expect(report.missing.map((m) => m.key)).toEqual(['lost']);
    expect(report.extra.map((m) => m.key)).toEqual(['surprise']);
    expect(report.mismatched.map((m) => [m.key, m.fields])).toEqual([
      ['short', ['amount']],
      ['other-currency', ['currency']],
      ['refunded', ['status']],
    ]);
    expect(report.duplicates).toEqual([{ side: 'theirs', key: 'surprise', count: 2 }]);
    expect(report.differences).toBe(6);
    expect(report.totals.theirs['INR']).toEqual({ count: 5, amountMinor: 2299 });
    const alerts = sink.ofType('reconciliation.difference');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ differences: 6, sampleKeys: ['lost', 'surprise', 'short', 'other-currency', 'refunded', 'surprise'] });
  });

  it('fails the run when one side cannot be read to the end, rather than reporting the rest missing', async () => {
    async function* broken(): AsyncIterable<Theirs> {
      yield { ref: 'a', gross: money(1, 'INR'), status: 'paid' };
      throw new Error('page 2 failed');
    }
    await expect(reconcile(options([{ id: 'a', amount: money(1, 'INR'), status: 'paid' }], broken()))).rejects.toThrow('page 2 failed');
  });

  it('refuses totals beyond the safe integer range instead of rounding them', async () => {
    const big = money(Number.MAX_SAFE_INTEGER, 'INR');
    await expect(reconcile(options([{ id: 'a', amount: big, status: 'p' }, { id: 'b', amount: big, status: 'p' }], []))).rejects.toThrow(RangeError);
  });
});
