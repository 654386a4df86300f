import { findLeaks, type Leak } from './detector.js';

/** What one cell found: secrets written, and witnesses absent (the output never heard the credentials). */
export interface CellFinding {
  leaks: Leak[];
  missing: string[];
}

/** Judges one output's text for one shape: it must hold every witness and none of the secrets. */
export function judgeCell(text: string, secrets: readonly string[], witnesses: readonly string[]): CellFinding {
  return { leaks: findLeaks(text, secrets), missing: witnesses.filter((witness) => !text.includes(witness)) };
}
