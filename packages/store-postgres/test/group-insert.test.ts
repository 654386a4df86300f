import { describe, expect, it, vi } from 'vitest';
import type { NewEvent } from '../src/events/event-table.js';
import { GroupInsert, type InsertTarget } from '../src/events/group-insert.js';
import { sampleEvent } from './support/sample-event.js';

/** A table whose statements the test answers by hand, so what settles when is in its control. */
class ManualTable implements InsertTarget {
  readonly statements: { rows: readonly NewEvent[]; commit: (ids: readonly string[]) => void; fail: (error: unknown) => void }[] = [];

  insertMany(rows: readonly NewEvent[]): Promise<ReadonlySet<string>> {
    return new Promise((resolve, reject) => {
      this.statements.push({ rows, commit: (ids) => resolve(new Set(ids)), fail: reject });
    });
  }
}

function databaseError(code: string): Error {
  return Object.assign(new Error(`SQLSTATE ${code}`), { code });
}

/** Lets the `setImmediate` flush run. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('GroupInsert', () => {
  it('settles an accept only once the statement holding its row has committed', async () => {
    const table = new ManualTable();
    const wake = vi.fn();
    const inserts = new GroupInsert(table, 256, wake);
    const event = sampleEvent(0);
    const settled = vi.fn();
    void inserts.add(event, 0).then(settled);
    await nextTurn();
    expect(table.statements).toHaveLength(1);
    await nextTurn();
    expect(settled).not.toHaveBeenCalled();
    expect(wake).not.toHaveBeenCalled();
    table.statements[0]?.commit([event.id]);
    await vi.waitFor(() => expect(settled).toHaveBeenCalledWith('accepted'));
    expect(wake).toHaveBeenCalledTimes(1);
  });

  it('sends a full batch at once, without waiting for the turn to end, and the next one beside it', () => {
    const table = new ManualTable();
    const inserts = new GroupInsert(table, 2, () => undefined);
    for (let i = 0; i < 5; i++) void inserts.add(sampleEvent(i), i);
    // Two statements in flight together, neither waiting for the other's commit; the fifth waits for the turn.
    expect(table.statements.map((statement) => statement.rows.length)).toEqual([2, 2]);
  });

  it('fails every accept of a batch whose statement failed for a reason that is not its rows, and tries none again', async () => {
    const table = new ManualTable();
    const wake = vi.fn();
    const inserts = new GroupInsert(table, 256, wake);
    const answers = [sampleEvent(0), sampleEvent(1)].map((event) => inserts.add(event, 0));
    await nextTurn();
    const lost = new Error('Connection terminated unexpectedly');
    table.statements[0]?.fail(lost);
    for (const answer of answers) await expect(answer).rejects.toBe(lost);
    expect(table.statements).toHaveLength(1);
    expect(wake).not.toHaveBeenCalled();
  });

  it('retries a batch refused for its rows one event at a time, in arrival order, so only the bad event fails', async () => {
    const table = new ManualTable();
    const wake = vi.fn();
    const inserts = new GroupInsert(table, 256, wake);
    const [good, bad, copy] = [sampleEvent(0), sampleEvent(1), sampleEvent(2)];
    if (!good || !bad || !copy) throw new Error('three events');
    const answers = Promise.allSettled([good, bad, { ...copy, eventId: good.eventId }].map((event) => inserts.add(event, 0)));
    await nextTurn();
    table.statements[0]?.fail(databaseError('22021'));
    // One statement per event, each sent only once the one before it has settled.
    await vi.waitFor(() => expect(table.statements).toHaveLength(2));
    table.statements[1]?.commit([good.id]);
    await vi.waitFor(() => expect(table.statements).toHaveLength(3));
    const refused = databaseError('22021');
    table.statements[2]?.fail(refused);
    await vi.waitFor(() => expect(table.statements).toHaveLength(4));
    table.statements[3]?.commit([]);
    expect(table.statements.slice(1).map((statement) => statement.rows.map((row) => row.event.id))).toEqual([[good.id], [bad.id], [copy.id]]);
    expect(await answers).toEqual([
      { status: 'fulfilled', value: 'accepted' },
      { status: 'rejected', reason: refused },
      { status: 'fulfilled', value: 'duplicate' },
    ]);
    expect(wake).toHaveBeenCalledTimes(1);
  });

  it('accepts the same event handed in twice in one turn once', async () => {
    const table = new ManualTable();
    const inserts = new GroupInsert(table, 256, () => undefined);
    const event = sampleEvent(0);
    const answers = [inserts.add(event, 0), inserts.add(event, 0)];
    await nextTurn();
    table.statements[0]?.commit([event.id]);
    expect(await Promise.all(answers)).toEqual(['accepted', 'duplicate']);
  });

  it('close sends what waits and resolves once every batch has settled', async () => {
    const table = new ManualTable();
    const inserts = new GroupInsert(table, 256, () => undefined);
    const event = sampleEvent(0);
    const answer = inserts.add(event, 0);
    const closed = vi.fn();
    void inserts.close().then(closed);
    expect(table.statements).toHaveLength(1);
    await nextTurn();
    expect(closed).not.toHaveBeenCalled();
    table.statements[0]?.commit([event.id]);
    await vi.waitFor(() => expect(closed).toHaveBeenCalled());
    await expect(answer).resolves.toBe('accepted');
  });
});
