import { describe, expect, it } from 'vitest';
import { TurnBatch } from '../../src/stores/turn-batch.js';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('TurnBatch', () => {
  it('hands over what one turn added as one batch, once the turn is over', async () => {
    const sent: number[][] = [];
    const batches = new TurnBatch<number>(256, (batch) => void sent.push(batch));
    for (let i = 0; i < 5; i++) batches.add(i);
    expect(sent).toEqual([]);
    await nextTurn();
    expect(sent).toEqual([[0, 1, 2, 3, 4]]);
    batches.add(5);
    await nextTurn();
    expect(sent).toEqual([[0, 1, 2, 3, 4], [5]]);
  });

  it('sends a full batch at once, and the rest after the turn', async () => {
    const sent: number[][] = [];
    const batches = new TurnBatch<number>(3, (batch) => void sent.push(batch));
    for (let i = 0; i < 7; i++) batches.add(i);
    expect(sent).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    await nextTurn();
    expect(sent).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
  });

  it('keeps a held batch in front, sends nothing until flushed, then everything in order in batches of the maximum', async () => {
    const sent: number[][] = [];
    let hold = true;
    const batches = new TurnBatch<number>(2, (batch) => {
      if (hold) return 'held';
      sent.push(batch);
      return undefined;
    });
    batches.add(0);
    await nextTurn();
    for (let i = 1; i < 5; i++) batches.add(i);
    await nextTurn();
    expect(sent).toEqual([]);
    expect(batches.waiting).toBe(5);
    hold = false;
    batches.flush();
    expect(sent).toEqual([[0, 1], [2, 3], [4]]);
    expect(batches.waiting).toBe(0);
  });

  it('gives up what waits to a caller that settles it another way', () => {
    const batches = new TurnBatch<string>(10, () => undefined);
    batches.add('a');
    batches.add('b');
    expect(batches.drain()).toEqual(['a', 'b']);
    expect(batches.waiting).toBe(0);
  });

  it.each([0, 1.5, Number.NaN])('refuses a maximum batch size of %s', (size) => {
    expect(() => new TurnBatch(size, () => undefined)).toThrow(RangeError);
  });
});
