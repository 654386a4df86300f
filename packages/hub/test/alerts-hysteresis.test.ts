import { describe, expect, it } from 'vitest';
import { step, type Thresholds, type Track } from '../src/alerts/hysteresis.js';

const thresholds: Thresholds = { fireAt: 10, clearBelow: 5, forSeconds: 60, clearForSeconds: 30 };

/** Feeds one value per 10 s and lists the transitions with their time. */
function run(values: readonly (number | undefined)[]): string[] {
  let track: Track = { firing: false };
  const seen: string[] = [];
  values.forEach((value, i) => {
    const result = step(track, value, thresholds, i * 10_000);
    track = result.track;
    if (result.transition !== 'none') seen.push(`${result.transition}@${i * 10}s`);
  });
  return seen;
}

describe('hysteresis', () => {
  it('fires only once the value has held at the threshold for forSeconds; a shorter spike restarts the wait', () => {
    expect(run([12, 12, 12, 12, 12, 4, 12, 12, 12, 12, 12, 12, 12])).toEqual(['fire@120s']);
  });

  it('resolves only once the value has stayed below clearBelow for clearForSeconds; the band between holds', () => {
    const firing = [10, 10, 10, 10, 10, 10, 10];
    expect(run([...firing, 7, 7, 7, 7, 7, 7, 7, 7])).toEqual(['fire@60s']);
    expect(run([...firing, 4, 4, 9, 4, 4, 4, 4])).toEqual(['fire@60s', 'resolve@130s']);
    expect(run([...firing, undefined, undefined, undefined, undefined])).toEqual(['fire@60s', 'resolve@100s']);
  });

  it('never fires without a value', () => {
    expect(run([undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined])).toEqual([]);
  });
});
