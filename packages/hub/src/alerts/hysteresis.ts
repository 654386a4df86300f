/** Where one rule stands on one subject between evaluations. */
export interface Track {
  firing: boolean;
  /** Since when the value has been at or above `fireAt` (not firing yet). */
  breachSince?: number | undefined;
  /** Since when the value has been below `clearBelow` (still firing). */
  clearSince?: number | undefined;
}

export interface Thresholds {
  fireAt: number;
  clearBelow: number;
  forSeconds: number;
  clearForSeconds: number;
}

export type Transition = 'fire' | 'resolve' | 'none';

/**
 * One evaluation: fire once the value has held at or above `fireAt` for `forSeconds`, resolve
 * once it has stayed below `clearBelow` (or had no value) for `clearForSeconds`. A value between
 * the two changes nothing, and a dip or a spike shorter than the hold restarts the clock, so the
 * alert does not flap.
 */
export function step(track: Track, value: number | undefined, thresholds: Thresholds, now: number): { track: Track; transition: Transition } {
  const breaching = value !== undefined && value >= thresholds.fireAt;
  const clear = value === undefined || value < thresholds.clearBelow;
  if (!track.firing) {
    if (!breaching) return { track: { firing: false }, transition: 'none' };
    const breachSince = track.breachSince ?? now;
    if (now - breachSince >= thresholds.forSeconds * 1_000) return { track: { firing: true }, transition: 'fire' };
    return { track: { firing: false, breachSince }, transition: 'none' };
  }
  if (!clear) return { track: { firing: true }, transition: 'none' };
  const clearSince = track.clearSince ?? now;
  if (now - clearSince >= thresholds.clearForSeconds * 1_000) return { track: { firing: false }, transition: 'resolve' };
  return { track: { firing: true, clearSince }, transition: 'none' };
}
